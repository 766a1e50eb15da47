using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;
using Territories.Travel;

namespace Territories.Workload;

/// <summary>What the alignment loop shapes: the accounts, the cycle, how a position works, and how many positions there are.</summary>
/// <remarks>Immutable. Accounts carry their visit requirement (frequency, duration) and opening hours as for the journey planner.</remarks>
public sealed record AlignmentRequest
{
    private readonly ImmutableArray<Account> _accounts = [];
    private readonly ImmutableArray<GeoPoint> _bases = [];
    private readonly ImmutableArray<GeoPoint> _baseCandidates = [];

    /// <summary>Creates a request.</summary>
    /// <param name="accounts">The accounts to divide and plan.</param>
    /// <param name="cycle">The journey cycle.</param>
    /// <param name="travelModel">The travel model of the plans.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cycle"/> or <paramref name="travelModel"/> is null.</exception>
    public AlignmentRequest(IEnumerable<Account> accounts, JourneyCycle cycle, ITravelModel travelModel)
    {
        Accounts = [.. Guard.NotNull(accounts)];
        Cycle = Guard.NotNull(cycle);
        TravelModel = Guard.NotNull(travelModel);
    }

    /// <summary>The accounts to divide into territories and plan.</summary>
    public ImmutableArray<Account> Accounts
    {
        get => _accounts;
        init => _accounts = value.IsDefault ? [] : value;
    }

    /// <summary>The journey cycle.</summary>
    public JourneyCycle Cycle { get; init; }

    /// <summary>The travel model every plan uses.</summary>
    public ITravelModel TravelModel { get; init; }

    /// <summary>
    /// How each position works: working days, daily hours, break and daily limits (its id and base are
    /// ignored). Default: Monday to Friday, 08:00–17:00 with a 30-minute break.
    /// </summary>
    public SalesPosition Position { get; init; } = new(new PositionId("template")) { Break = TimeSpan.FromMinutes(30) };

    /// <summary>
    /// The number of positions; null to size the sales force for <see cref="AlignmentOptions.TargetUtilisation"/>
    /// (see <see cref="WorkloadEstimator.Size"/>). Ignored when <see cref="Bases"/> are given. Default null.
    /// </summary>
    public int? Positions { get; init; }

    /// <summary>
    /// Fixed bases (the reps' homes), one per position: each territory is built around its base, which
    /// never moves. Default empty: the loop chooses each territory's base.
    /// </summary>
    public ImmutableArray<GeoPoint> Bases
    {
        get => _bases;
        init => _bases = value.IsDefault ? [] : value;
    }

    /// <summary>
    /// Places a chosen base may be (towns, distributors). Default empty: the accounts' own locations.
    /// </summary>
    public ImmutableArray<GeoPoint> BaseCandidates
    {
        get => _baseCandidates;
        init => _baseCandidates = value.IsDefault ? [] : value;
    }
}

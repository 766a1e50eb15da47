using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>A concrete change that gets an unplanned account into the plan, with its figures; verified by re-planning before it is suggested (see <see cref="UnplannedFixer"/>).</summary>
/// <remarks>Only the members of its <see cref="Kind"/> are set (see <see cref="FixKind"/>); the others keep their defaults. Immutable.</remarks>
/// <param name="Account">The unplanned account.</param>
/// <param name="Kind">What the fix changes.</param>
/// <param name="Message">A sentence a person can act on, with the figures.</param>
public sealed record UnplannedFix(AccountId Account, FixKind Kind, string Message)
{
    private readonly ImmutableArray<int> _days = [];

    /// <summary>A sentence a person can act on, with the figures.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);

    /// <summary><see cref="FixKind.LowerFrequency"/>: the new frequency.</summary>
    public VisitFrequency? Frequency { get; init; }

    /// <summary><see cref="FixKind.LowerFrequency"/>: service minutes per cycle the lower frequency frees.</summary>
    public double FreedMinutes { get; init; }

    /// <summary><see cref="FixKind.ExtendWorkingHours"/>: the position whose day is lengthened; <see cref="FixKind.AddCapacity"/>: the position the added one is modelled on.</summary>
    public PositionId? Position { get; init; }

    /// <summary><see cref="FixKind.ExtendWorkingHours"/>: the cycle days on which the longer day is needed.</summary>
    public ImmutableArray<int> Days
    {
        get => _days;
        init => _days = value.IsDefault ? [] : value;
    }

    /// <summary><see cref="FixKind.ExtendWorkingHours"/>: how much later the working day ends.</summary>
    public TimeSpan Extension { get; init; }

    /// <summary><see cref="FixKind.MoveToTerritory"/>: the territory that takes the account.</summary>
    public TerritoryId? Territory { get; init; }

    /// <summary><see cref="FixKind.MoveToTerritory"/>: working hours per cycle its positions have to spare in the plan.</summary>
    public double SlackHours { get; init; }

    /// <summary><see cref="FixKind.AddCapacity"/>: hours per cycle added.</summary>
    public double CapacityHours { get; init; }

    /// <summary><see cref="FixKind.AddCapacity"/>: the position added.</summary>
    public SalesPosition? AddedPosition { get; init; }

    /// <summary>The request with this fix applied.</summary>
    /// <param name="request">The request the plan answers.</param>
    /// <returns>The changed request; the same request when the fix names nothing in it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public JourneyPlanRequest Apply(JourneyPlanRequest request)
    {
        Guard.NotNull(request);
        var id = Account;
        switch (Kind)
        {
            case FixKind.LowerFrequency when Frequency is { } f:
                return request with { Accounts = [.. request.Accounts.Select(a => a.Id == id && a.Visit is not null ? a with { Visit = a.Visit with { Frequency = f, Patterns = [] } } : a)] };
            case FixKind.ExtendWorkingHours when Position is { } p:
                return request with
                {
                    Positions = [.. request.Positions.Select(x => x.Id == p ? x with { DailyHours = new TimeWindow(x.DailyHours.Start, x.DailyHours.End + Extension) } : x)],
                };
            case FixKind.MoveToTerritory when Territory is { } t:
                return request with { Accounts = [.. request.Accounts.Select(a => a.Id == id ? a with { Territory = t } : a)] };
            case FixKind.AddCapacity when AddedPosition is { } added && Position is { } model:
                return request with
                {
                    Positions = [.. request.Positions, added],
                    Territories = [.. request.Territories.Select(t => t.Positions.Contains(model) ? t with { Positions = [.. t.Positions, added.Id] } : t)],
                };
            default:
                return request;
        }
    }
}

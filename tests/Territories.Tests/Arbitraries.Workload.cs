using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Territories.Model;
using Territories.Travel;
using Territories.Workload;

namespace Territories.Tests;

/// <summary>A small alignment instance: outlets clustered around a few towns, with visit needs and a position template.</summary>
/// <param name="Accounts">The outlets.</param>
/// <param name="Positions">The number of positions.</param>
public sealed record AlignmentCase(ImmutableArray<Account> Accounts, int Positions)
{
    /// <summary>The 2-week cycle of every case.</summary>
    public static JourneyCycle Cycle { get; } = JourneyCycle.Create(2);

    /// <summary>Great-circle travel at 50 km/h with a circuity of 1.3.</summary>
    public static ITravelModel Travel { get; } = new GreatCircleTravelModel(50, 1.3);

    /// <summary>The request of this case.</summary>
    public AlignmentRequest Request => new(Accounts, Cycle, Travel) { Positions = Positions };

    /// <inheritdoc />
    public override string ToString() => $"AlignmentCase({Accounts.Length} accounts, {Positions} positions)";
}

public static partial class Arbitraries
{
    /// <summary>Alignment cases: 2–4 towns in a 60 × 60 km box, 20–60 outlets, weekly or fortnightly, 5–20 minutes, 1–3 positions.</summary>
    public static Arbitrary<AlignmentCase> AlignmentCases() => AlignmentCaseGen.ToArbitrary();

    /// <summary>The generator behind <see cref="AlignmentCases"/>.</summary>
    public static Gen<AlignmentCase> AlignmentCaseGen =>
        from towns in Gen.Choose(2, 4).SelectMany(n => PointIn(0, 50, 0.8, 50.5).ListOf(n))
        from count in Gen.Choose(20, 60)
        from outlets in OutletNear(towns).ListOf(count)
        from positions in Gen.Choose(1, 3)
        select new AlignmentCase([.. outlets.Select((o, i) => o with { Id = new AccountId($"o{i:000}") })], positions);

    private static Gen<Account> OutletNear(IList<GeoPoint> towns) =>
        from town in Gen.Elements(towns.ToArray())
        from dx in DoubleBetween(-0.05, 0.05)
        from dy in DoubleBetween(-0.03, 0.03)
        from weekly in Gen.Elements(true, false)
        from minutes in Gen.Choose(5, 20)
        select new Account(new AccountId("o"), new GeoPoint(Math.Round(town.Longitude + dx, 5), Math.Round(town.Latitude + dy, 5)))
        {
            ServiceTime = TimeSpan.FromMinutes(minutes),
            Visit = VisitRequirement.Of(weekly ? VisitFrequency.PerWeek(1) : VisitFrequency.EveryWeeks(2)),
        };
}

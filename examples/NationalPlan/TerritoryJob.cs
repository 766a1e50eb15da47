using System.Collections.Immutable;

namespace NationalPlan;

/// <summary>One territory to plan: its position's base, its accounts in compact form, the planner's seed and iteration limit.</summary>
/// <remarks>What a grain call carries; everything else (cycle, travel, working day) is <see cref="NationalSetup"/>.</remarks>
[GenerateSerializer, Immutable]
public sealed record TerritoryJob
{
    /// <summary>The territory id, e.g. <c>T001</c>.</summary>
    [Id(0)] public required string TerritoryId { get; init; }

    /// <summary>The planner's seed, derived from the run's seed and the territory id only (never from timing or order).</summary>
    [Id(1)] public required int Seed { get; init; }

    /// <summary>Planner iterations: an iteration limit, not a time limit, keeps the plan the same on any machine and load.</summary>
    [Id(2)] public required long Iterations { get; init; }

    /// <summary>Longitude of the position's base, WGS84 degrees.</summary>
    [Id(3)] public required double BaseLongitude { get; init; }

    /// <summary>Latitude of the position's base, WGS84 degrees.</summary>
    [Id(4)] public required double BaseLatitude { get; init; }

    /// <summary>The territory's accounts.</summary>
    [Id(5)] public required ImmutableArray<AccountRow> Accounts { get; init; }
}

/// <summary>An account in compact form.</summary>
[GenerateSerializer, Immutable]
public readonly record struct AccountRow(
    [property: Id(0)] string Id,
    [property: Id(1)] double Longitude,
    [property: Id(2)] double Latitude,
    [property: Id(3)] string Class,
    [property: Id(4)] int ServiceMinutes,
    [property: Id(5)] int HoursKind,
    [property: Id(6)] string? Name);

using System.Collections.Immutable;

namespace NationalPlan;

/// <summary>One territory's plan as it comes back from a worker: its rows of plan.csv, the accounts it could not plan with the reason, and its figures.</summary>
[GenerateSerializer, Immutable]
public sealed record TerritoryPlanResult
{
    /// <summary>The territory id.</summary>
    [Id(0)] public required string TerritoryId { get; init; }

    /// <summary>The plan's rows in plan.csv's format (<c>JourneyPlanCsvWriter</c>), without the header.</summary>
    [Id(1)] public required string PlanRows { get; init; }

    /// <summary>Visits planned.</summary>
    [Id(2)] public required int PlannedVisits { get; init; }

    /// <summary>Visits the territory's accounts need per cycle.</summary>
    [Id(3)] public required int RequiredVisits { get; init; }

    /// <summary>Accounts not planned, each with the reason.</summary>
    [Id(4)] public required ImmutableArray<UnplannedRow> Unplanned { get; init; }

    /// <summary>Travel of the whole cycle, km.</summary>
    [Id(5)] public required double TravelKm { get; init; }

    /// <summary>Working time over available time of the position.</summary>
    [Id(6)] public required double Utilisation { get; init; }

    /// <summary>Search iterations done.</summary>
    [Id(7)] public required long Iterations { get; init; }

    /// <summary>Seconds the planning took on the worker (not part of the plan's identity).</summary>
    [Id(8)] public double Seconds { get; init; }

    /// <summary>Who planned it: <c>local</c>, or the silo's address (not part of the plan's identity).</summary>
    [Id(9)] public string Worker { get; init; } = "local";

    /// <summary>Whether the two results hold the same plan (rows, unplanned accounts and figures), wherever and however fast they were made.</summary>
    public bool SamePlanAs(TerritoryPlanResult other) =>
        other is not null
        && TerritoryId == other.TerritoryId
        && PlanRows == other.PlanRows
        && PlannedVisits == other.PlannedVisits
        && RequiredVisits == other.RequiredVisits
        && Unplanned.SequenceEqual(other.Unplanned)
        && TravelKm.Equals(other.TravelKm)
        && Utilisation.Equals(other.Utilisation)
        && Iterations == other.Iterations;
}

/// <summary>An account a plan leaves out, with the planner's reason.</summary>
[GenerateSerializer, Immutable]
public readonly record struct UnplannedRow(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string Reason,
    [property: Id(2)] int Visits,
    [property: Id(3)] string Message);

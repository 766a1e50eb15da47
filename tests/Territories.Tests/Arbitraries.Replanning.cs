using FsCheck;
using FsCheck.Fluent;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;

namespace Territories.Tests;

/// <summary>A plan in force and a changed request to re-plan it with, generated from a seed.</summary>
/// <param name="Seed">The seed the case is built from.</param>
public sealed record ReplanCase(int Seed)
{
    private readonly (JourneyPlanRequest Before, JourneyPlan Previous, JourneyPlanRequest After) _case = Arbitraries.Replanning(Seed);

    /// <summary>The request the previous plan answers (<see cref="Arbitraries.JourneyRequest"/>).</summary>
    public JourneyPlanRequest Before => _case.Before;

    /// <summary>The plan in force (300 iterations, seed 3).</summary>
    public JourneyPlan Previous => _case.Previous;

    /// <summary>The request with 0–3 accounts removed and 0–3 new ones (ids <c>n0</c>…), drawn like the others.</summary>
    public JourneyPlanRequest After => _case.After;

    /// <summary>Days per week of the cycle (a one-week freeze).</summary>
    public int Week => Before.Cycle.DaysPerWeek;

    /// <inheritdoc />
    public override string ToString() => $"ReplanCase({Seed})";
}

public static partial class Arbitraries
{
    /// <summary>Re-planning cases over seeds 0–100,000.</summary>
    public static Arbitrary<ReplanCase> ReplanCases() => Gen.Choose(0, 100_000).Select(s => new ReplanCase(s)).ToArbitrary();

    /// <summary>A request, its plan, and the request changed by removing and adding a few accounts.</summary>
    public static (JourneyPlanRequest Before, JourneyPlan Previous, JourneyPlanRequest After) Replanning(int seed)
    {
        var before = JourneyRequest(seed);
        var previous = new JourneyPlanner(new JourneyPlannerOptions { Seed = 3, MaxIterations = 300 }).Plan(before).AsT0;
        var random = new Random(seed + 1);
        var source = JourneyRequest(seed + 7919);
        var removed = before.Accounts.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).Select(a => a.Id).ToHashSet();
        var added = source.Accounts.Take(random.Next(0, 4)).Select((a, i) => a with { Id = new AccountId($"n{i}") });
        var after = before with { Accounts = [.. before.Accounts.Where(a => !removed.Contains(a.Id)), .. added] };
        return (before, previous, after);
    }
}

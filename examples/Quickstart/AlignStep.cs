using System.Globalization;
using Territories.Model;
using Territories.Travel;
using Territories.Workload;

namespace Quickstart;

/// <summary>
/// Steps 4 and 5: how many positions the outlets' work needs (the workload method: service, travel
/// between visits and stems from the bases, at 85 % utilisation), then territories, bases and 4-week
/// journey plans shaped together by <see cref="TerritoryAligner"/>: designed on estimated work, every
/// position planned, realigned on the work the plans really take, until every utilisation is within
/// 15 % of each other and nothing is unplanned for lack of capacity. The outlets themselves are the
/// units, so no county is too heavy to split; bases are chosen among the places (towns).
/// </summary>
internal static class AlignStep
{
    /// <summary>Great-circle travel at 60 km/h with a circuity of 1.25, the library's default.</summary>
    public static readonly ITravelModel Travel = new GreatCircleTravelModel(60, 1.25);

    /// <summary>Each position works Monday to Friday, 08:00–17:00 with a 30-minute break.</summary>
    public static readonly SalesPosition Template = new(new PositionId("template"))
    {
        Role = PositionRole.TerritoryRepresentative,
        DailyHours = TimeWindow.FromHours(8, 0, 17, 0),
        Break = TimeSpan.FromMinutes(30),
    };

    public static void Size(IReadOnlyList<Account> outlets, JourneyCycle cycle, int? positions, TextWriter output)
    {
        var sizing = new WorkloadEstimator().Size(outlets, Template, cycle, Travel);
        output.WriteLine(sizing is null ? "  a position has no working time" : $"  estimate: {sizing}");
        output.WriteLine(positions is { } given
            ? Invariant($"  using the {given} position(s) asked for")
            : "  the loop starts from the estimate and resizes once to the work its first plans really take");
    }

    public static AlignmentResult? Run(IReadOnlyList<Account> outlets, IReadOnlyList<Account> places, JourneyCycle cycle, int? positions, QuickstartArguments arguments, TextWriter output)
    {
        var request = new AlignmentRequest(outlets, cycle, Travel)
        {
            Position = Template,
            Positions = positions,
            BaseCandidates = [.. places.Select(p => p.Location).Where(l => l.IsValid)],
        };
        var options = new AlignmentOptions
        {
            Seed = arguments.Seed,
            PlanIterations = arguments.Iterations,
            TimeLimit = arguments.TimeLimit,
            MaxRounds = 8,
        };
        var aligned = new TerritoryAligner(options).Align(request, new Reporter<AlignmentProgress>(p => output.WriteLine(Invariant(
            $"  round {p.Round.Round}: {p.Round.Positions,2} positions, utilisation {p.Round.MinUtilisation,6:P1} to {p.Round.MaxUtilisation,6:P1} (spread {p.Round.Spread:0.000}), {p.Round.Unplanned,3} outlet(s) unplanned for lack of time, {p.Round.MovedAccounts,3} moved, {p.Round.Elapsed.TotalSeconds,5:0.0} s"))));
        if (aligned.TryPickT1(out var failure, out var result))
        {
            output.WriteLine($"  the outlets cannot be aligned: {failure}");
            return null;
        }

        output.WriteLine(result.IsWithinBand
            ? Invariant($"  within the band after {result.Rounds.Length} round(s): utilisation {result.Best.MinUtilisation:P1} to {result.Best.MaxUtilisation:P1}, {result.Design.Report.ContiguousTerritories}/{result.Positions.Length} territories contiguous")
            : Invariant($"  stopped ({result.Stop}) without reaching the band; best round {result.Best.Round}:"));
        foreach (var finding in result.Findings)
        {
            output.WriteLine($"    {finding}");
        }

        return result;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

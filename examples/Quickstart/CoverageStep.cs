using System.Collections.Immutable;
using System.Globalization;
using Territories.Mix;
using Territories.Model;

namespace Quickstart;

/// <summary>
/// Step 3: the coverage model, who serves which outlets and how. The village C outlets that order by
/// phone (<see cref="GenerateOutletsStep.PhoneChannel"/>) are served from an inside-sales desk in
/// Columbus (<see cref="Desk"/>), with no visits; every other outlet by its territory
/// representative's visits. Only the visited outlets shape territories and journey plans; the desk's
/// outlets form one statewide inside-sales territory (<see cref="DeskTerritory"/>) whose mix is remote work.
/// </summary>
internal static class CoverageStep
{
    /// <summary>The coverage model: phone outlets to inside sales, from the desk; the rest visited by the representative.</summary>
    public static readonly CoverageModel Model = new()
    {
        Rules = [new CoverageRule(PositionRole.InsideSales) { Channel = GenerateOutletsStep.PhoneChannel, Mode = ActivityChannel.Remote }],
    };

    /// <summary>The statewide inside-sales territory.</summary>
    public static readonly Territory DeskTerritory = new(new TerritoryId("D01")) { Name = "Inside sales, statewide", Positions = [new PositionId("D01")] };

    /// <summary>The inside-sales seat: the representatives' hours, at the Columbus office (it drives nowhere).</summary>
    public static readonly SalesPosition Desk = AlignStep.Template with
    {
        Id = new PositionId("D01"),
        Name = "Inside sales desk",
        Role = PositionRole.InsideSales,
        Base = new GeoPoint(-82.99879, 39.96118),
    };

    /// <summary>Splits the outlets into those visited and those served from the desk.</summary>
    public static (ImmutableArray<Account> Visited, ImmutableArray<Account> FromDesk) Run(IReadOnlyList<Account> outlets, JourneyCycle cycle, TextWriter output)
    {
        var fromDesk = outlets.Where(o => Model.Cover(o, MarketStrategy.Unspecified).Mode == ActivityChannel.Remote).ToImmutableArray();
        var visited = outlets.Except(fromDesk).ToImmutableArray();
        var visitHours = fromDesk.Sum(o => GenerateOutletsStep.HoursPerCycle(o, cycle));
        var callHours = fromDesk.Sum(o => o.ActivityNeeds.Values.Sum());
        output.WriteLine(Invariant($"  {visited.Length} outlets visited by the territory representatives; {fromDesk.Length} village C outlets served by phone from the inside-sales desk"));
        output.WriteLine(Invariant($"  (instead of a monthly visit, {visitHours:0} h on site per cycle plus the drive, each gets a weekly order call: {callHours:0} h of calls per cycle)"));
        return (visited, fromDesk);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Collections.Immutable;
using System.Globalization;
using Territories.IO.Csv;
using Territories.Mix;
using Territories.Model;

namespace Territories.IO.Tests.Csv;

public class MixCsvWriterTests
{
    [Fact]
    public void Write_SmallModel_ReReadSumsToCapacityAndSharesWithinOneMinute()
    {
        var plan = new SalesMixPlanner().Plan(Model()).AsT0;
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        MixCsvWriter.Write(writer, plan.Allocations);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("territory_id,activity,target_share,allocated_minutes,capacity_minutes", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(f => (
            Territory: f[0],
            Activity: f[1],
            Share: double.Parse(f[2], CultureInfo.InvariantCulture),
            Allocated: long.Parse(f[3], CultureInfo.InvariantCulture),
            Capacity: long.Parse(f[4], CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(2 * ActivityType.Defaults.Length, rows.Count);
        Assert.Equal(["a-north", "b-south"], rows.Select(r => r.Territory).Distinct());
        foreach (var territory in rows.GroupBy(r => r.Territory))
        {
            var capacity = Assert.Single(territory.Select(r => r.Capacity).Distinct());
            Assert.Equal(180 * 60, capacity);
            Assert.Equal(capacity, territory.Sum(r => r.Allocated));
            Assert.Equal(1.0, territory.Sum(r => r.Share), 1e-9);
            Assert.All(territory, r => Assert.InRange(r.Allocated - (r.Share * capacity), -1.0, 1.0));
        }
    }

    [Fact]
    public void Write_HalfDayUnits_MinutesAreUnitsTimesUnitLength()
    {
        var target = SalesMix.Create([KeyValuePair.Create("order-taking", 0.75), KeyValuePair.Create("outbound", 0.25)], ActivityType.Defaults).AsT0;
        var allocation = new MixAllocator(new MixAllocationOptions { Unit = AllocationUnit.HalfDay })
            .Allocate(new MixAllocationRequest(new TerritoryId("t"), target, TimeSpan.FromHours(42))).AsT0;
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        MixCsvWriter.Write(writer, [allocation]);
        var text = writer.ToString();
        Assert.Contains("t,order-taking,0.75,1920,2400\n", text, StringComparison.Ordinal);
        Assert.Contains("t,outbound,0.25,480,2400\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_IdWithComma_Quoted()
    {
        var target = SalesMix.Create([KeyValuePair.Create("demo", 1.0)], ActivityType.Defaults).AsT0;
        var allocation = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("north, \"upper\""), target, TimeSpan.FromMinutes(30))).AsT0;
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        MixCsvWriter.Write(writer, [allocation]);
        Assert.Contains("\"north, \"\"upper\"\"\",demo,1,30,30\n", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFile_NewFolder_CreatedAndWritten()
    {
        var folder = Path.Combine(Path.GetTempPath(), "territories-mix-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "out", "mix.csv");
            MixCsvWriter.WriteFile(path, new SalesMixPlanner().Plan(Model()).AsT0.Allocations);
            var lines = File.ReadAllLines(path);
            Assert.Equal(MixCsvWriter.Header, lines[0]);
            Assert.Equal(1 + (2 * ActivityType.Defaults.Length), lines.Length);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Write_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("writer", () => MixCsvWriter.Write(null!, Array.Empty<MixAllocation>()));
        Assert.Throws<ArgumentNullException>("allocations", () => MixCsvWriter.Write(TextWriter.Null, null!));
    }

    private static SalesModel Model() => SalesModel.Create(new SalesModelInput
    {
        Accounts =
        [
            new Account(new AccountId("n1"), new GeoPoint(-82.9, 40.0)) { Territory = new TerritoryId("a-north"), Stage = JourneyStage.Prospect },
            new Account(new AccountId("s1"), new GeoPoint(-84.0, 40.0))
            {
                Territory = new TerritoryId("b-south"),
                ActivityNeeds = new Dictionary<string, double> { ["collection"] = 4, ["order-taking"] = 6 }.ToImmutableDictionary(),
                Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)),
            },
        ],
        Positions = [new SalesPosition(new PositionId("rep-n")), new SalesPosition(new PositionId("rep-s"))],
        Territories = [new Territory(new TerritoryId("b-south")) { Positions = [new PositionId("rep-s")] }, new Territory(new TerritoryId("a-north")) { Positions = [new PositionId("rep-n")] }],
        MarketPositions = [new MarketPosition(new TerritoryId("a-north"), 900_000m, 90_000m), new MarketPosition(new TerritoryId("b-south"), 100_000m, 60_000m)],
    }).AsT0;
}

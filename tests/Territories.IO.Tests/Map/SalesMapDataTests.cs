using Territories.IO.Map;
using Territories.Model;

namespace Territories.IO.Tests.Map;

public sealed class SalesMapDataTests
{
    [Fact]
    public void Constructor_InputInAnyOrder_SortsById()
    {
        var map = new SalesMapData(
            [new MapTerritory(new TerritoryId("T2")), new MapTerritory(new TerritoryId("T10")), new MapTerritory(new TerritoryId("T1"))],
            [new MapAccount(new AccountId("b"), new GeoPoint(0, 0)), new MapAccount(new AccountId("a"), new GeoPoint(0, 0))],
            [new MapPositionBase(new PositionId("P2"), new GeoPoint(0, 0)), new MapPositionBase(new PositionId("P1"), new GeoPoint(0, 0))],
            [new MapRoute(new PositionId("P2"), 0), new MapRoute(new PositionId("P1"), 10), new MapRoute(new PositionId("P1"), 2)]);

        Assert.Equal(["T1", "T10", "T2"], map.Territories.Select(t => t.Id.Value));
        Assert.Equal(["a", "b"], map.Accounts.Select(a => a.Id.Value));
        Assert.Equal(["P1", "P2"], map.Bases.Select(b => b.Position.Value));
        Assert.Equal([("P1", 2), ("P1", 10), ("P2", 0)], map.Routes.Select(r => (r.Position.Value, r.Day)));
    }

    [Fact]
    public void Constructor_BadItems_ListsEveryViolationWithItsId()
    {
        var error = Assert.Throws<ArgumentException>(() => new SalesMapData(
            [
                new MapTerritory(new TerritoryId("T1")),
                new MapTerritory(new TerritoryId("T1")),
                new MapTerritory(new TerritoryId("T2")) { Metrics = [MapMetric.FromNumber("name", 1)] },
                new MapTerritory(new TerritoryId("T3")) { Metrics = [MapMetric.FromNumber("load", 1), MapMetric.FromText("load", "x"), default] },
            ],
            [new MapAccount(new AccountId("A1"), new GeoPoint(double.NaN, 40)), new MapAccount(new AccountId("A2"), new GeoPoint(1, 1)), new MapAccount(new AccountId("A2"), new GeoPoint(1, 1))],
            [new MapPositionBase(new PositionId("P1"), new GeoPoint(0, double.PositiveInfinity)), null!],
            [
                new MapRoute(new PositionId("P1"), -1),
                new MapRoute(new PositionId("P2"), 0) { DistanceMetres = -5, Duration = TimeSpan.FromMinutes(-1), DayLabel = "Mon" },
                new MapRoute(new PositionId("P3"), 0) { DayLabel = "Tue", Stops = [new MapRouteStop(new GeoPoint(1, double.NaN), new AccountId("A9"))] },
            ]));

        string[] expected =
        [
            "territory 'T1' appears more than once",
            "account 'A2' appears more than once",
            "Territory 'T2' metric 'name' uses a reserved property name",
            "Territory 'T3' has the metric 'load' more than once",
            "Territory 'T3' metric [2] is default",
            "account 'A1' location (NaN, 40) is not finite",
            "base of position 'P1' (0, Infinity) is not finite",
            "bases[1] is null",
            "route of position 'P1' day -1 has a negative day",
            "route of position 'P2' day 0 has the distance -5 m",
            "route of position 'P2' day 0 has the negative duration",
            "route of position 'P3' day 0 stop 0",
            "Day 0 is labelled both 'Mon' and 'Tue'",
        ];
        foreach (var fragment in expected)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Constructor_NullCollections_Throw()
    {
        Assert.Throws<ArgumentNullException>("territories", () => new SalesMapData(null!, [], [], []));
        Assert.Throws<ArgumentNullException>("accounts", () => new SalesMapData([], null!, [], []));
        Assert.Throws<ArgumentNullException>("bases", () => new SalesMapData([], [], null!, []));
        Assert.Throws<ArgumentNullException>("routes", () => new SalesMapData([], [], [], null!));
    }

    [Fact]
    public void MapMetric_BadValues_Throw()
    {
        Assert.Throws<ArgumentException>("value", () => MapMetric.FromNumber("x", double.NaN));
        Assert.Throws<ArgumentException>("value", () => MapMetric.FromNumber("x", double.NegativeInfinity));
        Assert.Throws<ArgumentException>("name", () => MapMetric.FromNumber(" ", 1));
        Assert.Throws<ArgumentNullException>("name", () => MapMetric.FromText(null!, "x"));
        Assert.Throws<ArgumentNullException>("value", () => MapMetric.FromText("x", null!));
    }

    [Fact]
    public void MapRoute_StopsWithoutAccount_AreNotVisitsButAreOnTheLine()
    {
        var route = new MapRoute(new PositionId("P1"), 0)
        {
            Start = new GeoPoint(0, 0),
            Stops = [new MapRouteStop(new GeoPoint(1, 0), new AccountId("A1")), new MapRouteStop(new GeoPoint(2, 0), null), new MapRouteStop(new GeoPoint(3, 0), new AccountId("A2"))],
        };

        Assert.Equal(2, route.VisitCount);
        Assert.Equal([new GeoPoint(0, 0), new GeoPoint(1, 0), new GeoPoint(2, 0), new GeoPoint(3, 0)], route.LinePoints);
    }

    [Fact]
    public void FromModel_CopiesTheSharedFields()
    {
        var territory = new Territory(new TerritoryId("T1")) { Name = "North", Boundary = TerritoryBoundary.Rectangle(0, 0, 1, 1) };
        var account = new Account(new AccountId("A1"), new GeoPoint(0.5, 0.5)) { Name = "Shop", Class = "B", Territory = new TerritoryId("T1") };
        var position = new SalesPosition(new PositionId("P1")) { Name = "Rep", Base = new GeoPoint(0.1, 0.2) };

        var mapTerritory = MapTerritory.FromTerritory(territory);
        var mapAccount = MapAccount.FromAccount(account);
        var mapBase = MapPositionBase.FromPosition(position);

        Assert.Equal(("T1", "North"), (mapTerritory.Id.Value, mapTerritory.Name));
        Assert.Same(territory.Boundary, mapTerritory.Boundary);
        Assert.Equal(("A1", "Shop", "B", "T1"), (mapAccount.Id.Value, mapAccount.Name, mapAccount.Class, mapAccount.Territory?.Value));
        Assert.Equal(new MapPositionBase(new PositionId("P1"), new GeoPoint(0.1, 0.2)) { Name = "Rep" }, mapBase);
        Assert.Null(MapPositionBase.FromPosition(new SalesPosition(new PositionId("P2"))));
        Assert.Throws<ArgumentNullException>("territory", () => MapTerritory.FromTerritory(null!));
        Assert.Throws<ArgumentNullException>("account", () => MapAccount.FromAccount(null!));
        Assert.Throws<ArgumentNullException>("position", () => MapPositionBase.FromPosition(null!));
    }
}

using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class MixDeliveryTests
{
    private static readonly ImmutableSortedDictionary<TerritoryId, SalesMix> Targets = new Dictionary<TerritoryId, SalesMix>
    {
        ["north"] = MixAllocatorTests.Mix(("order-taking", 0.5), ("outbound", 0.5)),
        ["south"] = MixAllocatorTests.Mix(("demo", 1.0)),
    }.ToImmutableSortedDictionary();

    [Fact]
    public void Compare_DeliveredEffort_SharesAndGapsPerTerritory()
    {
        var reports = MixDelivery.Compare(Targets,
        [
            new("north", "order-taking", TimeSpan.FromMinutes(90)),
            new("north", "outbound", TimeSpan.FromMinutes(20)),
            new("north", "outbound", TimeSpan.FromMinutes(10)),
        ]).AsT0;

        Assert.Equal(["north", "south"], reports.Select(r => r.Territory.Value));
        var north = reports[0];
        Assert.Equal(TimeSpan.FromMinutes(120), north.DeliveredTime);
        var orders = north.Activities.Single(a => a.Activity == "order-taking");
        Assert.Equal(0.75, orders.DeliveredShare, 12);
        Assert.Equal(0.25, orders.Gap, 12);
        Assert.Equal(TimeSpan.FromMinutes(90), orders.Delivered);
        Assert.Equal(0.25, MixCoherence.Divergence(north.Target, north.Delivered!, MixDivergenceMeasure.TotalVariation), 12);
        Assert.True(north.Divergence > 0);

        Assert.Null(reports[1].Delivered);
        Assert.Equal(1, reports[1].Divergence);
    }

    [Fact]
    public void Compare_BadRows_ReportsEveryOne()
    {
        var errors = MixDelivery.Compare(Targets,
        [
            new("north", "demo", TimeSpan.FromMinutes(-5)),
            new("west", "demo", TimeSpan.FromMinutes(5)),
            new("north", "juggling", TimeSpan.FromMinutes(5)),
        ]).AsT1.Errors;
        Assert.Contains(errors, e => e is { Code: MixErrorCode.NegativeValue, Field: "Time" } && e.Ids.SequenceEqual(["north", "demo"]));
        Assert.Contains(errors, e => e is { Code: MixErrorCode.UnknownTerritory, Value: "west" });
        Assert.Contains(errors, e => e is { Code: MixErrorCode.UnknownActivity, Value: "juggling" });
    }

    [Fact]
    public void Compare_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("targets", () => MixDelivery.Compare(null!, []));
        Assert.Throws<ArgumentNullException>("delivered", () => MixDelivery.Compare(Targets, null!));
    }
}

using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys.Planning;

/// <summary>
/// Requests too large to store every leg (issue 17 item 3): the planner computes legs when asked, and
/// neither its problem nor its plan depends on whether the legs are stored or computed.
/// </summary>
public class ComputedLegsTests
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 30)]
    public void Problem_WithComputedLegs_HasTheSameLegsAndNeighboursAsWithStoredOnes(JourneyCase c)
    {
        var options = new JourneyPlannerOptions();
        var stored = JourneyProblem.Create(c.Request, options).AsT0;
        var computed = JourneyProblem.Create(c.Request with { TravelModel = new Computed(new EuclideanTravelModel(1000, 40 / 3.6)) }, options).AsT0;

        Assert.True(stored.Dist.IsStored);
        Assert.False(computed.Dist.IsStored);
        var L = stored.LocationCount;
        Assert.Equal(L, computed.LocationCount);
        for (var k = 0; k < L * L; k++)
        {
            Assert.Equal(stored.Dist[k], computed.Dist[k]);
            Assert.Equal(stored.Time[k], computed.Time[k]);
            Assert.Equal(stored.Cost[k], computed.Cost[k]);
        }

        // The same nearest customers at the same distances; customers at exactly equal distances (the
        // generator's integer grid has many) may come in another order.
        Assert.Equal(stored.Neighbours.Length, computed.Neighbours.Length);
        for (var u = 0; u < stored.Neighbours.Length; u++)
        {
            var lc = stored.Location(u);
            Assert.Equal(
                stored.Neighbours[u].Select(o => stored.Dist[(lc * L) + stored.Location(o)]),
                computed.Neighbours[u].Select(o => computed.Dist[(lc * L) + computed.Location(o)]));
        }
    }

    [Fact]
    public void Plan_WithComputedLegs_IsThePlanWithStoredOnes()
    {
        var request = Sized(accounts: 120, positions: 3, seed: 5);
        var options = new JourneyPlannerOptions { MaxIterations = 300, TimeLimit = TimeSpan.FromMinutes(5), Seed = 2, Parallelism = 1 };

        var stored = new JourneyPlanner(options).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        var computed = new JourneyPlanner(options).Plan(request with { TravelModel = new Computed(request.TravelModel) }, null, TestContext.Current.CancellationToken).AsT0;

        Assert.Equal(stored.Cost, computed.Cost);
        Assert.Equal(Fingerprint.Of(stored), Fingerprint.Of(computed));
    }

    [Fact]
    public void Problem_AboveTheStoredLimit_ComputesItsLegs()
    {
        // 5,000 accounts: 80 MB of stored legs per figure before; now linear in the accounts.
        var request = Sized(accounts: 5_000, positions: 10, seed: 1);

        var problem = JourneyProblem.Create(request, new JourneyPlannerOptions()).AsT0;

        Assert.False(problem.Dist.IsStored);
        Assert.False(problem.Time.IsStored);
        Assert.All(problem.Neighbours, n => Assert.Equal(100, n.Length));
    }

    /// <summary>Accounts spread over 100 × 100 km (planar, 1 unit = 1 km at 40 km/h), weekly or fortnightly, 20–40 minutes.</summary>
    private static JourneyPlanRequest Sized(int accounts, int positions, int seed)
    {
        var random = new Random(seed);
        var cycle = JourneyCycle.Create(2);
        var reps = Enumerable.Range(0, positions).Select(p => new SalesPosition(new PositionId($"p{p:000}"))
        {
            Base = new GeoPoint(random.NextDouble() * 100, random.NextDouble() * 100),
            DailyHours = TimeWindow.FromHours(8, 0, 17, 0),
        }).ToImmutableArray();
        var outlets = Enumerable.Range(0, accounts).Select(i => new Account(new AccountId($"a{i:00000}"), new GeoPoint(random.NextDouble() * 100, random.NextDouble() * 100))
        {
            ServiceTime = TimeSpan.FromMinutes(random.Next(20, 41)),
            Visit = VisitRequirement.Of(random.Next(2) == 0 ? VisitFrequency.PerWeek(1) : VisitFrequency.EveryWeeks(2)),
        }).ToImmutableArray();
        return new JourneyPlanRequest(reps, cycle, outlets, new EuclideanTravelModel(1000, 40 / 3.6));
    }

    /// <summary>A built-in model whose matrix is always computed, to compare both ways on small requests.</summary>
    private sealed class Computed(ITravelModel inner) : ITravelModel
    {
        public double DistanceMetres(GeoPoint origin, GeoPoint destination) => inner.DistanceMetres(origin, destination);

        public TimeSpan Duration(GeoPoint origin, GeoPoint destination) => inner.Duration(origin, destination);

        public TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations) => inner switch
        {
            EuclideanTravelModel e => TravelMatrix.Computed(new TravelLegs.Planar(locations, e.MetresPerUnit, e.MetresPerSecond)),
            GreatCircleTravelModel g => TravelMatrix.Computed(new TravelLegs.GreatCircle(locations, g.CircuityFactor, g.SpeedKmh / 3.6)),
            _ => throw new NotSupportedException(inner.GetType().Name),
        };
    }
}

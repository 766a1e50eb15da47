using FsCheck.Xunit;
using Territories.Model;
using Territories.Travel;
using Territories.Workload;

namespace Territories.Tests.Workload;

public class BaseLocatorTests
{
    private static readonly EuclideanTravelModel Planar = new(1000, 10);

    [Fact]
    public void Choose_HeavyAccountAtOneEnd_BaseMovesToIt()
    {
        var cycle = JourneyCycle.Create(4);
        Account At(string id, double x, VisitFrequency f) => new(new AccountId(id), new GeoPoint(x, 0)) { Visit = VisitRequirement.Of(f) };

        // Weights 1, 1, 8 (twice a week over 4 weeks): the weighted median is the heavy account.
        var chosen = BaseLocator.Choose([At("a", 0, VisitFrequency.EveryWeeks(4)), At("b", 1, VisitFrequency.EveryWeeks(4)), At("c", 5, VisitFrequency.PerWeek(2))], cycle, Planar);

        Assert.Equal(new GeoPoint(5, 0), chosen);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
    public void Choose_FewCandidates_NoCandidateIsCloserInTotal(AlignmentCase c)
    {
        var candidates = c.Accounts.Take(20).Select(a => new GeoPoint(a.Location.Longitude + 0.01, a.Location.Latitude)).ToArray();
        double Cost(GeoPoint b) => c.Accounts.Sum(a => a.Visit!.AllowedPatterns(AlignmentCase.Cycle).Min(p => p.VisitCount) * AlignmentCase.Travel.Duration(b, a.Location).TotalSeconds);

        var chosen = BaseLocator.Choose(c.Accounts, AlignmentCase.Cycle, AlignmentCase.Travel, candidates);

        Assert.Contains(chosen, candidates);
        Assert.All(candidates, other => Assert.True(Cost(chosen) <= Cost(other) + 1e-6));
    }

    [Fact]
    public void Choose_NoAccounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => BaseLocator.Choose([], JourneyCycle.Create(4), Planar));
    }
}

using System.Globalization;
using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;

namespace Territories.Tests.Journeys;

public class FingerprintTests
{
    private static JourneyPlannerOptions Options(int seed = 4) => new() { Seed = seed, MaxIterations = 200 };

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 30)]
    public void Of_ShuffledInputOtherCulture_SameRequestFingerprint(JourneyCase c)
    {
        var request = c.Request;
        var expected = Fingerprint.Of(request, Options());
        var shuffled = request with { Accounts = [.. request.Accounts.Reverse()], Positions = [.. request.Positions.Reverse()] };
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // The tests run in globalization-invariant mode: a clone with other number symbols stands in for a foreign culture.
            var foreign = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            foreign.NumberFormat.NumberDecimalSeparator = ",";
            foreign.NumberFormat.NumberGroupSeparator = ".";
            foreign.NumberFormat.NegativeSign = "\u2212";
            CultureInfo.CurrentCulture = foreign;
            Assert.Equal(expected, Fingerprint.Of(shuffled, Options()));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.StartsWith("sha256:", expected, StringComparison.Ordinal);
        Assert.Equal(71, expected.Length);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 30)]
    public void Of_AnyInputValueChanged_OtherRequestFingerprint(JourneyCase c)
    {
        var request = c.Request;
        var expected = Fingerprint.Of(request, Options());
        var account = request.Accounts[0];
        var position = request.Positions[0];
        Assert.NotEqual(expected, Fingerprint.Of(request with { Accounts = request.Accounts.SetItem(0, account with { ServiceTime = account.ServiceTime + TimeSpan.FromSeconds(1) }) }, Options()));
        Assert.NotEqual(expected, Fingerprint.Of(request with { Accounts = request.Accounts.SetItem(0, account with { Location = new(account.Location.Longitude + 1e-9, account.Location.Latitude) }) }, Options()));
        Assert.NotEqual(expected, Fingerprint.Of(request with { Accounts = request.Accounts.SetItem(0, account with { Visit = account.Visit! with { Load = account.Visit.Load + 0.5 } }) }, Options()));
        Assert.NotEqual(expected, Fingerprint.Of(request with { Positions = request.Positions.SetItem(0, position with { MaxVisitsPerDay = (position.MaxVisitsPerDay ?? 9) + 1 }) }, Options()));
        Assert.NotEqual(expected, Fingerprint.Of(request with { Accounts = request.Accounts.RemoveAt(0) }, Options()));
        Assert.NotEqual(expected, Fingerprint.Of(request, Options(5)));
        Assert.NotEqual(expected, Fingerprint.Of(request, new JourneyPlannerOptions { Seed = 4, MaxIterations = 201 }));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 15)]
    public void Of_SameRequestFingerprint_SamePlanFingerprint(JourneyCase c)
    {
        var request = c.Request;
        var shuffled = request with { Accounts = [.. request.Accounts.Reverse()], Positions = [.. request.Positions.Reverse()] };
        Assert.Equal(Fingerprint.Of(request, Options()), Fingerprint.Of(shuffled, Options()));
        var first = new JourneyPlanner(Options()).Plan(request).AsT0;
        var second = new JourneyPlanner(Options()).Plan(shuffled).AsT0;
        Assert.Equal(Fingerprint.Of(first), Fingerprint.Of(second));
    }

    [Fact]
    public void Of_PlanWithOneVisitMoved_OtherPlanFingerprint()
    {
        var request = Arbitraries.JourneyRequest(12);
        var plan = new JourneyPlanner(Options()).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        var route = plan.Routes[0];
        var changed = plan with { Routes = plan.Routes.SetItem(0, route with { Day = route.Day + 1 }) };
        Assert.NotEqual(Fingerprint.Of(plan), Fingerprint.Of(changed));
    }
}

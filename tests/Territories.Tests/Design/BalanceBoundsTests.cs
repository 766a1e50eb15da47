using FsCheck.Xunit;
using Territories.Design;

namespace Territories.Tests.Design;

public sealed class BalanceBoundsTests
{
    /// <summary>A hub of weight 2 with three leaves of weight 6, into two territories (target 10): one territory is a single leaf (0.6 of the target), so 40 % is the best any plan can do.</summary>
    private static DesignInput Star() => DesignInput.Create(
        ["workload"],
        [
            DesignUnit.FromAttributes("hub", [2]),
            DesignUnit.FromAttributes("a", [6]),
            DesignUnit.FromAttributes("b", [6]),
            DesignUnit.FromAttributes("c", [6]),
        ],
        [new UnitLink("hub", "a"), new UnitLink("hub", "b"), new UnitLink("hub", "c")]);

    [Fact]
    public void CheckTolerance_StarWithLightLeaves_ProvesTheDeviationThePlanReaches()
    {
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = 2, Tolerance = 0.05, Seed = 1 });

        var check = designer.CheckTolerance(Star()).AsT0;
        var outcome = designer.Design(Star(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.4, check.DeviationLowerBounds[0], 1e-5);
        Assert.True(check.IsProvablyInfeasible);
        Assert.Equal("hub", check.ProofUnit);
        var failure = outcome.AsT1;
        var error = Assert.Single(failure.Errors);
        Assert.Equal(DesignErrorCode.ToleranceNotMet, error.Code);
        Assert.Contains("No contiguous plan meets the tolerances", error.Message, StringComparison.Ordinal);
        Assert.Equal(0.4, failure.BestEffort!.Report.MaxRelativeDeviation, 1e-5);
        Assert.Equal(0.4, failure.BestEffort.Report.Balance[0].DeviationLowerBound, 1e-5);
    }

    [Fact]
    public void CheckTolerance_WideEnoughTolerance_FindsNoProof()
    {
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = 2, Tolerance = 0.4 });

        var check = designer.CheckTolerance(Star()).AsT0;

        Assert.False(check.IsProvablyInfeasible);
        Assert.Null(check.Proof);
    }

    [Fact]
    public void CheckTolerance_PathThatCannotSplitEvenly_ProvesInfeasible()
    {
        // x2 - x1 - cut - y1 - y2: the only splits that balance 'calls' leave 1.3 / 0.7 targets of 'visits'.
        var units = new[]
        {
            DesignUnit.FromAttributes("cut", [0, 0]),
            DesignUnit.FromAttributes("x1", [50, 65]),
            DesignUnit.FromAttributes("x2", [50, 65]),
            DesignUnit.FromAttributes("y1", [50, 35]),
            DesignUnit.FromAttributes("y2", [50, 35]),
        };
        var input = DesignInput.Create(["calls", "visits"], units,
            [new UnitLink("cut", "x1"), new UnitLink("x1", "x2"), new UnitLink("cut", "y1"), new UnitLink("y1", "y2")]);
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = 2, Tolerance = 0.1 });

        var check = designer.CheckTolerance(input).AsT0;

        Assert.True(check.IsProvablyInfeasible);
        Assert.Contains(check.ProofUnit, new[] { "x1", "cut", "y1" });
        Assert.Contains($"'{check.ProofUnit}'", check.Proof, StringComparison.Ordinal);
        Assert.InRange(check.DeviationLowerBounds[1], 0.1, 0.3 + 1e-9);
    }

    [Fact]
    public void CheckTolerance_BadInput_ReturnsStructuredErrors()
    {
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = 5 });
        var input = DesignInput.Create(["workload"], [DesignUnit.FromAttributes("a", [-1]), DesignUnit.FromAttributes("b", [1])]);

        var failure = designer.CheckTolerance(input).AsT1;

        Assert.Contains(failure.Errors, e => e.Code == DesignErrorCode.InvalidAttribute && e.Ids.Contains("a") && e.Value == "-1");
        Assert.Throws<ArgumentNullException>(() => designer.CheckTolerance(null!));
    }

    [Fact]
    public void CheckTolerance_TooManyTerritories_ReturnsStructuredError()
    {
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = 9 });

        var failure = designer.CheckTolerance(Star()).AsT1;

        Assert.Contains(failure.Errors, e => e.Code == DesignErrorCode.TooManyTerritories && e.Value == "9");
    }

    /// <summary>Soundness against brute force: no contiguous plan beats a bound, and no proof is given when a plan meets the tolerance.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 150)]
    public bool CheckTolerance_NeverContradictsExhaustiveSearch(SmallGraphCase c)
    {
        var outcome = new TerritoryDesigner(new DesignOptions { TerritoryCount = c.Territories, Tolerance = c.Tolerance }).CheckTolerance(SmallGraphPlans.Input(c));
        if (outcome.IsT1)
        {
            var nothing = Enumerable.Range(0, 2).All(a => Enumerable.Range(0, c.Count).All(i => SmallGraphPlans.Weight(c, i, a) == 0));
            return nothing && outcome.AsT1.Errors.Single().Code == DesignErrorCode.NothingToBalance;
        }

        var check = outcome.AsT0;
        var best = new[] { double.PositiveInfinity, double.PositiveInfinity };
        var anyFeasible = false;
        foreach (var of in SmallGraphPlans.Contiguous(c))
        {
            var deviation = new[] { SmallGraphPlans.Deviation(c, of, 0), SmallGraphPlans.Deviation(c, of, 1) };
            best[0] = Math.Min(best[0], deviation[0]);
            best[1] = Math.Min(best[1], deviation[1]);
            anyFeasible |= deviation.All(d => d <= c.Tolerance + 1e-9);
        }

        return Enumerable.Range(0, 2).All(a => check.DeviationLowerBounds[a] <= best[a] + 1e-6) && !(check.IsProvablyInfeasible && anyFeasible);
    }
}

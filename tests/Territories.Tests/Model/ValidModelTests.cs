using FsCheck.Fluent;

namespace Territories.Tests.Model;

/// <summary>Checks that the valid-model generator reaches the cases the properties rely on, so they are not vacuous.</summary>
public class ValidModelTests
{
    [Fact]
    public void ValidModelGen_CoversTheInterestingShapes()
    {
        var models = Arbitraries.ValidModelGen.Sample(60, 300).Select(m => m.Input).ToList();

        Assert.Contains(models, m => m.Positions.Any(p => p.IsVacant));
        Assert.Contains(models, m => m.Positions.Count(p => p.Parent is not null) >= 2);
        Assert.Contains(models, m => m.Territories.Count(t => t.Parent is null) == 2);
        Assert.Contains(models, m => m.Territories.Any(t => t.Level == "area" && t.Boundary is null));
        Assert.Contains(models, m => m.Territories.Any(t => !t.NamedAccounts.IsEmpty));
        Assert.Contains(models, m => m.Accounts.Count >= 20);
        Assert.Contains(models, m => m.Accounts.Any(a => a.Visit is null));
        Assert.Contains(models, m => m.Accounts.Any(a => a.Visit is { Patterns.IsEmpty: false }));
        Assert.Contains(models, m => m.Accounts.Any(a => a.Visit is { FixedWeekday: not null }));
        Assert.Contains(models, m => m.Accounts.Any(a => a.Visit is { FixedPosition: not null }));
        Assert.Contains(models, m => m.Accounts.Any(a => a.Visit is { Frequency.MinSpacingDays: > 0 }));
        Assert.Contains(models, m => m.Accounts.Any(a => a.OpeningHours.OpenDays.Any(d => a.OpeningHours.On(d).Length >= 2)));
        Assert.Contains(models, m => m.Cycle.Weeks == 1);
        Assert.Contains(models, m => m.Cycle.Weeks == 4 && m.Cycle.DaysPerWeek == 6);
        Assert.Contains(models, m => m.MarketPositions.Count > 0 && m.ProductRoles.Count > 0);
        Assert.All(models.SelectMany(m => m.Accounts), a => Assert.InRange(a.Location.Latitude, Arbitraries.South, Arbitraries.North));
    }
}

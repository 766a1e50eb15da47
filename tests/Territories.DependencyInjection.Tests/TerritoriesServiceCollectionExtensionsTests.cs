using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Territories.Model;

namespace Territories.DependencyInjection.Tests;

public class TerritoriesServiceCollectionExtensionsTests
{
    private static string Describe(ServiceDescriptor d) =>
        $"{d.ServiceType}|{d.Lifetime}|{d.ImplementationType}|{d.ImplementationInstance?.GetType()}|{d.ImplementationFactory is not null}";

    [Fact]
    public void AddTerritories_ReturnsSameCollection()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddTerritories());
    }

    [Fact]
    public void AddTerritories_NullServices_ThrowsNamingServices()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => TerritoriesServiceCollectionExtensions.AddTerritories(null!));

        Assert.Equal("services", ex.ParamName);
    }

    [Fact]
    public void AddTerritories_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection().AddTerritories();
        var twice = new ServiceCollection().AddTerritories().AddTerritories();

        Assert.NotEmpty(once);
        Assert.Equal(once.Select(Describe), twice.Select(Describe));
    }

    [Fact]
    public void AddTerritories_Defaults_AreTheDocumentedOnes()
    {
        using var provider = new ServiceCollection().AddTerritories().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TerritoriesOptions>>().Value;

        Assert.Equal(4, options.JourneyCycleWeeks);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], options.WorkingDays);
        Assert.Equal(20, provider.GetRequiredService<JourneyCycle>().DayCount);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddTerritories_Configure_OptionsApplied()
    {
        using var provider = new ServiceCollection()
            .AddTerritories(o => o.JourneyCycleWeeks = 2)
            .AddTerritories(o => o.WorkingDays.Add(DayOfWeek.Saturday))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TerritoriesOptions>>().Value;

        Assert.Equal(2, options.JourneyCycleWeeks);
        Assert.Equal(6, options.WorkingDays.Count);
        Assert.Equal(12, options.CreateCycle().DayCount);
        Assert.Equal(12, provider.GetRequiredService<JourneyCycle>().DayCount);
        Assert.Equal(DayOfWeek.Saturday, provider.GetRequiredService<JourneyCycle>().WeekdayOf(5));
    }

    [Fact]
    public void AddTerritories_TimeProviderAlreadyRegistered_KeepsIt()
    {
        var mine = new FixedTimeProvider();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(mine).AddTerritories().BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddTerritories_InvalidOptions_ReportsEveryFailureOnFirstUse()
    {
        using var provider = new ServiceCollection()
            .AddTerritories(o =>
            {
                o.JourneyCycleWeeks = 0;
                o.WorkingDays.Clear();
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TerritoriesOptions>>().Value);

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains(nameof(TerritoriesOptions.JourneyCycleWeeks), StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains(nameof(TerritoriesOptions.WorkingDays), StringComparison.Ordinal));
    }

    [Fact]
    public void AddTerritories_InvalidOptions_FailStartupValidation()
    {
        using var provider = new ServiceCollection()
            .AddTerritories(o => o.WorkingDays.Add(DayOfWeek.Monday))
            .BuildServiceProvider();

        var validator = provider.GetRequiredService<IStartupValidator>();

        var ex = Assert.Throws<OptionsValidationException>(validator.Validate);
        Assert.Contains("twice", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddTerritories_Engines_ResolveAsSingletons()
    {
        using var provider = new ServiceCollection().AddTerritories().BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<Territories.Journeys.Planning.JourneyPlanner>(), provider.GetRequiredService<Territories.Journeys.Planning.JourneyPlanner>());
        Assert.Same(provider.GetRequiredService<Territories.Journeys.Sequencing.DaySequencer>(), provider.GetRequiredService<Territories.Journeys.Sequencing.DaySequencer>());
        Assert.Same(provider.GetRequiredService<Territories.Design.TerritoryDesigner>(), provider.GetRequiredService<Territories.Design.TerritoryDesigner>());
        Assert.Same(provider.GetRequiredService<Territories.Mix.MixAllocator>(), provider.GetRequiredService<Territories.Mix.MixAllocator>());
        Assert.Same(provider.GetRequiredService<Territories.Mix.SalesMixPlanner>(), provider.GetRequiredService<Territories.Mix.SalesMixPlanner>());
        Assert.IsType<Territories.Travel.GreatCircleTravelModel>(provider.GetRequiredService<Territories.Travel.ITravelModel>());
    }

    [Fact]
    public void AddTerritories_WorkloadEngines_SingletonsBuiltFromTheirOptions()
    {
        var services = new ServiceCollection().AddTerritories();
        services.Configure<Territories.Workload.AlignmentOptions>(o => o.Band = 0.5);
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<Territories.Workload.WorkloadEstimator>(), provider.GetRequiredService<Territories.Workload.WorkloadEstimator>());
        var ex = Assert.ThrowsAny<ArgumentException>(() => provider.GetRequiredService<Territories.Workload.TerritoryAligner>());
        Assert.Contains("Band", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTerritories_TravelModelAlreadyRegistered_KeepsIt()
    {
        var mine = new Territories.Travel.EuclideanTravelModel(1, 1);
        var services = new ServiceCollection();
        services.AddSingleton<Territories.Travel.ITravelModel>(mine);
        using var provider = services.AddTerritories().BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<Territories.Travel.ITravelModel>());
    }

    [Fact]
    public void AddTerritories_InvalidPlannerOptions_ResolvingThePlannerReportsThem()
    {
        var services = new ServiceCollection().AddTerritories();
        services.Configure<Territories.Journeys.JourneyPlannerOptions>(o => o.MaxIterations = -5);
        using var provider = services.BuildServiceProvider();
        var ex = Assert.ThrowsAny<ArgumentException>(() => provider.GetRequiredService<Territories.Journeys.Planning.JourneyPlanner>());
        Assert.Contains("MaxIterations", ex.Message, StringComparison.Ordinal);
    }

    private sealed class FixedTimeProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Territories.DependencyInjection;
using Territories.Design;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Journeys.Sequencing;
using Territories.Mix;
using Territories.Model;
using Territories.Travel;
using Territories.Workload;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Territories in a <see cref="IServiceCollection"/>.</summary>
/// <remarks>
/// A thin layer: everything registered here also works with plain <c>new</c>. Idempotent: calling
/// <see cref="AddTerritories"/> again registers nothing twice (only each <c>configure</c> action is
/// added, and all of them run, in order).
/// </remarks>
public static class TerritoriesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TerritoriesOptions"/> (validated once, reporting every failure, on first
    /// use or at host start-up), the <see cref="JourneyCycle"/> they describe
    /// (<see cref="TerritoriesOptions.CreateCycle"/>), <see cref="TimeProvider.System"/> and a
    /// <see cref="GreatCircleTravelModel"/> as <see cref="ITravelModel"/> unless already registered,
    /// and the engines as singletons built from their options: <see cref="JourneyPlanner"/>
    /// (<see cref="JourneyPlannerOptions"/>), <see cref="DaySequencer"/> (<see cref="DaySequencerOptions"/>),
    /// <see cref="TerritoryDesigner"/> (<see cref="DesignOptions"/>), <see cref="MixAllocator"/>
    /// (<see cref="MixAllocationOptions"/>), <see cref="SalesMixPlanner"/> (<see cref="MixPlanningOptions"/>),
    /// <see cref="WorkloadEstimator"/> (<see cref="WorkloadOptions"/>) and <see cref="TerritoryAligner"/>
    /// (<see cref="AlignmentOptions"/>).
    /// Change an engine's options with <c>services.Configure&lt;XxxOptions&gt;(...)</c>; an engine copies
    /// them when it is first resolved. Every engine with a time limit gets the registered
    /// <see cref="TimeProvider"/> through its constructor (the one way a clock is passed).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options from their documented defaults; null to keep them.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddTerritories(this IServiceCollection services, Action<TerritoriesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var first = !services.Any(d => d.ServiceType == typeof(IValidateOptions<TerritoriesOptions>) && d.ImplementationType == typeof(TerritoriesOptionsValidator));
        if (first)
        {
            // ValidateOnStart adds a registration on every call; once is enough.
            services.AddOptions<TerritoriesOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TerritoriesOptions>, TerritoriesOptionsValidator>());
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TerritoriesOptions>>().Value.CreateCycle());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITravelModel>(_ => new GreatCircleTravelModel());
        services.TryAddSingleton(sp => new JourneyPlanner(sp.GetRequiredService<IOptions<JourneyPlannerOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DaySequencer(sp.GetRequiredService<ITravelModel>(), sp.GetRequiredService<IOptions<DaySequencerOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TerritoryDesigner(sp.GetRequiredService<IOptions<DesignOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new MixAllocator(sp.GetRequiredService<IOptions<MixAllocationOptions>>().Value));
        services.TryAddSingleton(sp => new SalesMixPlanner(sp.GetRequiredService<IOptions<MixPlanningOptions>>().Value));
        services.TryAddSingleton(sp => new WorkloadEstimator(sp.GetRequiredService<IOptions<WorkloadOptions>>().Value));
        services.TryAddSingleton(sp => new TerritoryAligner(sp.GetRequiredService<IOptions<AlignmentOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}

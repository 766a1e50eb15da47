using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Territories.DependencyInjection;

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
    /// use or at host start-up) and <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is already registered.
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

        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

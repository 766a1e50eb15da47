using Territories.Model;

namespace Territories.DependencyInjection;

/// <summary>Library-wide defaults registered by <c>services.AddTerritories(...)</c>: the journey cycle, which is also registered as a <see cref="JourneyCycle"/> singleton.</summary>
/// <remarks>
/// Mutable while the container is configured; validated once, reporting every failure, when
/// <c>IOptions&lt;TerritoriesOptions&gt;.Value</c> is first resolved, or at host start-up
/// (<c>ValidateOnStart</c>). Engines copy what they need from it when they are built.
/// </remarks>
public sealed class TerritoriesOptions
{
    /// <summary>Weeks in the journey cycle when a request does not give its own cycle, 1 to 53; 4 by default.</summary>
    public int JourneyCycleWeeks { get; set; } = 4;

    /// <summary>The working weekdays of that cycle; Monday to Friday by default. At least one, no duplicates.</summary>
    public IList<DayOfWeek> WorkingDays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>The journey cycle these options describe.</summary>
    /// <exception cref="ArgumentException">The options are not valid (see <see cref="JourneyCycle.Create(int, IEnumerable{DayOfWeek}, IEnumerable{int})"/>).</exception>
    public JourneyCycle CreateCycle() => JourneyCycle.Create(JourneyCycleWeeks, WorkingDays);
}

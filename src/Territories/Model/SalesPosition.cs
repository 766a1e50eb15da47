using System.Collections.Immutable;

namespace Territories.Model;

/// <summary>A seat in the sales organisation (territory rep, key-account manager, area manager). It may be vacant.</summary>
/// <remarks>
/// Immutable; change through <c>with</c>. A vacant position exists in the hierarchy but is never
/// planned; model validation reports a vacant position that is asked to work. Working days default
/// to Monday–Friday, daily hours to 08:00–17:00.
/// </remarks>
/// <param name="Id">The position's id.</param>
public sealed record SalesPosition(PositionId Id)
{
    private readonly ImmutableArray<DayOfWeek> _workingDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly ImmutableArray<int> _daysOff = [];

    /// <summary>A display name (for example the holder's name); null when unknown.</summary>
    public string? Name { get; init; }

    /// <summary>The role of the seat.</summary>
    public PositionRole Role { get; init; }

    /// <summary>The position this one reports to; null at the top.</summary>
    public PositionId? Parent { get; init; }

    /// <summary>Where each working day starts and ends (home or distributor); null when unknown (then no field work can be planned).</summary>
    public GeoPoint? Base { get; init; }

    /// <summary>Whether the seat is empty.</summary>
    public bool IsVacant { get; init; }

    /// <summary>The weekdays the position works; Monday–Friday by default.</summary>
    public ImmutableArray<DayOfWeek> WorkingDays
    {
        get => _workingDays;
        init => _workingDays = value.IsDefault ? [] : value;
    }

    /// <summary>Cycle days (0-based) the position does not work (leave, training); empty by default.</summary>
    public ImmutableArray<int> DaysOff
    {
        get => _daysOff;
        init => _daysOff = value.IsDefault ? [] : value;
    }

    /// <summary>The working hours of each working day, from leaving the base to returning; 08:00–17:00 by default.</summary>
    public TimeWindow DailyHours { get; init; } = TimeWindow.FromHours(8, 0, 17, 0);

    /// <summary>An unpaid break taken each day, counted against the working hours; zero by default.</summary>
    public TimeSpan Break { get; init; }

    /// <summary>The most visits in one day; null for no cap.</summary>
    public int? MaxVisitsPerDay { get; init; }

    /// <summary>The most load (sum of <see cref="VisitRequirement.Load"/>) in one day; null for no cap.</summary>
    public double? MaxLoadPerDay { get; init; }

    /// <summary>
    /// Whether the position works on day <paramref name="day"/> of <paramref name="cycle"/>: a working day
    /// of the cycle, on one of the position's weekdays, not one of its days off. The one rule every
    /// engine counts working days by.
    /// </summary>
    internal bool WorksOn(JourneyCycle cycle, int day) =>
        cycle.IsWorkingDay(day) && WorkingDays.Contains(cycle.WeekdayOf(day)) && !DaysOff.Contains(day);
}

using System.Collections.Immutable;

namespace Territories.Model;

/// <summary>What an account needs from the journey plan: how often, how long, which activity, by whom.</summary>
/// <remarks>
/// Either a <see cref="Frequency"/> or an explicit list of <see cref="Patterns"/> (which wins when
/// not empty) says on which cycle days the account may be visited. Immutable; change through
/// <c>with</c>. Model validation reports a requirement that allows no pattern in the cycle.
/// </remarks>
public sealed record VisitRequirement
{
    private readonly ImmutableArray<VisitPattern> _patterns = [];

    /// <summary>The visit frequency; ignored when <see cref="Patterns"/> is not empty.</summary>
    public VisitFrequency? Frequency { get; init; }

    /// <summary>Explicit allowed day patterns (for example from a published benchmark); empty by default.</summary>
    public ImmutableArray<VisitPattern> Patterns
    {
        get => _patterns;
        init => _patterns = value.IsDefault ? [] : value;
    }

    /// <summary>Time on site per visit; null to use the account's service time.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The activity id done on each visit (see <see cref="ActivityType"/>); null when not specified.</summary>
    public string? Activity { get; init; }

    /// <summary>The position that must make every visit; null to let the planner choose.</summary>
    public PositionId? FixedPosition { get; init; }

    /// <summary>The weekday every visit must fall on; null for any.</summary>
    public DayOfWeek? FixedWeekday { get; init; }

    /// <summary>Load per visit counted against a position's daily load cap (e.g. cases delivered); 0 by default.</summary>
    public double Load { get; init; }

    /// <summary>A requirement of <paramref name="frequency"/>.</summary>
    public static VisitRequirement Of(VisitFrequency frequency) => new() { Frequency = frequency };

    /// <summary>The patterns allowed in <paramref name="cycle"/>: the explicit ones, else the frequency's, filtered by <see cref="FixedWeekday"/>.</summary>
    public ImmutableArray<VisitPattern> AllowedPatterns(JourneyCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var patterns = !Patterns.IsEmpty ? Patterns : Frequency is { } f ? f.AllowedPatterns(cycle) : [];
        if (FixedWeekday is { } weekday)
        {
            patterns = patterns.Where(p => p.Days.All(d => d < cycle.DayCount && cycle.WeekdayOf(d) == weekday)).ToImmutableArray();
        }

        return patterns;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Territories.Internal;

namespace Territories.Model;

/// <summary>How often an account is visited: <see cref="Visits"/> visits every <see cref="PeriodWeeks"/> weeks, with optional spacing rules.</summary>
/// <remarks>
/// <para>
/// One type for every encoding users have. <see cref="PerWeek"/> (weekly, twice a week),
/// <see cref="EveryWeeks"/> (fortnightly, every 4 weeks), <see cref="PerFourWeeks"/> (class codes
/// A4/B2/C1 and F-codes F2/F4/F8: visits per 4-week cycle), <see cref="PerCycle"/> (N per cycle,
/// whatever its length) and <see cref="TryParse"/> for text. Values are normalised so that equal
/// rhythms compare equal: F4 = A4 = weekly, F2 = B2 = every 2 weeks, F1 = C1 = every 4 weeks,
/// F8 = twice a week.
/// </para>
/// <para>
/// <see cref="AllowedPatterns"/> turns a frequency into the day patterns a planner may choose in a
/// given cycle: weekly on a fixed weekday; k times a week on fixed weekdays (spread over the week
/// unless spacing limits are given: consecutive visits at least ⌈(n − 1) ÷ k⌉ of the n working
/// weekdays apart, crowded weekdays only when nothing spread fits); every p weeks on a fixed
/// weekday in weeks o, o+p, …; otherwise evenly spaced days repeating every period. Spacing limits
/// are in calendar days between consecutive visits, the cycle wrapping around.
/// </para>
/// </remarks>
public readonly record struct VisitFrequency
{
    private VisitFrequency(int visits, int periodWeeks, int minSpacingDays, int maxSpacingDays)
    {
        Visits = visits;
        PeriodWeeks = periodWeeks;
        MinSpacingDays = minSpacingDays;
        MaxSpacingDays = maxSpacingDays;
    }

    /// <summary>Visits in each period (at least 1).</summary>
    public int Visits { get; }

    /// <summary>The period in weeks; 0 means the whole journey cycle.</summary>
    public int PeriodWeeks { get; }

    /// <summary>Minimum calendar days between consecutive visits; 0 for no rule.</summary>
    public int MinSpacingDays { get; }

    /// <summary>Maximum calendar days between consecutive visits (the cycle wrapping around); 0 for no rule.</summary>
    public int MaxSpacingDays { get; }

    /// <summary>Whether the period is the whole cycle (<see cref="PerCycle"/>).</summary>
    public bool IsPerCycle => PeriodWeeks == 0;

    /// <summary><paramref name="visits"/> visits every week, on the same weekdays each week.</summary>
    public static VisitFrequency PerWeek(int visits) => new(Guard.Positive(visits), 1, 0, 0);

    /// <summary>One visit every <paramref name="weeks"/> weeks (2 = fortnightly), on a fixed weekday.</summary>
    public static VisitFrequency EveryWeeks(int weeks) => new(1, Guard.Positive(weeks), 0, 0);

    /// <summary><paramref name="visits"/> visits per cycle, evenly spread, whatever the cycle's length.</summary>
    public static VisitFrequency PerCycle(int visits) => new(Guard.Positive(visits), 0, 0, 0);

    /// <summary>
    /// <paramref name="visits"/> visits per 4 weeks (28 days): the class codes A4, B2, C1 and the
    /// F-codes F1, F2, F4, F8. Normalised: 4 is weekly, 2 fortnightly, 1 every 4 weeks, 8 twice a week.
    /// </summary>
    public static VisitFrequency PerFourWeeks(int visits)
    {
        Guard.Positive(visits);
        return visits switch
        {
            _ when visits % 4 == 0 => PerWeek(visits / 4),
            2 => EveryWeeks(2),
            1 => EveryWeeks(4),
            _ => new VisitFrequency(visits, 4, 0, 0),
        };
    }

    /// <summary><paramref name="visits"/> visits every <paramref name="weeks"/> weeks, normalised to the shortest equal period.</summary>
    public static VisitFrequency Every(int visits, int weeks)
    {
        Guard.Positive(visits);
        Guard.Positive(weeks);
        if (visits % weeks == 0)
        {
            return PerWeek(visits / weeks);
        }

        var g = Gcd(visits, weeks);
        return new VisitFrequency(visits / g, weeks / g, 0, 0);
    }

    /// <summary>Returns this frequency with spacing rules in calendar days (0 for no rule).</summary>
    public VisitFrequency WithSpacing(int minDays, int maxDays)
    {
        Guard.NonNegative(minDays);
        Guard.NonNegative(maxDays);
        Guard.That(maxDays == 0 || maxDays >= minDays, "The maximum spacing is below the minimum.", nameof(maxDays));
        return new VisitFrequency(Visits, PeriodWeeks, minDays, maxDays);
    }

    /// <summary>Visits in one cycle, or null when the period does not divide the cycle's weeks.</summary>
    public int? VisitsPerCycle(JourneyCycle cycle)
    {
        Guard.NotNull(cycle);
        if (IsPerCycle)
        {
            return Visits;
        }

        return cycle.Weeks % PeriodWeeks == 0 ? Visits * (cycle.Weeks / PeriodWeeks) : null;
    }

    /// <summary>
    /// The day patterns this frequency allows in <paramref name="cycle"/>, sorted; empty when it
    /// cannot fit (a period that does not divide the cycle, more visits than working days, spacing
    /// rules no pattern meets). Patterns touching a non-working day are left out.
    /// </summary>
    public ImmutableArray<VisitPattern> AllowedPatterns(JourneyCycle cycle)
    {
        Guard.NotNull(cycle);
        if (Visits <= 0 || VisitsPerCycle(cycle) is not { } total || total > cycle.DayCount)
        {
            return [];
        }

        var n = cycle.DaysPerWeek;
        var period = IsPerCycle ? cycle.Weeks : PeriodWeeks;
        var blocks = cycle.Weeks / period;
        var candidates = new List<int[]>();
        var crowded = new List<int[]>();
        if (Visits % period == 0 && Visits / period <= n)
        {
            // k visits a week on the same weekdays every week. Without spacing rules of its own, the
            // visits of a week are spread: consecutive visits at least ⌈(n − 1) ÷ k⌉ working days apart
            // (2 a week on 5 days: Monday and Wednesday, not Monday and Tuesday). Crowded weekdays are
            // allowed only when no spread pattern fits the cycle (non-working days).
            var k = Visits / period;
            var spread = MinSpacingDays == 0 && MaxSpacingDays == 0 && k > 1 ? (n - 1 + k - 1) / k : 1;
            foreach (var weekdays in Combinations(n, k))
            {
                var days = Enumerable.Range(0, cycle.Weeks).SelectMany(w => weekdays.Select(j => (w * n) + j)).ToArray();
                var spaced = weekdays.Zip(weekdays.Skip(1)).All(p => p.Second - p.First >= spread);
                (spaced ? candidates : crowded).Add(days);
            }
        }
        else if (Visits == 1)
        {
            // Once every p weeks on a fixed weekday: weeks o, o+p, …
            for (var o = 0; o < period; o++)
            {
                for (var j = 0; j < n; j++)
                {
                    candidates.Add([.. Enumerable.Range(0, blocks).Select(b => (((b * period) + o) * n) + j)]);
                }
            }
        }
        else
        {
            // Evenly spaced days inside each period, the same in every period.
            var length = period * n;
            if (Visits > length)
            {
                return [];
            }

            var visits = Visits;
            var lastOffset = (int)((long)(visits - 1) * length / visits);
            for (var s = 0; s + lastOffset < length && s < (length + visits - 1) / visits; s++)
            {
                var start = s;
                var inBlock = Enumerable.Range(0, visits).Select(i => start + (int)((long)i * length / visits)).ToArray();
                candidates.Add([.. Enumerable.Range(0, blocks).SelectMany(b => inBlock.Select(d => (b * length) + d))]);
            }
        }

        var result = new SortedSet<VisitPattern>();
        foreach (var days in candidates)
        {
            if (days.All(cycle.IsWorkingDay) && MeetsSpacing(days, cycle))
            {
                result.Add(new VisitPattern(days));
            }
        }

        if (result.Count == 0)
        {
            foreach (var days in crowded)
            {
                if (days.All(cycle.IsWorkingDay) && MeetsSpacing(days, cycle))
                {
                    result.Add(new VisitPattern(days));
                }
            }
        }

        return [.. result];
    }

    private bool MeetsSpacing(int[] days, JourneyCycle cycle)
    {
        if ((MinSpacingDays == 0 && MaxSpacingDays == 0) || days.Length < 2)
        {
            return MaxSpacingDays == 0 || days.Length != 1 || cycle.CalendarDays <= MaxSpacingDays;
        }

        var offsets = days.Select(cycle.CalendarOffsetOf).Order().ToArray();
        for (var i = 0; i < offsets.Length; i++)
        {
            var gap = i + 1 < offsets.Length ? offsets[i + 1] - offsets[i] : offsets[0] + cycle.CalendarDays - offsets[i];
            if (gap < MinSpacingDays || (MaxSpacingDays > 0 && gap > MaxSpacingDays))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var current = new int[k];
        for (var i = 0; i < k; i++)
        {
            current[i] = i;
        }

        while (true)
        {
            yield return (int[])current.Clone();
            var pos = k - 1;
            while (pos >= 0 && current[pos] == n - k + pos)
            {
                pos--;
            }

            if (pos < 0)
            {
                yield break;
            }

            current[pos]++;
            for (var i = pos + 1; i < k; i++)
            {
                current[i] = current[i - 1] + 1;
            }
        }
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>
    /// Reads a frequency as users write it: class or F-codes per 4 weeks (<c>A4</c>, <c>B2</c>,
    /// <c>C1</c>, <c>F8</c>), words (<c>weekly</c>, <c>fortnightly</c>, <c>biweekly</c> = every 2 weeks,
    /// <c>monthly</c> = every 4 weeks, <c>daily</c> = every working day is not supported: use
    /// <c>5/week</c>), <c>every 2 weeks</c>, <c>2/week</c>, <c>2x week</c>, <c>2 per week</c>,
    /// <c>3/cycle</c>, <c>1/28d</c>, <c>2/14d</c>. Case and spaces do not matter.
    /// </summary>
    /// <param name="text">The text to read.</param>
    /// <param name="frequency">The frequency read, or default when the text is not understood.</param>
    /// <returns>Whether the text was understood.</returns>
    public static bool TryParse(string? text, out VisitFrequency frequency)
    {
        frequency = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = Regex.Replace(text.Trim().ToLowerInvariant(), @"\s+", " ");
        switch (t)
        {
            case "weekly":
                frequency = PerWeek(1);
                return true;
            case "fortnightly" or "biweekly" or "bi-weekly":
                frequency = EveryWeeks(2);
                return true;
            case "monthly" or "every month" or "4-weekly" or "four-weekly":
                frequency = EveryWeeks(4);
                return true;
        }

        Match m;
        if ((m = Regex.Match(t, @"^[a-z]{1,2} ?(\d{1,3})$")).Success)
        {
            return Positive(m.Groups[1].Value, out var v) && Set(PerFourWeeks(v), out frequency);
        }

        if ((m = Regex.Match(t, @"^every (\d{1,2}) ?(?:weeks?|wks?|w)$")).Success)
        {
            return Positive(m.Groups[1].Value, out var w) && Set(EveryWeeks(w), out frequency);
        }

        if (t is "every week")
        {
            frequency = PerWeek(1);
            return true;
        }

        if ((m = Regex.Match(t, @"^(\d{1,3}) ?(?:x|/|per|times|times per|x per|visits per|visits/)? ?(?:a )?(week|wk|w|cycle|month|(\d{1,3}) ?d(?:ays?)?)$")).Success)
        {
            if (!Positive(m.Groups[1].Value, out var v))
            {
                return false;
            }

            var unit = m.Groups[2].Value;
            if (m.Groups[3].Success)
            {
                if (!Positive(m.Groups[3].Value, out var days) || days % 7 != 0)
                {
                    return false;
                }

                return Set(Every(v, days / 7), out frequency);
            }

            return unit switch
            {
                "cycle" => Set(PerCycle(v), out frequency),
                "month" => Set(PerFourWeeks(v), out frequency),
                _ => Set(PerWeek(v), out frequency),
            };
        }

        return false;
    }

    /// <summary>Reads a frequency, throwing when the text is not understood (see <see cref="TryParse"/>).</summary>
    /// <exception cref="FormatException">The text is not a frequency.</exception>
    public static VisitFrequency Parse(string text)
    {
        Guard.NotNull(text);
        return TryParse(text, out var f) ? f : throw new FormatException($"'{text}' is not a visit frequency (examples: A4, F2, weekly, every 2 weeks, 2/week, 3/cycle).");
    }

    private static bool Positive(string digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static bool Set(VisitFrequency value, out VisitFrequency target)
    {
        target = value;
        return true;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var core = (Visits, PeriodWeeks) switch
        {
            (_, 0) => $"{Visits}/cycle",
            (_, 1) => $"{Visits}/week",
            (1, _) => $"every {PeriodWeeks} weeks",
            _ => $"{Visits} per {PeriodWeeks} weeks",
        };
        return MinSpacingDays == 0 && MaxSpacingDays == 0 ? core : $"{core} (spacing {MinSpacingDays}-{(MaxSpacingDays == 0 ? "any" : MaxSpacingDays)} days)";
    }
}

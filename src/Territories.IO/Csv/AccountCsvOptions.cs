using Territories.Internal;
using Territories.Model;

namespace Territories.IO.Csv;

/// <summary>Which CSV columns hold which account field, and the rules that fill in what the file does not say.</summary>
/// <remarks>
/// <para>
/// The defaults read the sample file <c>examples/data/sample-ohio/places.csv</c>
/// (<c>id,name,lat,lon,population,county_id</c>): <see cref="IdColumn"/> <c>id</c>,
/// <see cref="NameColumn"/> <c>name</c>, <see cref="LatitudeColumn"/> <c>lat</c>,
/// <see cref="LongitudeColumn"/> <c>lon</c>. The optional columns are not read unless named; to
/// take that file's population as potential and its county as territory, set
/// <see cref="PotentialColumn"/> to <c>population</c> and <see cref="TerritoryColumn"/> to
/// <c>county_id</c>. Column names are matched exactly (ordinal, case-sensitive).
/// </para>
/// <para>
/// Mutable until an <see cref="AccountCsvReader"/> is built from it; the reader validates it once,
/// reporting every failure, and keeps a copy.
/// </para>
/// </remarks>
public sealed class AccountCsvOptions : IEngineOptions<AccountCsvOptions>
{
    /// <summary>The field separator; <c>,</c> by default.</summary>
    public char Separator { get; set; } = ',';

    /// <summary>The column holding the account id (required); <c>id</c> by default.</summary>
    public string IdColumn { get; set; } = "id";

    /// <summary>The column holding the display name (required column; an empty value gives no name); <c>name</c> by default.</summary>
    public string NameColumn { get; set; } = "name";

    /// <summary>The column holding the latitude in WGS84 degrees (required); <c>lat</c> by default.</summary>
    public string LatitudeColumn { get; set; } = "lat";

    /// <summary>The column holding the longitude in WGS84 degrees (required); <c>lon</c> by default.</summary>
    public string LongitudeColumn { get; set; } = "lon";

    /// <summary>The column holding the account class (A, B, C…); null (the default) to read none.</summary>
    public string? ClassColumn { get; set; }

    /// <summary>The column holding the trade channel; null (the default) to read none.</summary>
    public string? ChannelColumn { get; set; }

    /// <summary>The column holding the potential, a number with <c>.</c> as decimal point and no thousands separator; null (the default) to read none.</summary>
    public string? PotentialColumn { get; set; }

    /// <summary>The column holding the visit frequency as <see cref="VisitFrequency.TryParse"/> reads it (A4, F2, weekly, every 2 weeks…); null (the default) to read none.</summary>
    public string? FrequencyColumn { get; set; }

    /// <summary>The column holding the service time per visit in minutes; null (the default) to read none.</summary>
    public string? ServiceMinutesColumn { get; set; }

    /// <summary>The column holding the id of the territory the account belongs to; null (the default) to read none.</summary>
    public string? TerritoryColumn { get; set; }

    /// <summary>The column holding the journey stage (a <see cref="JourneyStage"/> name, any case, <c>-</c>, <c>_</c> and spaces ignored: <c>at-risk</c>); null (the default) to read none.</summary>
    public string? StageColumn { get; set; }

    /// <summary>The column holding opening hours in the form of <see cref="OpeningHoursText"/>; null (the default) to read none.</summary>
    public string? OpeningHoursColumn { get; set; }

    /// <summary>
    /// Classes by potential for accounts without a class of their own: an account gets the class of
    /// the highest threshold its potential reaches, and none when it reaches none. Empty by default.
    /// </summary>
    public IList<ClassThreshold> ClassThresholds { get; } = [];

    /// <summary>
    /// Visit frequencies by class (ordinal keys) for accounts without a frequency of their own: an
    /// account of a listed class gets a visit requirement of that frequency. Empty by default.
    /// </summary>
    public IDictionary<string, VisitFrequency> ClassFrequencies { get; } = new Dictionary<string, VisitFrequency>(StringComparer.Ordinal);

    /// <summary>The service time of accounts without one of their own; null (the default) keeps <see cref="Account.ServiceTime"/>'s default of 15 minutes.</summary>
    public TimeSpan? DefaultServiceTime { get; set; }

    /// <summary>Every problem of these options; empty when they are sound.</summary>
    IReadOnlyList<string> IEngineOptions<AccountCsvOptions>.Validate()
    {
        var failures = new List<string>();
        if (Separator is '"' or '\r' or '\n')
        {
            failures.Add($"{nameof(Separator)} must not be a quote or a line break.");
        }

        var named = new List<(string Option, string? Column)>
        {
            (nameof(IdColumn), IdColumn), (nameof(NameColumn), NameColumn),
            (nameof(LatitudeColumn), LatitudeColumn), (nameof(LongitudeColumn), LongitudeColumn),
        };
        foreach (var (option, column) in named)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                failures.Add($"{option} is required and must name a column.");
            }
        }

        named.AddRange(
        [
            (nameof(ClassColumn), ClassColumn), (nameof(ChannelColumn), ChannelColumn), (nameof(PotentialColumn), PotentialColumn),
            (nameof(FrequencyColumn), FrequencyColumn), (nameof(ServiceMinutesColumn), ServiceMinutesColumn),
            (nameof(TerritoryColumn), TerritoryColumn), (nameof(StageColumn), StageColumn), (nameof(OpeningHoursColumn), OpeningHoursColumn),
        ]);
        foreach (var (option, column) in named.Skip(4))
        {
            if (column is not null && string.IsNullOrWhiteSpace(column))
            {
                failures.Add($"{option} must be null or name a column, not empty or white space.");
            }
        }

        foreach (var group in named.Where(n => !string.IsNullOrWhiteSpace(n.Column)).GroupBy(n => n.Column, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"Column '{group.Key}' is mapped by more than one option: {string.Join(", ", group.Select(g => g.Option))}.");
        }

        foreach (var threshold in ClassThresholds)
        {
            if (string.IsNullOrWhiteSpace(threshold.Class))
            {
                failures.Add($"{nameof(ClassThresholds)} has a threshold at {threshold.MinimumPotential} without a class.");
            }
        }

        foreach (var group in ClassThresholds.GroupBy(t => t.MinimumPotential).Where(g => g.Count() > 1))
        {
            failures.Add($"{nameof(ClassThresholds)} has {group.Count()} thresholds at {group.Key}.");
        }

        foreach (var (cls, frequency) in ClassFrequencies)
        {
            if (string.IsNullOrWhiteSpace(cls))
            {
                failures.Add($"{nameof(ClassFrequencies)} has an entry without a class.");
            }

            if (frequency.Visits <= 0)
            {
                failures.Add($"{nameof(ClassFrequencies)}[{cls}] is the default frequency; use a factory such as VisitFrequency.PerWeek.");
            }
        }

        if (DefaultServiceTime is { } service && service <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(DefaultServiceTime)} must be positive, not {service}.");
        }

        return failures;
    }

    AccountCsvOptions IEngineOptions<AccountCsvOptions>.Copy()
    {
        var copy = new AccountCsvOptions
        {
            Separator = Separator,
            IdColumn = IdColumn,
            NameColumn = NameColumn,
            LatitudeColumn = LatitudeColumn,
            LongitudeColumn = LongitudeColumn,
            ClassColumn = ClassColumn,
            ChannelColumn = ChannelColumn,
            PotentialColumn = PotentialColumn,
            FrequencyColumn = FrequencyColumn,
            ServiceMinutesColumn = ServiceMinutesColumn,
            TerritoryColumn = TerritoryColumn,
            StageColumn = StageColumn,
            OpeningHoursColumn = OpeningHoursColumn,
            DefaultServiceTime = DefaultServiceTime,
        };
        foreach (var threshold in ClassThresholds)
        {
            copy.ClassThresholds.Add(threshold);
        }

        foreach (var entry in ClassFrequencies)
        {
            copy.ClassFrequencies.Add(entry);
        }

        return copy;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using Territories.Internal;
using Territories.Model;

namespace Territories.IO.Csv;

/// <summary>Reads accounts from CSV: one account per row, the columns mapped by <see cref="AccountCsvOptions"/>.</summary>
/// <remarks>
/// <para>
/// The file has a header row naming its columns; fields are quoted per RFC 4180 (a field holding the
/// separator, a quote or a line break is wrapped in <c>"</c>, a quote inside it doubled), so names
/// with commas, quotes, line breaks and any Unicode text survive. The input is UTF-8 (a byte-order
/// mark is skipped). Numbers use <c>.</c> as the decimal point, whatever the machine's culture.
/// Columns no option maps are not dropped: each row's non-empty values in them become the account's
/// <see cref="Account.Attributes"/>, keyed by the header name.
/// </para>
/// <para>
/// Every row is checked on its own and every problem is reported as a <see cref="ReadError"/> with
/// the row's line number (the line it starts on, the header being line 1) and its id when known:
/// a row with fewer or more fields than the header, an empty id, latitude or longitude, text in a
/// number column, a coordinate outside WGS84, a duplicate id (the first row keeps it), an unknown
/// frequency, journey stage or opening-hours text, a quote that is not closed where a value can end
/// (<see cref="ReadErrorCode.UnterminatedQuote"/>: the row is left out and reading resumes at the next
/// line, so the rows after it are still read). A row with any problem is left out; the others
/// are kept. A header without a required column, an empty file and a file without data rows are
/// reported too. Blank lines are skipped. Ranges the whole-model validation checks with the
/// account's id (negative potential, non-positive service time, inverted opening windows) are left
/// to <see cref="ModelValidator"/>.
/// </para>
/// <para>
/// Immutable once built and thread-safe. Reading streams the rows: memory holds one row at a time
/// besides the accounts read and the ids seen. Output is in file order, so the same bytes give the
/// same result.
/// </para>
/// </remarks>
public sealed class AccountCsvReader
{
    private const int MaxValueLength = 80;

    private const string UnterminatedQuoteMessage = "The quote that opens this value is not closed where a value can end (before a separator or a line end, with the row whole); the row is left out and reading resumes at the next line. Close the quote, or double a quote inside a quoted value.";
    private readonly AccountCsvOptions _options;
    private readonly ClassThreshold[] _thresholds;

    /// <summary>Creates a reader with the default options, which read <c>id,name,lat,lon</c>.</summary>
    public AccountCsvReader()
        : this(new AccountCsvOptions())
    {
    }

    /// <summary>Creates a reader with <paramref name="options"/>, validated once and copied.</summary>
    /// <param name="options">The column mapping and fill-in rules.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are not sound; the message lists every failure.</exception>
    public AccountCsvReader(AccountCsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = EngineOptions.Checked(options);
        _thresholds = [.. _options.ClassThresholds.OrderByDescending(t => t.MinimumPotential)];
    }

    /// <summary>Reads CSV from <paramref name="stream"/> (UTF-8) to its end; the stream is left open.</summary>
    /// <param name="stream">The CSV text.</param>
    /// <returns>The accounts read and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public ReadResult<Account> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var text = Utf8Input.Reader(stream);
        return ReadText(text);
    }

    /// <summary>Reads CSV from <paramref name="stream"/> (UTF-8) to its end without blocking; the stream is left open.</summary>
    /// <param name="stream">The CSV text.</param>
    /// <param name="cancellationToken">Cancels reading the stream.</param>
    /// <returns>The accounts read and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public Task<ReadResult<Account>> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCoreAsync(stream, cancellationToken);
    }

    /// <summary>Reads CSV held in a string.</summary>
    /// <param name="csv">The CSV text, header first.</param>
    /// <returns>The accounts read and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public ReadResult<Account> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var text = new StringReader(csv.StartsWith('\uFEFF') ? csv[1..] : csv);
        return ReadText(text);
    }

    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The accounts read and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public ReadResult<Account> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    private async Task<ReadResult<Account>> ReadCoreAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return Read(buffer);
    }

    private ReadResult<Account> ReadText(TextReader text)
    {
        var errors = new List<ReadError>();
        var items = new List<Account>();

        var reader = new CsvRecordReader(text, _options.Separator);
        string[]? names = null;
        var headerLine = 1;
        Columns? columns = null;
        var firstLineById = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        while (reader.TryRead(names?.Length, out var record))
        {
            var line = record.Line;
            var fields = record.Fields;
            if (record.Error is { } quote)
            {
                var column = names is not null && quote.Field < names.Length ? names[quote.Field] : null;
                var id = columns is not null && Text(fields, columns.Id) is { } known ? known : null;
                errors.Add(new ReadError(ReadErrorCode.UnterminatedQuote, line, null, id, column, Clip(quote.Excerpt), UnterminatedQuoteMessage));
                if (names is null)
                {
                    return new([.. items], [.. errors]);
                }

                rows++;
                continue;
            }

            if (fields.Length == 1 && string.IsNullOrWhiteSpace(fields[0]) && (names is null || names.Length > 1))
            {
                continue;
            }

            if (names is null)
            {
                names = fields;
                headerLine = line;
                columns = ReadHeader(names, headerLine, errors);
                if (!columns.HasRequired)
                {
                    return new([.. items], [.. errors]);
                }

                continue;
            }

            rows++;
            var account = ReadRow(fields, names.Length, line, columns!, firstLineById, errors);
            if (account is not null)
            {
                items.Add(account);
            }
        }

        if (names is null)
        {
            errors.Add(new ReadError(ReadErrorCode.EmptyFile, null, null, null, null, null, "The file is empty; it needs a header row and at least one data row."));
        }
        else if (rows == 0)
        {
            errors.Add(new ReadError(ReadErrorCode.NoRows, headerLine, null, null, null, null, "The file has a header but no data row."));
        }

        return new([.. items], [.. errors]);
    }

    private Columns ReadHeader(string[] names, int line, List<ReadError> errors)
    {
        foreach (var duplicate in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ReadError(ReadErrorCode.DuplicateColumn, line, null, null, duplicate.Key, duplicate.Key, $"The header names column '{duplicate.Key}' {duplicate.Count()} times; the first is read."));
        }

        return new Columns(names, line, _options, errors);
    }

    private Account? ReadRow(string[] fields, int columnCount, int line, Columns columns, Dictionary<string, int> firstLineById, List<ReadError> errors)
    {
        var before = errors.Count;
        var id = Field(fields, columns.Id) is { } rawId && !string.IsNullOrWhiteSpace(rawId) ? rawId : null;
        void Add(ReadErrorCode code, string? field, string? value, string message) =>
            errors.Add(new ReadError(code, line, null, id, field, Clip(value), message));

        if (fields.Length != columnCount)
        {
            Add(ReadErrorCode.FieldCountMismatch, null, $"{fields.Length} of {columnCount}", $"The row has {fields.Length} field(s) but the header has {columnCount}; quote a value that holds '{_options.Separator}', a quote or a line break.");
            return null;
        }

        if (Utf8Input.FirstInvalid(fields) is var bad and >= 0)
        {
            Add(ReadErrorCode.InvalidEncoding, columns.NameOf(bad), fields[bad], "The value holds bytes that are not UTF-8; save the file as UTF-8.");
            return null;
        }

        if (id is null)
        {
            Add(ReadErrorCode.MissingValue, _options.IdColumn, Field(fields, columns.Id), "The row has no account id.");
        }
        else if (!firstLineById.TryAdd(id, line))
        {
            Add(ReadErrorCode.DuplicateId, _options.IdColumn, id, $"Line {firstLineById[id]} already has the account id '{id}'; the first row is kept.");
        }

        var latitude = ReadCoordinate(fields, columns.Latitude, _options.LatitudeColumn, 90, Add);
        var longitude = ReadCoordinate(fields, columns.Longitude, _options.LongitudeColumn, 180, Add);

        var potential = 0m;
        if (Text(fields, columns.Potential) is { } potentialText
            && !decimal.TryParse(potentialText, NumberStyles.Float, CultureInfo.InvariantCulture, out potential))
        {
            Add(ReadErrorCode.InvalidNumber, _options.PotentialColumn, potentialText, "The potential is not a number (use '.' as the decimal point, no thousands separator).");
        }

        VisitFrequency? frequency = null;
        if (Text(fields, columns.Frequency) is { } frequencyText)
        {
            if (VisitFrequency.TryParse(frequencyText, out var f))
            {
                frequency = f;
            }
            else
            {
                Add(ReadErrorCode.InvalidValue, _options.FrequencyColumn, frequencyText, "The visit frequency is not understood (examples: A4, F2, weekly, every 2 weeks, 2/week, 3/cycle).");
            }
        }

        var serviceTime = _options.DefaultServiceTime;
        if (Text(fields, columns.ServiceMinutes) is { } minutesText)
        {
            if (double.TryParse(minutesText, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && double.IsFinite(minutes) && Math.Abs(minutes) < 1e8)
            {
                serviceTime = TimeSpan.FromMinutes(minutes);
            }
            else
            {
                Add(ReadErrorCode.InvalidNumber, _options.ServiceMinutesColumn, minutesText, "The service time is not a number of minutes.");
            }
        }

        var stage = JourneyStage.Unknown;
        if (Text(fields, columns.Stage) is { } stageText && !TryParseStage(stageText, out stage))
        {
            Add(ReadErrorCode.InvalidValue, _options.StageColumn, stageText, $"The journey stage is not one of {string.Join(", ", Enum.GetNames<JourneyStage>())}.");
        }

        var hours = OpeningHours.AlwaysOpen;
        if (Text(fields, columns.OpeningHours) is { } hoursText && !OpeningHoursText.TryParse(hoursText, out hours))
        {
            Add(ReadErrorCode.InvalidValue, _options.OpeningHoursColumn, hoursText, hoursText.Length > OpeningHoursText.MaxLength
                ? string.Create(CultureInfo.InvariantCulture, $"The opening hours text is {hoursText.Length} characters long; at most {OpeningHoursText.MaxLength} are read (a week needs a few hundred).")
                : "The opening hours are not understood (example: Mon-Fri 08:00-12:00,13:00-17:00; Sat 08:00-12:00).");
        }

        if (errors.Count > before || id is null)
        {
            return null;
        }

        var cls = Text(fields, columns.Class) ?? ClassOf(potential);
        frequency ??= cls is not null && _options.ClassFrequencies.TryGetValue(cls, out var byClass) ? byClass : null;
        var account = new Account(new AccountId(id), new GeoPoint(longitude, latitude))
        {
            Name = Text(fields, columns.Name),
            Class = cls,
            Channel = Text(fields, columns.Channel),
            Potential = potential,
            Stage = stage,
            OpeningHours = hours ?? OpeningHours.AlwaysOpen,
            Visit = frequency is { } v ? VisitRequirement.Of(v) : null,
            Territory = Text(fields, columns.Territory) is { } territory ? new TerritoryId(territory) : (TerritoryId?)null,
            Attributes = Attributes(fields, columns),
        };
        return serviceTime is { } s ? account with { ServiceTime = s } : account;
    }

    private static double ReadCoordinate(string[] fields, int column, string name, double limit, Action<ReadErrorCode, string?, string?, string> add)
    {
        var text = Text(fields, column);
        if (text is null)
        {
            add(ReadErrorCode.MissingValue, name, null, $"The row has no {name}.");
            return double.NaN;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            add(ReadErrorCode.InvalidNumber, name, text, $"The {name} is not a number (WGS84 degrees, '.' as the decimal point).");
            return double.NaN;
        }

        if (!double.IsFinite(value) || Math.Abs(value) > limit)
        {
            add(ReadErrorCode.InvalidCoordinate, name, text, $"The {name} must be a finite number of degrees from -{limit} to {limit}.");
            return double.NaN;
        }

        return value;
    }

    private string? ClassOf(decimal potential)
    {
        foreach (var threshold in _thresholds)
        {
            if (potential >= threshold.MinimumPotential)
            {
                return threshold.Class;
            }
        }

        return null;
    }

    private static bool TryParseStage(string text, out JourneyStage stage)
    {
        var name = string.Concat(text.Where(c => c is not ('-' or '_') && !char.IsWhiteSpace(c)));
        stage = JourneyStage.Unknown;
        return name.Length > 0 && !char.IsAsciiDigit(name[0])
            && Enum.TryParse(name, ignoreCase: true, out stage) && Enum.IsDefined(stage);
    }

    /// <summary>The row's non-empty values in the columns no option maps, by header name.</summary>
    private static ImmutableDictionary<string, string> Attributes(string[] fields, Columns columns)
    {
        if (columns.Extra.Count == 0)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        var attributes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (index, name) in columns.Extra)
        {
            if (Text(fields, index) is { } value)
            {
                attributes[name] = value;
            }
        }

        return attributes.ToImmutable();
    }

    private static string? Field(string[] fields, int column) => column >= 0 && column < fields.Length ? fields[column] : null;

    private static string? Text(string[] fields, int column) => Field(fields, column) is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static string? Clip(string? value) =>
        value is null || value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength), "…");

    /// <summary>The index of each mapped column in the header; -1 when not read.</summary>
    private sealed class Columns
    {
        private readonly string[] _names;

        public Columns(string[] names, int line, AccountCsvOptions options, List<ReadError> errors)
        {
            _names = names;
            int Find(string? column, bool required)
            {
                if (column is null)
                {
                    return -1;
                }

                for (var i = 0; i < names.Length; i++)
                {
                    if (string.Equals(names[i], column, StringComparison.Ordinal))
                    {
                        return i;
                    }
                }

                errors.Add(new ReadError(ReadErrorCode.MissingColumn, line, null, null, column, null, required
                    ? $"The header has no column '{column}', which is required; no row can be read."
                    : $"The header has no column '{column}'; it is not read."));
                HasRequired &= !required;
                return -1;
            }

            HasRequired = true;
            Id = Find(options.IdColumn, required: true);
            Name = Find(options.NameColumn, required: true);
            Latitude = Find(options.LatitudeColumn, required: true);
            Longitude = Find(options.LongitudeColumn, required: true);
            Class = Find(options.ClassColumn, required: false);
            Channel = Find(options.ChannelColumn, required: false);
            Potential = Find(options.PotentialColumn, required: false);
            Frequency = Find(options.FrequencyColumn, required: false);
            ServiceMinutes = Find(options.ServiceMinutesColumn, required: false);
            Territory = Find(options.TerritoryColumn, required: false);
            Stage = Find(options.StageColumn, required: false);
            OpeningHours = Find(options.OpeningHoursColumn, required: false);
            var mapped = new HashSet<int> { Id, Name, Latitude, Longitude, Class, Channel, Potential, Frequency, ServiceMinutes, Territory, Stage, OpeningHours };
            var named = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                // Every other column, once (the first of a repeated name), kept as the account's attributes.
                if (!mapped.Contains(i) && !string.IsNullOrWhiteSpace(names[i]) && named.Add(names[i]))
                {
                    Extra.Add((i, names[i]));
                }
            }
        }

        /// <summary>The header name of column <paramref name="index"/>.</summary>
        public string? NameOf(int index) => index < _names.Length ? _names[index] : null;

        /// <summary>The columns no option maps, with their header names: kept as <see cref="Account.Attributes"/>.</summary>
        public List<(int Index, string Name)> Extra { get; } = [];

        public bool HasRequired { get; private set; }

        public int Id { get; }

        public int Name { get; }

        public int Latitude { get; }

        public int Longitude { get; }

        public int Class { get; }

        public int Channel { get; }

        public int Potential { get; }

        public int Frequency { get; }

        public int ServiceMinutes { get; }

        public int Territory { get; }

        public int Stage { get; }

        public int OpeningHours { get; }
    }
}

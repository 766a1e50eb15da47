using Territories.Journeys;
using Territories.Model;

namespace Territories.IO.Csv;

/// <summary>Reads a journey plan back from the CSV that <see cref="JourneyPlanCsvWriter"/> writes, for instance after a user edited it in a spreadsheet.</summary>
/// <remarks>
/// <para>
/// The header names the columns of <see cref="JourneyPlanCsvWriter.Header"/> in any order (<c>activity</c>,
/// <c>account_name</c> and <c>leg_km</c> may be absent, as in files written before they were added; the
/// name and the leg distance are informative and not read back: legs are recomputed, see below). The day of a row is <c>cycle_day</c> (0-based); when it is empty, it is taken from
/// <c>week</c> (1-based) and <c>weekday</c> (<c>Mon</c> … <c>Sun</c>, or the full English name); when both
/// are given they must agree. Visits of a (position, day) are ordered by <c>sequence</c>.
/// </para>
/// <para>
/// Every bad row is reported as a <see cref="ReadError"/> with its line (the header being line 1) and
/// left out: a row with the wrong number of fields, an empty or non-numeric value, an unknown position or
/// account, or one that breaks a rule of the request (<see cref="JourneyPlanRequest.Validate"/>, for instance a
/// duplicate id or a service time longer than a day) (<see cref="ReadErrorCode.InvalidValue"/>, field
/// <c>position_id</c> or <c>account_id</c>), a day
/// outside the cycle or a week/weekday that disagrees with it (<see cref="ReadErrorCode.InvalidValue"/>),
/// a time that is not <c>HH:mm:ss</c> or a departure before the arrival, a sequence number already used in
/// the same route (<see cref="ReadErrorCode.DuplicateId"/>, field <c>sequence</c>), a quote that is not
/// closed where a value can end (<see cref="ReadErrorCode.UnterminatedQuote"/>; reading resumes at the
/// next line, so the rows after it are still read).
/// </para>
/// <para>
/// Routes are rebuilt from the request: legs come from its travel model, and the schedule is replayed
/// so that the plan is consistent to the millisecond although the file holds whole seconds. The route
/// leaves the base so as to reach the first visit at its stated arrival (snapped to the position's start
/// of day when within a second of it); each later arrival is the previous departure plus the leg; service
/// starts at the arrival, or later when the stated departure minus the service duration is at least a
/// second later (waiting); the departure is the service start plus the account's visit duration. Times
/// edited in the file thus move visits only by adding waiting; rules (opening hours, working hours,
/// patterns, positions) are left to <see cref="JourneyPlanEvaluator"/>. Key figures are recomputed by
/// <see cref="JourneyPlanKpis.FromRoutes"/> over the request's positions, so a plan written and read back
/// reports the figures it was written with;
/// capacity, crossings and cost are not carried by the file and are left empty (cost 0, status
/// <see cref="JourneyPlanStatus.Completed"/>).
/// </para>
/// <para>Stateless and thread-safe; the same bytes and request give the same result.</para>
/// </remarks>
public static class JourneyPlanCsvReader
{
    private const int MaxValueLength = 80;
    private static readonly string[] Required = ["position_id", "week", "weekday", "cycle_day", "sequence", "account_id", "planned_arrival", "planned_departure"];

    /// <summary>Reads a plan from CSV held in a string.</summary>
    /// <param name="csv">The CSV text, header first.</param>
    /// <param name="request">The request the plan answers: positions, accounts, cycle and travel model.</param>
    /// <param name="unplanned">The accounts to list as unplanned (for instance those of the plan that was exported); none when null.</param>
    /// <returns>The plan rebuilt from the good rows and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> or <paramref name="request"/> is null.</exception>
    public static JourneyPlanCsvReadResult Parse(string csv, JourneyPlanRequest request, IEnumerable<UnplannedAccount>? unplanned = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(request);
        using var text = new StringReader(csv.StartsWith('\uFEFF') ? csv[1..] : csv);
        return ReadText(text, request, unplanned);
    }

    /// <summary>Reads a plan from CSV in <paramref name="stream"/> (UTF-8) to its end; the stream is left open.</summary>
    /// <param name="stream">The CSV text.</param>
    /// <param name="request">The request the plan answers.</param>
    /// <param name="unplanned">The accounts to list as unplanned; none when null.</param>
    /// <returns>The plan rebuilt from the good rows and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="request"/> is null.</exception>
    public static JourneyPlanCsvReadResult Read(Stream stream, JourneyPlanRequest request, IEnumerable<UnplannedAccount>? unplanned = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(request);
        using var text = Utf8Input.Reader(stream);
        return ReadText(text, request, unplanned);
    }

    /// <summary>Reads a plan from the CSV file at <paramref name="path"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="request">The request the plan answers.</param>
    /// <param name="unplanned">The accounts to list as unplanned; none when null.</param>
    /// <returns>The plan rebuilt from the good rows and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static JourneyPlanCsvReadResult ReadFile(string path, JourneyPlanRequest request, IEnumerable<UnplannedAccount>? unplanned = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(request);
        using var stream = File.OpenRead(path);
        return Read(stream, request, unplanned);
    }

    private static JourneyPlanCsvReadResult ReadText(TextReader text, JourneyPlanRequest request, IEnumerable<UnplannedAccount>? unplanned)
    {
        var errors = new List<ReadError>();
        var rows = new List<JourneyPlanCsvRow>();
        var positions = request.Positions.GroupBy(p => p.Id.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var accounts = request.Accounts.GroupBy(a => a.Id.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var sequenceLines = new Dictionary<(string, int, int), int>();
        var invalid = request.Validate()
            .Where(e => !e.Items.IsEmpty && e.Items[0].Kind is ItemKind.Account or ItemKind.Position)
            .GroupBy(e => e.Items[0])
            .ToDictionary(g => g.Key, g => g.First());

        var reader = new CsvRecordReader(text, ',');
        Dictionary<string, int>? columns = null;
        var columnCount = 0;
        var headerLine = 1;
        var dataRows = 0;
        while (reader.TryRead(columns is null ? null : columnCount, out var record))
        {
            var line = record.Line;
            var fields = record.Fields;
            if (record.Error is { } quote)
            {
                var column = columns?.FirstOrDefault(c => c.Value == quote.Field).Key;
                var account = columns is not null && columns.TryGetValue("account_id", out var a) && a < fields.Length && !string.IsNullOrWhiteSpace(fields[a]) ? fields[a].Trim() : null;
                errors.Add(new ReadError(ReadErrorCode.UnterminatedQuote, line, null, account, column, Clip(quote.Excerpt), "The quote that opens this value is not closed where a value can end (before a comma or a line end, with the row whole); the row is left out and reading resumes at the next line. Close the quote, or double a quote inside a quoted value."));
                if (columns is null)
                {
                    return new(JourneyPlanReplay.Build(request, [], unplanned), [.. errors]);
                }

                dataRows++;
                continue;
            }

            if (fields.Length == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            if (columns is null)
            {
                headerLine = line;
                columnCount = fields.Length;
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Length; i++)
                {
                    var name = fields[i].Trim();
                    if (!columns.TryAdd(name, i))
                    {
                        errors.Add(new ReadError(ReadErrorCode.DuplicateColumn, line, null, null, name, name, $"The header names column '{name}' more than once; the first is read."));
                    }
                }

                var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
                foreach (var column in missing)
                {
                    errors.Add(new ReadError(ReadErrorCode.MissingColumn, line, null, null, column, null, $"The header has no column '{column}', which is required; no row can be read."));
                }

                if (missing.Count > 0)
                {
                    return new(JourneyPlanReplay.Build(request, [], unplanned), [.. errors]);
                }

                continue;
            }

            dataRows++;
            if (ReadRow(fields, columnCount, line, columns, request.Cycle, positions, accounts, invalid, sequenceLines, errors) is { } read)
            {
                rows.Add(read);
            }
        }

        if (columns is null)
        {
            errors.Add(new ReadError(ReadErrorCode.EmptyFile, null, null, null, null, null, "The file is empty; it needs a header row."));
        }
        else if (dataRows == 0)
        {
            errors.Add(new ReadError(ReadErrorCode.NoRows, headerLine, null, null, null, null, "The file has a header but no visit row."));
        }

        return new(JourneyPlanReplay.Build(request, rows, unplanned), [.. errors]);
    }

    private static JourneyPlanCsvRow? ReadRow(
        string[] fields,
        int columnCount,
        int line,
        Dictionary<string, int> columns,
        JourneyCycle cycle,
        Dictionary<string, SalesPosition> positions,
        Dictionary<string, Account> accounts,
        Dictionary<ItemRef, ModelError> invalid,
        Dictionary<(string, int, int), int> sequenceLines,
        List<ReadError> errors)
    {
        var before = errors.Count;
        string? Get(string column) => columns.TryGetValue(column, out var i) && i < fields.Length && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
        var accountText = Get("account_id");
        void Add(ReadErrorCode code, string? field, string? value, string message) =>
            errors.Add(new ReadError(code, line, null, accountText, field, Clip(value), message));

        if (fields.Length != columnCount)
        {
            Add(ReadErrorCode.FieldCountMismatch, null, $"{fields.Length} of {columnCount}", $"The row has {fields.Length} field(s) but the header has {columnCount}; quote a value that holds a comma, a quote or a line break.");
            return null;
        }

        if (Utf8Input.FirstInvalid(fields) is var bad and >= 0)
        {
            Add(ReadErrorCode.InvalidEncoding, columns.FirstOrDefault(c => c.Value == bad).Key, fields[bad], "The value holds bytes that are not UTF-8; save the file as UTF-8.");
            return null;
        }

        SalesPosition? position = null;
        var positionText = Get("position_id");
        if (positionText is null)
        {
            Add(ReadErrorCode.MissingValue, "position_id", null, "The row has no position id.");
        }
        else if (!positions.TryGetValue(positionText, out position))
        {
            Add(ReadErrorCode.InvalidValue, "position_id", positionText, $"Position '{positionText}' is not in the request.");
        }
        else if (invalid.TryGetValue(new ItemRef(ItemKind.Position, positionText), out var positionError))
        {
            Add(ReadErrorCode.InvalidValue, "position_id", positionText, $"Position '{positionText}' breaks a rule of the request ({positionError.Code}, {positionError.Field}): {positionError.Message}");
        }

        Account? account = null;
        if (accountText is null)
        {
            Add(ReadErrorCode.MissingValue, "account_id", null, "The row has no account id.");
        }
        else if (!accounts.TryGetValue(accountText, out account))
        {
            Add(ReadErrorCode.InvalidValue, "account_id", accountText, $"Account '{accountText}' is not in the request.");
        }
        else if (invalid.TryGetValue(new ItemRef(ItemKind.Account, accountText), out var accountError))
        {
            Add(ReadErrorCode.InvalidValue, "account_id", accountText, $"Account '{accountText}' breaks a rule of the request ({accountError.Code}, {accountError.Field} = {accountError.Value}): {accountError.Message}");
        }

        var day = JourneyPlanCsvFields.ReadDay(Get("cycle_day"), Get("week"), Get("weekday"), cycle, Add);
        var sequence = JourneyPlanCsvFields.ReadInt(Get("sequence"), "sequence", Add);
        if (sequence is < 1)
        {
            Add(ReadErrorCode.InvalidValue, "sequence", Get("sequence"), "The sequence must be 1 or more.");
        }

        var arrival = JourneyPlanCsvFields.ReadTime(Get("planned_arrival"), "planned_arrival", Add);
        var departure = JourneyPlanCsvFields.ReadTime(Get("planned_departure"), "planned_departure", Add);
        if (arrival is { } a && departure is { } d && d < a)
        {
            Add(ReadErrorCode.InvalidValue, "planned_departure", Get("planned_departure"), $"The departure is before the arrival ({Get("planned_arrival")}).");
        }

        if (positionText is not null && day is { } dd && sequence is { } s && s >= 1 && !sequenceLines.TryAdd((positionText, dd, s), line))
        {
            Add(ReadErrorCode.DuplicateId, "sequence", Get("sequence"), $"Line {sequenceLines[(positionText, dd, s)]} already has sequence {s} for position '{positionText}' on day {dd}.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new JourneyPlanCsvRow(line, position!.Id, day!.Value, sequence!.Value, account!, arrival!.Value, departure!.Value, Get("activity"));
    }

    private static string? Clip(string? value) =>
        value is null || value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength), "…");
}

using System.Collections.Immutable;
using System.Globalization;
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
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
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

    private sealed record Row(int Line, PositionId Position, int Day, int Sequence, Account Account, TimeSpan Arrival, TimeSpan Departure, string? Activity);

    private static JourneyPlanCsvReadResult ReadText(TextReader text, JourneyPlanRequest request, IEnumerable<UnplannedAccount>? unplanned)
    {
        var errors = new List<ReadError>();
        var rows = new List<Row>();
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
                    return new(Build(request, [], unplanned), [.. errors]);
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
                    return new(Build(request, [], unplanned), [.. errors]);
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

        return new(Build(request, rows, unplanned), [.. errors]);
    }

    private static Row? ReadRow(
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

        var day = ReadDay(Get("cycle_day"), Get("week"), Get("weekday"), cycle, Add);
        var sequence = ReadInt(Get("sequence"), "sequence", Add);
        if (sequence is < 1)
        {
            Add(ReadErrorCode.InvalidValue, "sequence", Get("sequence"), "The sequence must be 1 or more.");
        }

        var arrival = ReadTime(Get("planned_arrival"), "planned_arrival", Add);
        var departure = ReadTime(Get("planned_departure"), "planned_departure", Add);
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

        return new Row(line, position!.Id, day!.Value, sequence!.Value, account!, arrival!.Value, departure!.Value, Get("activity"));
    }

    private static int? ReadDay(string? dayText, string? weekText, string? weekdayText, JourneyCycle cycle, Action<ReadErrorCode, string?, string?, string> add)
    {
        int? fromWeek = null;
        var weekOk = true;
        if (weekText is not null || weekdayText is not null || dayText is null)
        {
            var week = ReadInt(weekText, "week", add);
            DayOfWeek? weekday = null;
            if (weekdayText is null)
            {
                add(ReadErrorCode.MissingValue, "weekday", null, "The row has no weekday.");
            }
            else if (TryParseWeekday(weekdayText, out var w))
            {
                weekday = w;
            }
            else
            {
                add(ReadErrorCode.InvalidValue, "weekday", weekdayText, "The weekday is not one of Mon, Tue, Wed, Thu, Fri, Sat, Sun.");
            }

            weekOk = week is not null && weekday is not null;
            if (week is { } wk && weekday is { } wd)
            {
                var d = cycle.DayOf(wk - 1, wd);
                if (d < 0)
                {
                    add(ReadErrorCode.InvalidValue, "week", weekText, $"Week {wk} {weekdayText} is not a day of the cycle ({cycle.Weeks} week(s) on {string.Join(", ", cycle.WorkingDays.Select(JourneyPlanCsvWriter.WeekdayName))}).");
                    weekOk = false;
                }
                else
                {
                    fromWeek = d;
                }
            }
        }

        if (dayText is null)
        {
            return fromWeek;
        }

        var day = ReadInt(dayText, "cycle_day", add);
        if (day is not { } value)
        {
            return null;
        }

        if (value < 0 || value >= cycle.DayCount)
        {
            add(ReadErrorCode.InvalidValue, "cycle_day", dayText, $"Day {value} is outside the cycle (0 to {cycle.DayCount - 1}).");
            return null;
        }

        if (weekOk && fromWeek is { } f && f != value)
        {
            add(ReadErrorCode.InvalidValue, "cycle_day", dayText, $"Cycle day {value} is week {cycle.WeekOf(value) + 1} {JourneyPlanCsvWriter.WeekdayName(cycle.WeekdayOf(value))}, but the row says week {weekText} {weekdayText}; change both or clear one.");
            return null;
        }

        return weekOk ? value : null;
    }

    private static bool TryParseWeekday(string text, out DayOfWeek day)
    {
        foreach (var d in Enum.GetValues<DayOfWeek>())
        {
            if (string.Equals(text, JourneyPlanCsvWriter.WeekdayName(d), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, d.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                day = d;
                return true;
            }
        }

        day = default;
        return false;
    }

    private static int? ReadInt(string? text, string field, Action<ReadErrorCode, string?, string?, string> add)
    {
        if (text is null)
        {
            add(ReadErrorCode.MissingValue, field, null, $"The row has no {field}.");
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            add(ReadErrorCode.InvalidNumber, field, text, $"The {field} is not a whole number.");
            return null;
        }

        return value;
    }

    private static TimeSpan? ReadTime(string? text, string field, Action<ReadErrorCode, string?, string?, string> add)
    {
        if (text is null)
        {
            add(ReadErrorCode.MissingValue, field, null, $"The row has no {field}.");
            return null;
        }

        var parts = text.Split(':');
        if (parts.Length is 2 or 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h < 48
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60 && parts[1].Length == 2)
        {
            var s = 0;
            if (parts.Length == 2 || (parts[2].Length == 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out s) && s < 60))
            {
                return new TimeSpan(h, m, s);
            }
        }

        add(ReadErrorCode.InvalidValue, field, text, $"The {field} is not a time HH:mm:ss (hours 0 to 47).");
        return null;
    }

    private static JourneyPlan Build(JourneyPlanRequest request, List<Row> rows, IEnumerable<UnplannedAccount>? unplanned)
    {
        var model = request.TravelModel;
        var positions = request.Positions.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        var routes = ImmutableArray.CreateBuilder<JourneyRoute>();
        foreach (var group in rows.GroupBy(r => (r.Position, r.Day)).OrderBy(g => g.Key.Position).ThenBy(g => g.Key.Day))
        {
            var position = positions[group.Key.Position];
            var ordered = group.OrderBy(r => r.Sequence).ToList();
            var basePoint = position.Base;
            var here = basePoint ?? ordered[0].Account.Location;
            var firstLeg = model.Duration(here, ordered[0].Account.Location);
            var start = ordered[0].Arrival - firstLeg;
            if ((start - position.DailyHours.Start).Duration() < Second)
            {
                start = position.DailyHours.Start;
            }

            var t = start;
            double distance = 0, load = 0;
            var travel = TimeSpan.Zero;
            var service = TimeSpan.Zero;
            var visits = ImmutableArray.CreateBuilder<PlannedVisit>(ordered.Count);
            foreach (var row in ordered)
            {
                var account = row.Account;
                var legDistance = model.DistanceMetres(here, account.Location);
                var legTime = model.Duration(here, account.Location);
                var arrival = t + legTime;
                var duration = account.Visit?.Duration ?? account.ServiceTime;
                var statedStart = row.Departure - duration;
                var serviceStart = statedStart - arrival >= Second ? statedStart : arrival;
                var departure = serviceStart + duration;
                visits.Add(new PlannedVisit(account.Id, arrival, serviceStart, departure, legDistance, legTime, row.Activity ?? account.Visit?.Activity));
                distance += legDistance;
                travel += legTime;
                service += duration;
                load += account.Visit?.Load ?? 0;
                t = departure;
                here = account.Location;
            }

            if (basePoint is { } home)
            {
                distance += model.DistanceMetres(here, home);
                var back = model.Duration(here, home);
                travel += back;
                t += back;
            }

            routes.Add(new JourneyRoute
            {
                Position = position.Id,
                Day = group.Key.Day,
                Visits = visits.MoveToImmutable(),
                Start = start,
                End = t,
                DistanceMetres = distance,
                TravelTime = travel,
                ServiceTime = service,
                Load = load,
            });
        }

        var built = routes.ToImmutable();
        var kpis = JourneyPlanKpis.FromRoutes(built, request.Positions, request.Cycle);
        ImmutableArray<UnplannedAccount> notPlanned = unplanned is null ? [] : [.. unplanned.Where(u => u is not null).OrderBy(u => u.Account)];
        return new JourneyPlan
        {
            Routes = built,
            Unplanned = notPlanned,
            Kpis = kpis,
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
    }

    private static string? Clip(string? value) =>
        value is null || value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength), "…");
}

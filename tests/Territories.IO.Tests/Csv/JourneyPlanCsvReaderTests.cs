using Territories.IO.Csv;
using Territories.Journeys;

namespace Territories.IO.Tests.Csv;

public class JourneyPlanCsvReaderTests
{
    // The layout before account_name and leg_km were added, which files in the field still have.
    private const string HeaderWithoutNameAndDistance = "position_id,week,weekday,cycle_day,sequence,account_id,planned_arrival,planned_departure,activity";

    private static string Write(JourneyPlanRequest request, JourneyPlan plan)
    {
        using var writer = new StringWriter();
        JourneyPlanCsvWriter.Write(writer, plan, request);
        return writer.ToString();
    }

    [Fact]
    public void Parse_WrittenPlan_EvaluatorGivesSameFiguresAndNoViolations()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var original = JourneyPlanEvaluator.Evaluate(request, plan, PlanSample.Options);
        Assert.Empty(original.Violations);

        var read = JourneyPlanCsvReader.Parse(Write(request, plan), request, plan.Unplanned);
        var evaluation = JourneyPlanEvaluator.Evaluate(request, read.Plan, PlanSample.Options);

        Assert.Empty(read.Errors);
        Assert.Empty(evaluation.Violations);
        Assert.Equal(original.PlannedVisits, evaluation.PlannedVisits);
        Assert.Equal(original.TotalDistanceMetres, evaluation.TotalDistanceMetres, 1e-3);
        Assert.True((original.TotalTravelTime - evaluation.TotalTravelTime).Duration() < TimeSpan.FromMilliseconds(1));
        Assert.Equal(plan.Routes.Select(r => (r.Position, r.Day, string.Join(" ", r.Visits.Select(v => v.Account)))), read.Plan.Routes.Select(r => (r.Position, r.Day, string.Join(" ", r.Visits.Select(v => v.Account)))));
        Assert.Equal(plan.Kpis.Visits, read.Plan.Kpis.Visits);
    }

    [Fact]
    public void Parse_WrittenPlan_ReportsTheSameKpis()
    {
        // A break makes utilisation depend on how available time is counted (net of the break, per working day).
        var request = PlanSample.Request() with { Positions = [.. PlanSample.Request().Positions.Select(p => p with { Break = TimeSpan.FromMinutes(45) })] };
        var plan = PlanSample.Plan(request);

        var k = JourneyPlanCsvReader.Parse(Write(request, plan), request, plan.Unplanned).Plan.Kpis;

        var p = plan.Kpis;
        Assert.InRange(p.Utilisation, 0.01, 1);
        Assert.Equal(p.Utilisation, k.Utilisation, 1e-5);
        Assert.Equal((p.Routes, p.Visits), (k.Routes, k.Visits));
        Assert.Equal(p.TotalDistanceMetres, k.TotalDistanceMetres, 1e-3);
        Assert.True((p.TotalTravelTime - k.TotalTravelTime).Duration() < TimeSpan.FromMilliseconds(1));
        Assert.Equal(p.TotalServiceTime, k.TotalServiceTime);
        Assert.Equal(p.MinWorkingHours, k.MinWorkingHours, 1e-3);
        Assert.Equal(p.MaxWorkingHours, k.MaxWorkingHours, 1e-3);
        Assert.Equal(p.MeanWorkingHours, k.MeanWorkingHours, 1e-3);
        Assert.Equal(p.StdDevWorkingHours, k.StdDevWorkingHours, 1e-3);
    }

    [Fact]
    public void Parse_AccountWithServiceTimeMaxValue_RowReportedInsteadOfOverflow()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var victim = plan.Routes[0].Visits[0].Account;
        var broken = request with { Accounts = [.. request.Accounts.Select(a => a.Id == victim ? a with { ServiceTime = TimeSpan.MaxValue, Visit = a.Visit! with { Duration = null } } : a)] };

        var read = JourneyPlanCsvReader.Parse(Write(request, plan), broken, plan.Unplanned);

        var error = Assert.Single(read.Errors);
        Assert.Equal((ReadErrorCode.InvalidValue, "account_id", victim.Value), (error.Code, error.Field, error.Value));
        Assert.Contains("ServiceTime", error.Message, StringComparison.Ordinal);
        Assert.Equal(plan.Kpis.Visits - 1, read.Plan.Kpis.Visits);
    }

    [Fact]
    public void Parse_HandEditSwapsTwoVisitsDays_EvaluatorReportsOpeningHours()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var lines = Write(request, plan).Split('\n');
        var rows = lines.Select(l => l.Split(',')).ToList();
        var mondayOnly = rows.FindIndex(r => r.Length > 5 && r[5] == PlanSample.MondayOnly.Value);
        var other = rows.FindIndex(r => r.Length > 5 && r[0] != "position_id" && r[3] != rows[mondayOnly][3]);
        (rows[mondayOnly][5], rows[other][5]) = (rows[other][5], rows[mondayOnly][5]);
        var edited = string.Join('\n', rows.Select(r => string.Join(',', r)));

        var read = JourneyPlanCsvReader.Parse(edited, request, plan.Unplanned);
        var evaluation = JourneyPlanEvaluator.Evaluate(request, read.Plan, PlanSample.Options);

        Assert.Empty(read.Errors);
        Assert.Contains(evaluation.Violations, v => v.Code == PlanViolationCode.OutsideOpeningHours && v.Account == PlanSample.MondayOnly);
    }

    [Fact]
    public void Parse_BadRows_EachReportedWithItsLineAndLeftOut()
    {
        var request = PlanSample.Request();
        var csv = HeaderWithoutNameAndDistance + "\n"
            + "rep-1,1,Mon,0,1,a01,09:00:00,09:21:00,\n"     // line 2: good
            + "rep-9,1,Mon,0,2,a02,09:30:00,09:52:00,\n"     // line 3: unknown position
            + "rep-1,1,Mon,0,2,zz,09:30:00,09:52:00,\n"      // line 4: unknown account
            + "rep-1,1,Mon,0,3,a03,9h30,09:52:00,\n"         // line 5: bad time
            + "rep-1,2,Mon,5,1,a04,09:30:00,09:52:00,\n"     // line 6: day outside the cycle
            + "rep-1,1,Mon,0,1,a05,10:30:00,10:52:00,\n"     // line 7: duplicate sequence
            + "rep-1,1,Tue,0,4,a06,10:30:00,10:52:00,\n";    // line 8: weekday disagrees with cycle_day

        var read = JourneyPlanCsvReader.Parse(csv, request);

        Assert.Equal(
            [(3, ReadErrorCode.InvalidValue, "position_id"), (4, ReadErrorCode.InvalidValue, "account_id"), (5, ReadErrorCode.InvalidValue, "planned_arrival"), (6, ReadErrorCode.InvalidValue, "week"), (6, ReadErrorCode.InvalidValue, "cycle_day"), (7, ReadErrorCode.DuplicateId, "sequence"), (8, ReadErrorCode.InvalidValue, "cycle_day")],
            read.Errors.Select(e => (e.Line!.Value, e.Code, e.Field!)).ToArray());
        var route = Assert.Single(read.Plan.Routes);
        Assert.Equal(PlanSample.MondayOnly, Assert.Single(route.Visits).Account);
    }

    [Fact]
    public void Parse_DayFromWeekAndWeekdayWhenCycleDayEmpty_ReadsThatDay()
    {
        var request = PlanSample.Request();
        var csv = HeaderWithoutNameAndDistance + "\nrep-1,1,Wed,,1,a02,09:00:00,09:22:00,order\n";

        var read = JourneyPlanCsvReader.Parse(csv, request);

        Assert.Empty(read.Errors);
        Assert.Equal(2, Assert.Single(read.Plan.Routes).Day);
    }

    [Fact]
    public void Parse_MissingColumn_ReportedAndNothingRead()
    {
        var read = JourneyPlanCsvReader.Parse("position_id,week\nrep-1,1\n", PlanSample.Request());

        Assert.Contains(read.Errors, e => e.Code == ReadErrorCode.MissingColumn && e.Field == "account_id" && e.Line == 1);
        Assert.Empty(read.Plan.Routes);
    }

    [Fact]
    public void Parse_EmptyText_ReportsEmptyFile() =>
        Assert.Equal(ReadErrorCode.EmptyFile, Assert.Single(JourneyPlanCsvReader.Parse(string.Empty, PlanSample.Request()).Errors).Code);

    [Fact]
    public void ReadFile_FileWrittenByWriteFile_SameRoutes()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var path = Path.Combine(Path.GetTempPath(), "territories-plan-" + Guid.NewGuid().ToString("N"), "plan.csv");
        try
        {
            JourneyPlanCsvWriter.WriteFile(path, plan, request.Cycle);

            var read = JourneyPlanCsvReader.ReadFile(path, request, plan.Unplanned);

            Assert.Empty(read.Errors);
            Assert.Equal(plan.Routes.Select(r => (r.Day, r.Visits.Length)), read.Plan.Routes.Select(r => (r.Day, r.Visits.Length)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Parse_TwoWeekPlanWithWaiting_EvaluatorFindsNoViolation()
    {
        var basic = PlanSample.Request();
        var accounts = basic.Accounts.Select((a, i) => a with
        {
            OpeningHours = i % 3 == 0 ? Territories.Model.OpeningHours.Weekly([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], Territories.Model.TimeWindow.FromHours(10, 30, 16, 0)) : a.OpeningHours,
            Visit = a.Visit! with { Frequency = i % 2 == 0 ? Territories.Model.VisitFrequency.PerWeek(1) : Territories.Model.VisitFrequency.EveryWeeks(2) },
        });
        var request = basic with { Cycle = Territories.Model.JourneyCycle.Create(2), Accounts = [.. accounts] };
        var plan = PlanSample.Plan(request);
        // The accounts that open at 10:30 make routes leave the base later than the day's start instead of waiting there.
        var dayStart = request.Positions.Min(p => p.DailyHours.Start);
        Assert.Contains(plan.Routes, r => r.Start > dayStart || r.Visits.Any(v => v.Start > v.Arrival));

        var read = JourneyPlanCsvReader.Parse(Write(request, plan), request, plan.Unplanned);
        var evaluation = JourneyPlanEvaluator.Evaluate(request, read.Plan, PlanSample.Options);

        Assert.Empty(read.Errors);
        var readStarts = read.Plan.Routes.ToDictionary(r => (r.Position, r.Day), r => r.Start);
        Assert.All(plan.Routes, r => Assert.True((r.Start - readStarts[(r.Position, r.Day)]).Duration() <= TimeSpan.FromSeconds(1), $"{r.Position} day {r.Day}: leaves at {r.Start}, read back {readStarts[(r.Position, r.Day)]}"));
        Assert.Empty(evaluation.Violations);
        Assert.Equal(plan.Kpis.Visits, evaluation.PlannedVisits);
        Assert.Equal(plan.Kpis.TotalDistanceMetres, evaluation.TotalDistanceMetres, 1e-3);
    }

    [Fact]
    public void Parse_FileWithoutAccountNameAndLegKm_ReadsTheSameRoutes()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var csv = new System.Text.StringBuilder(HeaderWithoutNameAndDistance + "\n");
        foreach (var route in plan.Routes)
        {
            for (var i = 0; i < route.Visits.Length; i++)
            {
                var v = route.Visits[i];
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{route.Position},,,{route.Day},{i + 1},{v.Account},{JourneyPlanCsvWriter.Time(v.Arrival)},{JourneyPlanCsvWriter.Time(v.Departure)},\n");
            }
        }

        var read = JourneyPlanCsvReader.Parse(csv.ToString(), request, plan.Unplanned);

        Assert.Empty(read.Errors);
        Assert.Equal(Routes(plan), Routes(read.Plan));
    }

    [Fact]
    public void Parse_FileWithAccountNameAndLegKm_RoundTripsRoutesAndLegs()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var text = Write(request, plan);
        Assert.Contains("Café Zürich\nLine two", text, StringComparison.Ordinal);

        var read = JourneyPlanCsvReader.Parse(text, request, plan.Unplanned);

        Assert.Empty(read.Errors);
        Assert.Equal(Routes(plan), Routes(read.Plan));
        Assert.Equal(
            plan.Routes.SelectMany(r => r.Visits).Select(v => Math.Round(v.LegDistanceMetres)),
            read.Plan.Routes.SelectMany(r => r.Visits).Select(v => Math.Round(v.LegDistanceMetres)));
    }

    [Fact]
    public void Parse_UnterminatedQuoteInActivity_RowReportedAndEveryOtherVisitRead()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var lines = Write(request, plan).Split('\n').ToList();
        var victim = lines.FindIndex(l => l.Contains(",\"merch, audit\",Outlet ", StringComparison.Ordinal));
        lines[victim] = lines[victim].Replace(",\"merch, audit\",", ",\"merch, audit,", StringComparison.Ordinal);

        var read = JourneyPlanCsvReader.Parse(string.Join('\n', lines), request, plan.Unplanned);

        var error = Assert.Single(read.Errors);
        Assert.Equal((ReadErrorCode.UnterminatedQuote, victim + 1, "activity"), (error.Code, error.Line, error.Field));
        Assert.StartsWith("\"merch, audit,", error.Value, StringComparison.Ordinal);
        Assert.Equal(plan.Kpis.Visits - 1, read.Plan.Kpis.Visits);
    }

    private static List<(Territories.Model.PositionId, int, string)> Routes(JourneyPlan plan) =>
        [.. plan.Routes.Select(r => (r.Position, r.Day, string.Join(" ", r.Visits.Select(v => v.Account))))];
}

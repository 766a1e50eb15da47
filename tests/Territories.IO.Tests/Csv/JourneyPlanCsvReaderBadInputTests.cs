using System.Text;
using Territories.IO.Csv;
using Territories.Journeys;

namespace Territories.IO.Tests.Csv;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="JourneyPlanCsvReaderTests"/> does not already show.</summary>
public class JourneyPlanCsvReaderBadInputTests
{
    private const string Header = "position_id,week,weekday,cycle_day,sequence,account_id,planned_arrival,planned_departure,activity\n";

    private const string Good = "rep-1,1,Mon,0,1,a01,09:00:00,09:21:00,\n";

    [Fact]
    public void Parse_FileCutMidRow_LastRowFieldCountMismatchEarlierRowsRead()
    {
        var read = JourneyPlanCsvReader.Parse(Header + Good + "rep-1,1,Mon,0,2,a02,09:3", PlanSample.Request());

        var error = Assert.Single(read.Errors);
        Assert.Equal((ReadErrorCode.FieldCountMismatch, 3, "a02", "7 of 9"), (error.Code, error.Line, error.Id, error.Value));
        Assert.Equal(PlanSample.MondayOnly, Assert.Single(Assert.Single(read.Plan.Routes).Visits).Account);
    }

    [Theory]
    [InlineData("rep-1,1,Mon,0,two,a02,09:30:00,09:52:00,", ReadErrorCode.InvalidNumber, "sequence", "two")]
    [InlineData("rep-1,1,Mon,0,NaN,a02,09:30:00,09:52:00,", ReadErrorCode.InvalidNumber, "sequence", "NaN")]
    [InlineData("rep-1,1,Mon,0,2.5,a02,09:30:00,09:52:00,", ReadErrorCode.InvalidNumber, "sequence", "2.5")]
    [InlineData("rep-1,1,Mon,Infinity,2,a02,09:30:00,09:52:00,", ReadErrorCode.InvalidNumber, "cycle_day", "Infinity")]
    [InlineData("rep-1,1,Mon,0,2,a02,NaN,09:52:00,", ReadErrorCode.InvalidValue, "planned_arrival", "NaN")]
    [InlineData("rep-1,1,Mon,0,2,a02,09:30:00,99:00:00,", ReadErrorCode.InvalidValue, "planned_departure", "99:00:00")]
    [InlineData("rep-1,1,Mon,0,0,a02,09:30:00,09:52:00,", ReadErrorCode.InvalidValue, "sequence", "0")]
    [InlineData("rep-1,99999999999,Mon,,2,a02,09:30:00,09:52:00,", ReadErrorCode.InvalidNumber, "week", "99999999999")]
    public void Parse_WrongTypeNaNOrOutOfRange_RowReportedWithLineAccountFieldValue(string row, ReadErrorCode code, string field, string value)
    {
        var read = JourneyPlanCsvReader.Parse(Header + Good + row + "\n", PlanSample.Request());

        var error = Assert.Single(read.Errors);
        Assert.Equal((code, 3, "a02", field, value), (error.Code, error.Line, error.Id, error.Field, error.Value));
        Assert.Single(Assert.Single(read.Plan.Routes).Visits);
    }

    [Fact]
    public void Parse_SameAccountTwiceOnADay_BothVisitsReadAndEvaluatorReportsDuplicateVisit()
    {
        var request = PlanSample.Request();

        var read = JourneyPlanCsvReader.Parse(Header + Good + "rep-1,1,Mon,0,2,a01,10:00:00,10:21:00,\n", request);

        Assert.Empty(read.Errors);
        Assert.Equal(2, Assert.Single(read.Plan.Routes).Visits.Length);
        var evaluation = JourneyPlanEvaluator.Evaluate(request, read.Plan);
        Assert.Contains(evaluation.Violations, v => v.Code == PlanViolationCode.DuplicateVisit && v.Account == PlanSample.MondayOnly);
    }

    [Fact]
    public void Parse_MegabyteAccountId_InvalidValueWithValueClippedTo80Characters()
    {
        var id = new string('z', 1_000_000);

        var read = JourneyPlanCsvReader.Parse(Header + Good + $"rep-1,1,Mon,0,2,{id},09:30:00,09:52:00,\n", PlanSample.Request());

        var error = Assert.Single(read.Errors);
        Assert.Equal((ReadErrorCode.InvalidValue, 3, "account_id"), (error.Code, error.Line, error.Field));
        Assert.Equal(new string('z', 80) + "…", error.Value);
    }

    [Fact]
    public void Read_BytesThatAreNotUtf8_InvalidEncodingNamingLineAndField()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Header + Good), .. "rep-1,1,Mon,0,2,a02,09:30:00,09:52:00,caf"u8, 0xE9, (byte)'\n'];
        using var stream = new MemoryStream(bytes);

        var read = JourneyPlanCsvReader.Read(stream, PlanSample.Request());

        var error = Assert.Single(read.Errors);
        Assert.Equal((ReadErrorCode.InvalidEncoding, 3, "activity"), (error.Code, error.Line, error.Field));
        Assert.Single(Assert.Single(read.Plan.Routes).Visits);
    }

    [Fact]
    public void Parse_HeaderOnly_NoRowsOnLineOneAndEmptyPlan()
    {
        var read = JourneyPlanCsvReader.Parse(Header, PlanSample.Request());

        var error = Assert.Single(read.Errors);
        Assert.Equal((ReadErrorCode.NoRows, 1), (error.Code, error.Line));
        Assert.Empty(read.Plan.Routes);
    }
}

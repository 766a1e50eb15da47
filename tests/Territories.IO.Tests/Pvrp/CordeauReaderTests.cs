using Territories.IO.Pvrp;
using Territories.Model;

namespace Territories.IO.Tests.Pvrp;

public class CordeauReaderTests
{
    // The shape of p01 (type m n t; t lines D Q; nodes from the depot), cut to three customers.
    private const string Small = """
        1 2 3 2
        0 160
        0 160
         0 30 40 0   0 0 0
         1 37 52 0   7 1 2 1 2
         2 49 49 0  30 2 1 3
         3 52 64 5  16 1 2 1 2

        """;

    [Fact]
    public void Parse_SmallInstance_ReadsTheHeaderAndEveryNode()
    {
        var instance = Assert.Single(CordeauReader.Parse(Small, "small").Items);

        Assert.Equal(("small", 2, 3, 2, 0.0, 160.0), (instance.Name, instance.Vehicles, instance.Customers, instance.Days, instance.MaxDuration, instance.Capacity));
        Assert.Equal([0, 1, 2, 3], instance.Nodes.Select(n => n.Id));
        var third = instance.Nodes[3];
        Assert.Equal((52.0, 64.0, 5.0, 16.0), (third.X, third.Y, third.Service, third.Demand));
        Assert.Equal([1, 2], third.Codes);
        Assert.Equal([3], instance.Nodes[2].Codes);
        Assert.Empty(instance.Nodes[0].Codes);
    }

    [Fact]
    public void ToRequest_SmallInstance_PositionsAtTheDepotAndAccountsWithTheirPatterns()
    {
        var request = Assert.Single(CordeauReader.Parse(Small, "small").Items).ToRequest();

        Assert.Equal(["v01", "v02"], request.Positions.Select(p => p.Id.Value));
        Assert.All(request.Positions, p => Assert.Equal((new GeoPoint(30, 40), 160.0), (p.Base, p.MaxLoadPerDay)));
        Assert.Equal(["1", "2", "3"], request.Accounts.Select(a => a.Id.Value));

        // Code 1 is 01 in two bits: day 2 only; code 2 is 10: day 1; code 3 is 11: both days.
        Assert.Equal([[1], [0]], request.Accounts[0].Visit!.Patterns.Select(p => p.Days.ToArray()));
        Assert.Equal([[0, 1]], request.Accounts[1].Visit!.Patterns.Select(p => p.Days.ToArray()));
        Assert.Equal((TimeSpan.FromSeconds(5), 16.0), (request.Accounts[2].ServiceTime, request.Accounts[2].Visit!.Load));
        Assert.Equal(Math.Sqrt((7 * 7) + (12 * 12)), request.TravelModel.DistanceMetres(request.Positions[0].Base!.Value, request.Accounts[0].Location), 1e-9);
    }

    [Fact]
    public void ToRequest_DurationLimit_IsTheWorkingDay()
    {
        var instance = Assert.Single(CordeauReader.Parse(Small.Replace("0 160", "450 160", StringComparison.Ordinal), "limited").Items);

        Assert.Equal(450, instance.MaxDuration);
        Assert.All(instance.ToRequest().Positions, p => Assert.Equal(TimeSpan.FromSeconds(450), p.DailyHours.End - p.DailyHours.Start));
    }

    [Fact]
    public void Parse_NotANumber_InvalidNumberWithLineNodeAndField()
    {
        var error = Assert.Single(CordeauReader.Parse(Small.Replace("49 49", "49 x49", StringComparison.Ordinal), "bad").Errors);

        Assert.Equal((ReadErrorCode.InvalidNumber, (int?)6, "2", "y", "x49"), (error.Code, error.Line, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void Parse_FileEndsEarly_OneMissingValueAndNoInstance()
    {
        var result = CordeauReader.Parse(string.Join('\n', Small.Split('\n').Take(5)), "short");

        Assert.Empty(result.Items);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.MissingValue, "2", "i"), (error.Code, error.Id, error.Field));
    }

    [Fact]
    public void Parse_CodeNamingNoDayOfThePeriodAndNodeOutOfOrder_InvalidValueForEach()
    {
        var text = Small.Replace(" 2 49 49 0  30 2 1 3", " 2 49 49 0  30 2 1 4", StringComparison.Ordinal)
            .Replace(" 3 52 64", " 7 52 64", StringComparison.Ordinal);

        var result = CordeauReader.Parse(text, "bad");

        Assert.Empty(result.Items);
        Assert.Equal([(ReadErrorCode.InvalidValue, "2", "c"), (ReadErrorCode.InvalidValue, "3", "i")], result.Errors.Select(e => (e.Code, e.Id, e.Field)));
    }

    // Found by fuzzing (benchmarks/fuzz, target cordeau): a count far beyond the file's size made the
    // reader allocate for it first (an out-of-memory kill for n near int.MaxValue, an overflow of n + 1).
    [Theory]
    [InlineData("1 2 2147483647 2\n0 160\n0 160\n 0 30 40 0 0 0 0\n", "1", "i")]
    [InlineData("1 2 99999999 2\n0 160\n0 160\n 0 30 40 0 0 0 0\n", "1", "i")]
    [InlineData("1 2 1 2\n0 160\n0 160\n 0 30 40 0 0 0 0\n 1 37 52 0 7 1 2000000000 1 2\n", "1", "c")]
    public void Parse_CountLargerThanTheFileHolds_OneMissingValueAndNoInstance(string text, string node, string field)
    {
        var result = CordeauReader.Parse(text, "huge");

        Assert.Empty(result.Items);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ReadErrorCode.MissingValue, error.Code);
        Assert.Equal((node, field), (error.Id, error.Field));
    }

    // Also found by fuzzing: values the reader took but ToRequest could not map (an OverflowException
    // from TimeSpan.FromSeconds, a billion positions). They are InvalidValue errors now.
    [Theory]
    [InlineData("1 2 3 2", "1 1000000 3 2", "m")]
    [InlineData("0 160\n0 160", "0 160\n1e300 160", "D")]
    [InlineData("0 160\n0 160", "0 160\n0 -5", "Q")]
    [InlineData(" 3 52 64 5  16", " 3 52 64 1e15  16", "d")]
    [InlineData(" 3 52 64 5  16", " 3 52 64 5  -16", "q")]
    public void Parse_ValueToRequestCannotMap_InvalidValueAndNoInstance(string from, string to, string field)
    {
        var result = CordeauReader.Parse(Small.Replace(from, to, StringComparison.Ordinal), "bad");

        Assert.Empty(result.Items);
        Assert.Equal((ReadErrorCode.InvalidValue, field), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n \n")]
    public void Parse_Empty_EmptyFile(string text) =>
        Assert.Equal(ReadErrorCode.EmptyFile, Assert.Single(CordeauReader.Parse(text, "empty").Errors).Code);

    [Fact]
    public void ReadFile_NamesTheInstanceAfterTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"p{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, Small.Replace("\n", "\r\n", StringComparison.Ordinal));
        try
        {
            Assert.Equal(Path.GetFileNameWithoutExtension(path), Assert.Single(CordeauReader.ReadFile(path).Items).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

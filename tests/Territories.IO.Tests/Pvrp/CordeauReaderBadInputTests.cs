using Territories.IO.Pvrp;

namespace Territories.IO.Tests.Pvrp;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="CordeauReaderTests"/> does not already show.</summary>
public class CordeauReaderBadInputTests
{
    private const string Small = """
        1 2 3 2
        0 160
        0 160
         0 30 40 0   0 0 0
         1 37 52 0   7 1 2 1 2
         2 49 49 0  30 2 1 3
         3 52 64 5  16 1 2 1 2

        """;

    [Theory]
    [InlineData(" 2 49 49 0", " 2 NaN 49 0", 6, "2", "x", "NaN")]
    [InlineData(" 2 49 49 0", " 2 49 -Infinity 0", 6, "2", "y", "-Infinity")]
    [InlineData(" 3 52 64 5", " 3 52 64 1e400", 7, "3", "d", "1e400")]
    public void Parse_NaNInfinityOrBeyondDouble_InvalidNumberWithLineNodeFieldValue(string from, string to, int line, string node, string field, string value)
    {
        var result = CordeauReader.Parse(Small.Replace(from, to, StringComparison.Ordinal), "bad");

        Assert.Empty(result.Items);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidNumber, (int?)line, node, field, value), (error.Code, error.Line, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void Parse_NodeNumberRepeated_InvalidValueNamingTheNodeExpected()
    {
        var result = CordeauReader.Parse(Small.Replace(" 3 52 64", " 2 52 64", StringComparison.Ordinal), "dup");

        Assert.Empty(result.Items);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidValue, (int?)7, "3", "i", "2"), (error.Code, error.Line, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void Parse_MegabyteNumber_InvalidNumberNamingLineAndField()
    {
        var token = "1" + new string('0', 1_000_000);

        var error = Assert.Single(CordeauReader.Parse(Small.Replace(" 2 49 49 0", $" 2 {token} 49 0", StringComparison.Ordinal), "huge").Errors);

        Assert.Equal((ReadErrorCode.InvalidNumber, (int?)6, "2", "x"), (error.Code, error.Line, error.Id, error.Field));
    }

    [Fact]
    public void Parse_NoCustomers_InstanceWithTheDepotOnly()
    {
        var result = CordeauReader.Parse("1 2 0 2\n0 160\n0 160\n 0 30 40 0 0 0 0\n", "none");

        Assert.Empty(result.Errors);
        var instance = Assert.Single(result.Items);
        Assert.Equal((0, 1), (instance.Customers, instance.Nodes.Length));
        Assert.Empty(instance.ToRequest().Accounts);
    }

    [Fact]
    public void ReadFile_BytesThatAreNotUtf8_InvalidNumberNamingLineAndField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cordeau-{Guid.NewGuid():N}.txt");
        var bytes = System.Text.Encoding.ASCII.GetBytes(Small.Replace(" 2 49 49 0", " 2 49@ 49 0", StringComparison.Ordinal));
        File.WriteAllBytes(path, [.. bytes.Select(b => b == (byte)'@' ? (byte)0xE9 : b)]);
        try
        {
            var error = Assert.Single(CordeauReader.ReadFile(path).Errors);

            Assert.Equal((ReadErrorCode.InvalidNumber, (int?)6, "2", "x", "49\uFFFD"), (error.Code, error.Line, error.Id, error.Field, error.Value));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

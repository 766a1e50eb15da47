using System.Text.Json;
using Territories.IO.Tests.Csv;
using Territories.IO.Json;

namespace Territories.IO.Tests.Json;

public class PlanDiffJsonWriterTests
{
    [Fact]
    public void Write_DiffWithEveryKind_TotalsAccountsPositionsAndChangesReadBack()
    {
        using var stream = new MemoryStream();

        PlanDiffJsonWriter.Write(stream, PlanDiffSample.Diff());

        using var document = JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;
        Assert.Equal(4, root.GetProperty("unchanged_visits").GetInt32());
        var totals = root.GetProperty("totals");
        Assert.Equal((1, 1, 1, 1, 1), (totals.GetProperty("added").GetInt32(), totals.GetProperty("removed").GetInt32(), totals.GetProperty("moved_day").GetInt32(), totals.GetProperty("moved_position").GetInt32(), totals.GetProperty("resequenced").GetInt32()));
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["a", "b2", "e", "gone", "new,1"], changes.Select(c => c.GetProperty("account_id").GetString()));
        Assert.Equal(JsonValueKind.Null, changes[4].GetProperty("from").ValueKind);
        Assert.Equal("p2", changes[4].GetProperty("to").GetProperty("position_id").GetString());
        Assert.Equal(2, changes[4].GetProperty("to").GetProperty("sequence").GetInt32());
        var p1 = root.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("position_id").GetString() == "p1");
        Assert.Equal((1, 1, 1, 1), (p1.GetProperty("removed").GetInt32(), p1.GetProperty("moved_day").GetInt32(), p1.GetProperty("moved_out").GetInt32(), p1.GetProperty("resequenced").GetInt32()));
        Assert.Equal(5, root.GetProperty("accounts").GetArrayLength());
    }
}

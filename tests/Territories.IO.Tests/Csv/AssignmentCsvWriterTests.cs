using Territories.IO.Csv;
using Territories.Model;
using Territories.Spatial;

namespace Territories.IO.Tests.Csv;

public class AssignmentCsvWriterTests
{
    [Fact]
    public void Write_Assignment_OneRowPerAccountWithTerritoryAndStatus()
    {
        var map = TerritoryMap.Create([new Territory(new TerritoryId("T,1")) { Boundary = TerritoryBoundary.Rectangle(0, 0, 1, 1) }]).AsT0;
        var assignment = map.Assign([new Account(new AccountId("in"), new GeoPoint(0.5, 0.5)), new Account(new AccountId("out"), new GeoPoint(5, 5))], null, TestContext.Current.CancellationToken);
        using var writer = new StringWriter();

        AssignmentCsvWriter.Write(writer, assignment);

        Assert.Equal("account_id,territory_id,status\nin,\"T,1\",Assigned\nout,,Unassigned\n", writer.ToString());
    }
}

using System.Text.Json;
using PostGis;

namespace Territories.PostGis.Tests;

/// <summary>The example end to end on a fresh database, and on one where someone else stored an invalid boundary.</summary>
public sealed class PostGisExampleTests(PostgresFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_FreshDatabase_EveryAssignmentConfirmedBySqlAndEverythingReadBackEqual()
    {
        await using var database = await fixture.CreateDatabaseAsync(migrated: false, Token);
        using var output = new StringWriter();

        var summary = (await new PostGisExample(output).RunAsync(database.ConnectionString, Token)).AsT0;

        // 88 counties and the state, 864 places (examples/data/sample-ohio/README.md).
        Assert.Equal(89, summary.Territories);
        Assert.Equal(864, summary.Accounts);
        Assert.Equal(864, summary.Of);
        Assert.Equal(864, summary.SqlAgrees);
        Assert.True(summary.ReadBackEqual, output.ToString());
        Assert.Equal(89L, await database.ScalarAsync("SELECT count(*) FROM territories", Token));
        Assert.Equal(864L, await database.ScalarAsync("SELECT count(*) FROM accounts", Token));
        Assert.Equal((long)summary.Visits, await database.ScalarAsync("SELECT count(*) FROM visits", Token));

        // Columbus lies in Franklin county and Cincinnati in Hamilton (the sample's county_id), whose 76
        // places make it the territory with the most accounts, the one planned.
        Assert.Equal("39049", await database.ScalarAsync("SELECT territory_id FROM accounts WHERE id = '4509177'", Token));
        Assert.Equal("39061", await database.ScalarAsync("SELECT territory_id FROM accounts WHERE id = '4508722'", Token));
        Assert.Equal("39061", await database.ScalarAsync("SELECT string_agg(DISTINCT territory_id, ',') FROM visits", Token));
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM visits v JOIN accounts a ON a.id = v.account_id WHERE a.territory_id IS DISTINCT FROM v.territory_id", Token));

        // A1: weekly, 4 visits over the 4-week cycle; every account planned (unplanned_count 0) gets its visits.
        Assert.Equal(0, await database.ScalarAsync("SELECT unplanned_count FROM plans WHERE territory_id = '39061'", Token));
        Assert.Equal((long)summary.Visits, await database.ScalarAsync(
            "SELECT sum(CASE period_weeks WHEN 1 THEN 4 * visits WHEN 2 THEN 2 WHEN 4 THEN 1 END) FROM accounts WHERE territory_id = '39061'", Token));

        var json = JsonDocument.Parse(summary.ToJson()).RootElement;
        Assert.Equal(["territories", "accounts", "visits", "sql_agrees", "of", "read_back_equal"], json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task RunAsync_SelfIntersectingBoundaryStoredBySomeoneElse_InvalidGeometryNamingItAndNothingWritten()
    {
        await using var database = await fixture.CreateDatabaseAsync(migrated: true, Token);
        await database.ScalarAsync("""
            INSERT INTO territories (id, name, level, boundary)
            VALUES ('bow-tie', 'Bow tie', 'county', ST_GeomFromText('MULTIPOLYGON(((0 0, 1 1, 1 0, 0 1, 0 0)))', 4326))
            """, Token);
        using var output = new StringWriter();

        var problem = (await new PostGisExample(output).RunAsync(database.ConnectionString, Token)).AsT1;

        Assert.Equal(DatabaseProblemCode.InvalidGeometry, problem.Code);
        Assert.Equal(["bow-tie"], problem.Ids);
        Assert.Contains("bow-tie: Self-intersection", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM territories", Token));
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM accounts", Token));
    }
}

using Npgsql;
using PostGis;
using Territories.Model;

namespace Territories.PostGis.Tests;

/// <summary>
/// Plans in the database: a write is all or nothing (a connection killed or a constraint violated half
/// way leaves the previous plan as it was), and of two writers of the same territory's plan one wins
/// and the other gets a <see cref="PlanConflict"/>.
/// </summary>
public sealed class PlanStoreTests(PostgresFixture fixture)
{
    private static readonly TerritoryId Territory = new("T1");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveAsync_ThenReadAsync_SameVisitsVersionAndFingerprint()
    {
        await using var database = await SeededAsync();
        await using var opened = await OpenAsync(database);
        var store = new PlanStore(opened.DataSource);
        var rows = Rows(30, "A");

        var saved = (await store.SaveAsync(Territory, 0, 4, 2, rows, Token)).AsT0;
        var read = await store.ReadAsync(Territory, Token);

        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(rows, read.Visits);
        Assert.Equal(saved.Fingerprint, read.Fingerprint);
        Assert.Equal(2, read.Unplanned);
        Assert.Equal(30L, await database.ScalarAsync("SELECT count(*) FROM visits", Token));
    }

    [Fact]
    public async Task SaveAsync_ConstraintViolatedInTheLastBatch_PreviousPlanIntact()
    {
        await using var database = await SeededAsync();
        await using var opened = await OpenAsync(database);
        var store = new PlanStore(opened.DataSource) { BatchSize = 10 };
        var before = (await store.SaveAsync(Territory, 0, 4, 0, Rows(25, "A"), Token)).AsT0;

        // 40 visits, the 35th naming an account that does not exist: three batches go in, the fourth breaks the foreign key.
        var broken = Rows(40, "B").Select((r, i) => i == 34 ? r with { Account = "no-such-account" } : r).ToList();
        var failure = await Assert.ThrowsAsync<PostgresException>(() => store.SaveAsync(Territory, 1, 4, 0, broken, Token));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, failure.SqlState);
        await AssertIntactAsync(store, database, before);
    }

    [Fact]
    public async Task SaveAsync_ConnectionKilledHalfWay_PreviousPlanIntact()
    {
        await using var database = await SeededAsync();
        await using var opened = await OpenAsync(database);
        var before = (await new PlanStore(opened.DataSource).SaveAsync(Territory, 0, 4, 0, Rows(25, "A"), Token)).AsT0;
        var killed = false;
        var store = new PlanStore(opened.DataSource)
        {
            BatchSize = 10,
            AfterBatch = async (connection, written, cancellationToken) =>
            {
                if (written == 20)
                {
                    // The server ends the writer's session between two batches, as a crash or a network cut would.
                    await using var admin = new NpgsqlConnection(database.ConnectionString);
                    await admin.OpenAsync(cancellationToken);
                    await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({connection.ProcessID})", admin);
                    killed = (bool)(await kill.ExecuteScalarAsync(cancellationToken))!;
                }
            },
        };

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.SaveAsync(Territory, 1, 4, 0, Rows(40, "B"), Token));

        Assert.True(killed);
        await AssertIntactAsync(new PlanStore(opened.DataSource), database, before);
    }

    [Fact]
    public async Task SaveAsync_SecondWriterWaitsOnTheFirst_FirstWinsSecondGetsConflictWithBothVersions()
    {
        await using var database = await SeededAsync();
        await using var opened = await OpenAsync(database);
        var plain = new PlanStore(opened.DataSource);
        await plain.SaveAsync(Territory, 0, 4, 0, Rows(5, "A"), Token);
        Task<OneOf.OneOf<StoredPlan, PlanConflict>>? second = null;
        var first = new PlanStore(opened.DataSource)
        {
            BatchSize = 5,
            AfterBatch = async (_, written, cancellationToken) =>
            {
                if (second is null)
                {
                    // Both writers read version 1. The second starts while the first holds the plan's row
                    // and waits on its lock; the first then commits.
                    second = plain.SaveAsync(Territory, 1, 4, 0, Rows(12, "C"), cancellationToken);
                    await WaitUntilBlockedAsync(database, cancellationToken);
                }
            },
        };

        var won = await first.SaveAsync(Territory, 1, 4, 0, Rows(10, "B"), Token);
        var lost = await second!;

        Assert.Equal(2, won.AsT0.Version);
        var conflict = Assert.IsType<PlanConflict>(lost.Value);
        Assert.Equal(new PlanConflict(Territory, 1, 2), conflict);
        Assert.Contains("version 2, not 1", conflict.ToString(), StringComparison.Ordinal);
        var read = await plain.ReadAsync(Territory, Token);
        Assert.Equal(Rows(10, "B"), read!.Visits);
    }

    [Fact]
    public async Task SaveAsync_TwoFirstWritersAtOnce_ExactlyOneStoresVersionOne()
    {
        await using var database = await SeededAsync();
        await using var opened = await OpenAsync(database);
        var store = new PlanStore(opened.DataSource);

        var results = await Task.WhenAll(
            Task.Run(() => store.SaveAsync(Territory, 0, 4, 0, Rows(50, "A"), Token), Token),
            Task.Run(() => store.SaveAsync(Territory, 0, 4, 0, Rows(50, "B"), Token), Token));

        var winner = Assert.Single(results, r => r.IsT0).AsT0;
        var loser = Assert.Single(results, r => r.IsT1).AsT1;
        Assert.Equal(1, winner.Version);
        Assert.Equal(new PlanConflict(Territory, 0, 1), loser);
        var read = await store.ReadAsync(Territory, Token);
        Assert.Equal(winner.Visits, read!.Visits);
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ConflictAndNothingWritten()
    {
        await using var database = await SeededAsync();
        await using var opened = await OpenAsync(database);
        var store = new PlanStore(opened.DataSource);
        await store.SaveAsync(Territory, 0, 4, 0, Rows(5, "A"), Token);
        var current = (await store.SaveAsync(Territory, 1, 4, 0, Rows(6, "B"), Token)).AsT0;

        var stale = await store.SaveAsync(Territory, 1, 4, 0, Rows(7, "C"), Token);

        Assert.Equal(new PlanConflict(Territory, 1, 2), stale.AsT1);
        await AssertIntactAsync(store, database, current);
    }

    private static async Task AssertIntactAsync(PlanStore store, TestDatabase database, StoredPlan expected)
    {
        var read = await store.ReadAsync(Territory, Token);
        Assert.NotNull(read);
        Assert.Equal(expected.Version, read.Version);
        Assert.Equal(expected.Fingerprint, read.Fingerprint);
        Assert.Equal(expected.Visits, read.Visits);
        Assert.Equal((long)expected.Visits.Length, await database.ScalarAsync("SELECT count(*) FROM visits", Token));
    }

    private static async Task WaitUntilBlockedAsync(TestDatabase database, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 200; i++)
        {
            var waiting = (long)(await database.ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", cancellationToken))!;
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(25, cancellationToken);
        }

        Assert.Fail("The second writer never waited on the first's lock.");
    }

    // Visits of one position over 20 days, to accounts a-00 … a-09, varied by a tag so that two plans differ.
    private static List<PlanRow> Rows(int count, string tag) =>
    [
        .. Enumerable.Range(0, count).Select(i => new PlanRow(
            "rep-1", i / 3, (i % 3) + 1, $"a-{i % 10:D2}",
            TimeSpan.FromMinutes(480 + (i % 3 * 40) + tag[0]), TimeSpan.FromMinutes(485 + (i % 3 * 40) + tag[0]), TimeSpan.FromMinutes(500 + (i % 3 * 40) + tag[0]),
            1234.5 + i, tag == "C" ? null : "order-taking")),
    ];

    private async Task<TestDatabase> SeededAsync()
    {
        var database = await fixture.CreateDatabaseAsync(migrated: true, Token);
        await using var opened = await OpenAsync(database);
        var position = new SalesPosition(new PositionId("rep-1")) { Base = new GeoPoint(-83, 40) };
        var accounts = Enumerable.Range(0, 10).Select(i => new Account(new AccountId($"a-{i:D2}"), new GeoPoint(-83 + (i * 0.01), 40))).ToList();
        await new ModelStore(opened.DataSource).WriteAsync(
            [new Territory(Territory) { Boundary = TerritoryBoundary.Rectangle(-84, 39, -82, 41) }], [(position, Territory)], accounts, Token);
        return database;
    }

    private static async Task<PostGisDatabase> OpenAsync(TestDatabase database) =>
        (await PostGisDatabase.OpenAsync(database.ConnectionString, Token)).AsT0;
}

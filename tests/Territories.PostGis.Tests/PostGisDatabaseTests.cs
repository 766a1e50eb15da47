using PostGis;

namespace Territories.PostGis.Tests;

/// <summary>Opening a database: bad connection strings and foreign or newer schemas are clear one-line problems, and nothing is written.</summary>
public sealed class PostGisDatabaseTests(PostgresFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_NothingListensOnThePort_CannotConnectNamingHostAndPort()
    {
        var opened = await PostGisDatabase.OpenAsync("Host=127.0.0.1;Port=1;Username=postgres;Database=territories;Timeout=5", Token);

        var problem = Assert.IsType<DatabaseProblem>(opened.Value);
        Assert.Equal(DatabaseProblemCode.CannotConnect, problem.Code);
        Assert.Contains("127.0.0.1:1", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.Message);
    }

    [Fact]
    public async Task OpenAsync_MalformedConnectionString_CannotConnectSayingMalformed()
    {
        var opened = await PostGisDatabase.OpenAsync("Hots=127.0.0.1", Token);

        var problem = Assert.IsType<DatabaseProblem>(opened.Value);
        Assert.Equal(DatabaseProblemCode.CannotConnect, problem.Code);
        Assert.Contains("malformed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_EmptyDatabase_AppliesEveryMigrationOnceThenNone()
    {
        await using var database = await fixture.CreateDatabaseAsync(migrated: false, Token);

        var first = await PostGisDatabase.OpenAsync(database.ConnectionString, Token);
        await using (first.AsT0)
        {
            Assert.Equal(Migrator.All.Length, first.AsT0.MigrationsApplied);
        }

        var second = await PostGisDatabase.OpenAsync(database.ConnectionString, Token);
        await using (second.AsT0)
        {
            Assert.Equal(0, second.AsT0.MigrationsApplied);
        }

        Assert.Equal((long)Migrator.All.Length, await database.ScalarAsync("SELECT count(*) FROM schema_migrations", Token));
        Assert.Equal("MULTIPOLYGON", await database.ScalarAsync("SELECT type FROM geometry_columns WHERE f_table_name = 'territories'", Token));
    }

    [Fact]
    public async Task OpenAsync_SchemaNewerThanTheProgram_SchemaTooNewAndNothingChanged()
    {
        await using var database = await fixture.CreateDatabaseAsync(migrated: true, Token);
        await database.ScalarAsync("INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')", Token);

        var opened = await PostGisDatabase.OpenAsync(database.ConnectionString, Token);

        var problem = Assert.IsType<DatabaseProblem>(opened.Value);
        Assert.Equal(DatabaseProblemCode.SchemaTooNew, problem.Code);
        Assert.Contains("999", problem.Message, StringComparison.Ordinal);
        Assert.Equal((long)Migrator.All.Length + 1, await database.ScalarAsync("SELECT count(*) FROM schema_migrations", Token));
    }

    [Fact]
    public async Task OpenAsync_TablesOfTheSameNameNotMadeByTheMigrations_SchemaNotOursAndNothingWritten()
    {
        await using var database = await fixture.CreateDatabaseAsync(migrated: false, Token);
        await database.ScalarAsync("CREATE TABLE accounts (id int PRIMARY KEY, owner text)", Token);

        var opened = await PostGisDatabase.OpenAsync(database.ConnectionString, Token);

        var problem = Assert.IsType<DatabaseProblem>(opened.Value);
        Assert.Equal(DatabaseProblemCode.SchemaNotOurs, problem.Code);
        Assert.Contains("accounts", problem.Message, StringComparison.Ordinal);
        Assert.Null(await database.ScalarAsync("SELECT to_regclass('territories')::text", Token));
        Assert.Null(await database.ScalarAsync("SELECT to_regclass('schema_migrations')::text", Token));
    }
}

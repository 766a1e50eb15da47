using System.Net.Sockets;
using Npgsql;
using OneOf;

namespace PostGis;

/// <summary>
/// A migrated PostgreSQL + PostGIS database: opening it checks the connection, that PostGIS is there
/// and the schema is ours, and migrates it; its <see cref="DataSource"/> maps geometry columns to
/// NetTopologySuite types (Npgsql.NetTopologySuite), so no WKT travels as text.
/// </summary>
internal sealed class PostGisDatabase : IAsyncDisposable
{
    private PostGisDatabase(NpgsqlDataSource dataSource, int migrationsApplied)
    {
        DataSource = dataSource;
        MigrationsApplied = migrationsApplied;
    }

    /// <summary>Connections with the NetTopologySuite type mapping.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>How many migrations opening applied (0 when the schema was current).</summary>
    public int MigrationsApplied { get; }

    /// <summary>Connects, migrates and returns the database, or the problem that stops it, in one line.</summary>
    public static async Task<OneOf<PostGisDatabase, DatabaseProblem>> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            return new DatabaseProblem(DatabaseProblemCode.CannotConnect, $"the connection string is malformed: {e.Message}");
        }

        int applied;
        try
        {
            // The type mapping loads the server's types at the first connection, so the migration (which
            // may create the PostGIS extension) runs on a plain data source first.
            await using var plain = NpgsqlDataSource.Create(builder.ConnectionString);
            await using var connection = await plain.OpenConnectionAsync(cancellationToken);
            var migrated = await Migrator.MigrateAsync(connection, cancellationToken);
            if (migrated.TryPickT1(out var problem, out applied))
            {
                return problem;
            }
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return new DatabaseProblem(DatabaseProblemCode.CannotConnect,
                $"cannot use the database {builder.Database ?? "(default)"} at {builder.Host}:{builder.Port} as {builder.Username ?? "(default user)"}: {OneLine(e)}");
        }

        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString);
        dataSource.UseNetTopologySuite();
        return new PostGisDatabase(dataSource.Build(), applied);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static string OneLine(Exception e) =>
        (e is PostgresException p ? p.MessageText : e.Message).ReplaceLineEndings(" ");
}

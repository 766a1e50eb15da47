using System.Collections.Immutable;
using System.Globalization;
using Npgsql;
using OneOf;

namespace PostGis;

/// <summary>One schema migration: a plain SQL file in Migrations/, named NNN_what.sql, NNN its version.</summary>
/// <param name="Version">The number the file name starts with.</param>
/// <param name="Name">The file name.</param>
/// <param name="Sql">The file's text.</param>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Brings a database to the schema of Migrations/*.sql: checks PostGIS is available, applies every
/// migration newer than the database's in one transaction under an advisory lock (two programs
/// migrating at once apply each file once), and records them in schema_migrations. A database with a
/// newer schema, or with tables of ours that no migration recorded, is refused with nothing written.
/// </summary>
internal static class Migrator
{
    // Any constant: serialises migrations of this schema across processes.
    private const long LockKey = 0x5445_5252_4954;

    /// <summary>The example's migrations, in version order.</summary>
    public static ImmutableArray<Migration> All { get; } = Load();

    /// <summary>The version of the newest migration this program knows.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>Migrates the database; returns the number of migrations applied (0 when it was current), or the problem.</summary>
    public static async Task<OneOf<int, DatabaseProblem>> MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using (var check = new NpgsqlCommand("SELECT default_version FROM pg_available_extensions WHERE name = 'postgis'", connection))
        {
            if (await check.ExecuteScalarAsync(cancellationToken) is not string)
            {
                return new DatabaseProblem(DatabaseProblemCode.PostGisMissing,
                    $"the server at {connection.Host}:{connection.Port} has no PostGIS extension to install (Debian: apt-get install postgis postgresql-postgis)");
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({LockKey})"), cancellationToken);
        await Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);
        int current;
        await using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection, transaction))
        {
            current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        if (current > LatestVersion)
        {
            return new DatabaseProblem(DatabaseProblemCode.SchemaTooNew,
                $"the database's schema is at version {current}, newer than this program's {LatestVersion}: run a newer program");
        }

        var applied = 0;
        foreach (var migration in All.Where(m => m.Version > current))
        {
            try
            {
                await Execute(connection, transaction, migration.Sql, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject)
            {
                return new DatabaseProblem(DatabaseProblemCode.SchemaNotOurs,
                    $"migration {migration.Name} found {e.MessageText} that no recorded migration created: use an empty database or schema");
            }

            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, transaction)
            {
                Parameters = { new() { Value = migration.Version }, new() { Value = migration.Name } },
            };
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied++;
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static ImmutableArray<Migration> Load()
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource["Migrations/".Length..];
            var digits = new string([.. name.TakeWhile(char.IsAsciiDigit)]);
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration {name} does not start with its version number.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, name, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (migrations.Count == 0 || migrations.Select(m => m.Version).Distinct().Count() != migrations.Count)
        {
            throw new InvalidOperationException("The migrations are missing or two share a version number.");
        }

        return [.. migrations];
    }
}

using Territories.Tests.Shared;

namespace Territories.PostGis.Tests;

/// <summary>The PostgreSQL + PostGIS server the integration tests use: named by a connection string in <see cref="Variable"/>.</summary>
internal static class PostgresServer
{
    /// <summary>The environment variable holding an Npgsql connection string of a server where the user may create databases.</summary>
    public const string Variable = "TERRITORIES_PG";

    /// <summary>How to get a server, as the messages give it.</summary>
    public const string InstallCommand =
        "sudo apt-get install postgresql postgis postgresql-postgis, then TERRITORIES_PG=$(.ci/postgres start /tmp/pg) (or, as root, .ci/install-deps and .ci/run, which do both)";

    /// <summary>The connection string, or null when none is configured.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// When no server is configured, skips the test saying how to get one, so that <c>dotnet test</c>
    /// passes on a machine with only the .NET SDK; under <c>CI=true</c> fails it instead, as CI starts a
    /// server: an integration test never passes silently, and never skips in CI.
    /// </summary>
    public static string Require() => Require(ConnectionString, OutsideProgram.InCi);

    /// <summary>Returns the connection string when there is one, else skips the test (or, under CI, fails it) with the reason and the install command.</summary>
    public static string Require(string? connectionString, bool ci)
    {
        OutsideProgram.Require(connectionString is not null, ci, "PostGIS test", $"needs a PostgreSQL server with PostGIS named by {Variable} (a connection string), which is not set; get one with: {InstallCommand}");
        return connectionString!;
    }
}

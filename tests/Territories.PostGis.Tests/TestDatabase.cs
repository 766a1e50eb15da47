using Npgsql;

namespace Territories.PostGis.Tests;

/// <summary>A database of its own for one test, dropped (with any connection still open) when disposed.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly bool _dropOnDispose;

    private TestDatabase(string server, string name, bool dropOnDispose)
    {
        _server = server;
        _dropOnDispose = dropOnDispose;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string server, string name, string template, CancellationToken cancellationToken, bool dropOnDispose = true)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new TestDatabase(server, name, dropOnDispose);
    }

    public static async Task DropAsync(string server, string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one statement and returns the first column of the first row; null for none or SQL NULL.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken) is var value and not DBNull ? value : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dropOnDispose)
        {
            await DropAsync(_server, Name, CancellationToken.None);
        }
    }
}

using Npgsql;
using PostGis;

[assembly: AssemblyFixture(typeof(Territories.PostGis.Tests.PostgresFixture))]

namespace Territories.PostGis.Tests;

/// <summary>
/// One database per test, dropped after it: a migrated one is copied from a template migrated once per
/// run (creating the PostGIS extension takes a second, a copy a fraction of that), an empty one is new.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private string? _template;

    /// <summary>Creates a database (migrated by examples/PostGis when asked); skips or fails the test when no server is configured.</summary>
    internal async Task<TestDatabase> CreateDatabaseAsync(bool migrated, CancellationToken cancellationToken)
    {
        var server = PostgresServer.Require();
        var template = migrated ? await TemplateAsync(server, cancellationToken) : "template1";
        return await TestDatabase.CreateAsync(server, $"territories_test_{_run}_{Guid.NewGuid().ToString("N")[..8]}", template, cancellationToken);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_template is not null && PostgresServer.ConnectionString is { } server)
        {
            await TestDatabase.DropAsync(server, _template, CancellationToken.None);
        }

        _templateLock.Dispose();
    }

    private async Task<string> TemplateAsync(string server, CancellationToken cancellationToken)
    {
        await _templateLock.WaitAsync(cancellationToken);
        try
        {
            if (_template is null)
            {
                var name = $"territories_template_{_run}";
                await using var database = await TestDatabase.CreateAsync(server, name, "template1", cancellationToken, dropOnDispose: false);
                var opened = await PostGisDatabase.OpenAsync(database.ConnectionString, cancellationToken);
                Assert.True(opened.IsT0, $"Migrating the template database failed: {(opened.IsT1 ? opened.AsT1 : null)}");
                await opened.AsT0.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                _template = name;
            }

            return _template;
        }
        finally
        {
            _templateLock.Release();
        }
    }
}

using PostGis;

// Territories, accounts and a journey plan in PostgreSQL + PostGIS: create the schema (plain SQL
// migrations), store the Ohio sample, assign the accounts with the library and check every assignment
// with ST_Covers, plan one territory, store the plan in one transaction, read everything back.
// Run: dotnet run --project examples/PostGis -- --connection "Host=127.0.0.1;Port=5432;Username=postgres;Database=territories"
// Without --connection the server named by TERRITORIES_PG is used (as .ci/run sets it); with neither,
// the example says so and does nothing.
const string Variable = "TERRITORIES_PG";
const string Usage = """
    Usage: dotnet run --project examples/PostGis [-- --connection "Host=...;Port=...;Username=...;Database=..."]
      --connection CS   Npgsql connection string of a PostgreSQL 15+ database where the user may create
                        tables (and the PostGIS extension, unless it is there). Default: the value of
                        the TERRITORIES_PG environment variable.
      --help            Show this text.
    The last line is one JSON object:
      {"territories":N,"accounts":N,"visits":N,"sql_agrees":N,"of":N,"read_back_equal":true}
    """;

string? connection = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        case "--connection" when i + 1 < args.Length && !string.IsNullOrWhiteSpace(args[i + 1]):
            connection = args[++i];
            break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

connection ??= Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
if (connection is null)
{
    Console.WriteLine($"PostGis example: no server configured, nothing done; pass --connection \"Host=...;Username=...;Database=...\" or set {Variable} (.ci/run starts a server and sets it).");
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var result = await new PostGisExample(Console.Out).RunAsync(connection, cancel.Token);
return result.Match(
    summary =>
    {
        Console.WriteLine(summary.ToJson());
        return summary.ReadBackEqual && summary.SqlAgrees == summary.Of ? 0 : 1;
    },
    problem =>
    {
        Console.Error.WriteLine($"PostGis example: {problem.Message}");
        return 1;
    });

using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using OneOf;
using Territories.IO.Csv;
using Territories.IO.GeoJson;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;
using Territories.Spatial;
using Territories.Travel;

namespace PostGis;

/// <summary>
/// The example's chain: migrate the database, store the Ohio sample (88 counties under the state, 864
/// places as accounts with a visit requirement by size), read it back, assign the accounts with the
/// library and cross-check every assignment with ST_Covers, plan the territory with the most accounts,
/// store the plan in one transaction and read it back.
/// </summary>
internal sealed class PostGisExample(TextWriter output)
{
    /// <summary>The level of the territories the accounts are assigned to and planned in.</summary>
    public const string Level = "county";

    private static readonly JourneyCycle Cycle = JourneyCycle.Create(4);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Journey planning iterations; 2000 by default (keeps the plan deterministic, well within the time limit).</summary>
    public long PlanIterations { get; init; } = 2000;

    /// <summary>Runs the chain on the database; the summary, or the problem that stopped it before anything was written.</summary>
    public async Task<OneOf<ExampleSummary, DatabaseProblem>> RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        var (territories, accounts) = ReadSample();
        Say($"read the sample: {territories.Length} territories, {accounts.Length} accounts");

        var opened = await PostGisDatabase.OpenAsync(connectionString, cancellationToken);
        if (opened.TryPickT1(out var problem, out var database))
        {
            return problem;
        }

        await using (database)
        {
            Say($"database ready, {database.MigrationsApplied} migration(s) applied (schema version {Migrator.LatestVersion})");
            var store = new ModelStore(database.DataSource);

            // Someone else may have stored invalid boundaries: stop before writing anything.
            var invalid = await store.InvalidBoundariesAsync(cancellationToken);
            if (!invalid.IsEmpty)
            {
                return InvalidGeometry(invalid);
            }

            await store.WriteAsync(territories, [], accounts, cancellationToken);
            var storedTerritories = await store.ReadTerritoriesAsync(cancellationToken);
            var storedAccounts = await store.ReadAccountsAsync(cancellationToken);
            var modelEqual = ModelComparer.SameTerritories(territories, storedTerritories.Where(t => territories.Any(s => s.Id == t.Id)))
                && ModelComparer.SameAccounts(accounts, storedAccounts.Where(a => accounts.Any(s => s.Id == a.Id)));
            Say($"stored and read back {storedTerritories.Length} territories and {storedAccounts.Length} accounts: {(modelEqual ? "equal" : "DIFFERENT")}");

            var layer = TerritoryMap.Create(storedTerritories.Where(t => t.Level == Level));
            if (layer.TryPickT1(out var layerFailure, out var map))
            {
                return new DatabaseProblem(DatabaseProblemCode.InvalidGeometry, $"the stored {Level} layer is not a valid partition: {layerFailure}",
                    [.. layerFailure.Errors.SelectMany(p => p.Territories).Select(t => t.Value).Distinct().Order(StringComparer.Ordinal)]);
            }

            var assignment = map.Assign(storedAccounts, cancellationToken: cancellationToken);
            await store.WriteTerritoriesOfAsync([.. assignment.Assignments.Select(a => (a.Account, a.Territory))], cancellationToken);
            var check = await AssignmentCheck.RunAsync(database.DataSource, Level, cancellationToken);
            Say($"assigned with the library: {assignment.AssignedCount} assigned, {assignment.UnassignedCount} outside every {Level}; ST_Covers agrees on {check.Agreeing} of {check.Checked}");
            foreach (var d in check.Disagreements.Take(5))
            {
                output.WriteLine($"    {d.Account}: stored {d.Stored ?? "none"}, covered by {(d.Covering.IsEmpty ? "none" : string.Join(", ", d.Covering))}");
            }

            var stored = await PlanAndStoreAsync(database, store, map, assignment, storedAccounts, cancellationToken);
            if (stored.TryPickT1(out var conflict, out var written))
            {
                output.WriteLine($"  {conflict}");
                return new ExampleSummary(storedTerritories.Length, storedAccounts.Length, 0, check.Agreeing, check.Checked, false);
            }

            var readBack = await new PlanStore(database.DataSource).ReadAsync(written.Territory, cancellationToken);
            var planEqual = readBack is not null
                && readBack.Version == written.Version
                && readBack.Visits.SequenceEqual(written.Visits)
                && readBack.Fingerprint == written.Fingerprint
                && PlanRow.Fingerprint(readBack.Visits) == written.Fingerprint;
            Say($"read the plan back: version {readBack?.Version}, {readBack?.Visits.Length} visits, fingerprint {readBack?.Fingerprint[..12]}…: {(planEqual ? "equal" : "DIFFERENT")}");
            return new ExampleSummary(storedTerritories.Length, storedAccounts.Length, written.Visits.Length, check.Agreeing, check.Checked, modelEqual && planEqual);
        }
    }

    private async Task<OneOf<StoredPlan, PlanConflict>> PlanAndStoreAsync(PostGisDatabase database, ModelStore store, TerritoryMap map, AssignmentResult assignment, ImmutableArray<Account> accounts, CancellationToken cancellationToken)
    {
        // The territory with the most accounts (the lowest id on a tie), covered by one position based
        // at its largest account.
        var territoryId = map.Territories.OrderByDescending(t => assignment.AccountsOf(t).Length).ThenBy(t => t).First();
        var members = assignment.AccountsOf(territoryId).ToHashSet();
        var mine = accounts.Where(a => members.Contains(a.Id)).Select(a => a with { Territory = territoryId }).ToImmutableArray();
        var home = mine.OrderByDescending(a => a.Potential).ThenBy(a => a.Id.Value, StringComparer.Ordinal).First();
        var position = new SalesPosition(new PositionId("rep-" + territoryId.Value))
        {
            Name = "Territory representative, " + map.Find(territoryId)!.Name,
            Role = PositionRole.TerritoryRepresentative,
            Base = home.Location,
            DailyHours = TimeWindow.FromHours(8, 0, 17, 0),
            Break = TimeSpan.FromMinutes(30),
        };
        await store.WriteAsync([], [(position, territoryId)], [], cancellationToken);

        var request = new JourneyPlanRequest([position], Cycle, mine, new GreatCircleTravelModel(60, 1.25))
        {
            Territories = [map.Find(territoryId)! with { Positions = [position.Id] }],
        };
        var planner = new JourneyPlanner(new JourneyPlannerOptions { Seed = 1, MaxIterations = PlanIterations, TimeLimit = TimeSpan.FromSeconds(30) });
        var planned = planner.Plan(request, cancellationToken: cancellationToken);
        if (planned.TryPickT1(out var invalid, out var plan))
        {
            throw new InvalidOperationException($"The stored accounts cannot be planned: {invalid}");
        }

        var rows = PlanRow.From(plan);
        Say($"planned {map.Find(territoryId)!.Name} ({territoryId.Value}): {mine.Length} accounts, {rows.Length} visits over {Cycle}, {plan.Unplanned.Length} unplanned; {plan.Kpis.Routes} days on the road, {plan.Kpis.TotalDistanceMetres / 1000:N0} km, utilisation {plan.Kpis.Utilisation:P0}");
        var plans = new PlanStore(database.DataSource);
        var version = await plans.VersionAsync(territoryId, cancellationToken);
        var saved = await plans.SaveAsync(territoryId, version, Cycle.Weeks, plan.Unplanned.Length, rows, cancellationToken);
        if (saved.TryPickT0(out var written, out _))
        {
            Say($"stored the plan in one transaction as version {written.Version} (was {version}), fingerprint {written.Fingerprint[..12]}…");
        }

        return saved;
    }

    private static (ImmutableArray<Territory> Territories, ImmutableArray<Account> Accounts) ReadSample()
    {
        var geoJson = new TerritoryGeoJsonReader(new TerritoryGeoJsonOptions { NameProperty = "NAME", ParentProperty = null, LevelProperty = null, DefaultLevel = Level });
        var state = new TerritoryGeoJsonReader(new TerritoryGeoJsonOptions { NameProperty = "NAME", ParentProperty = null, LevelProperty = null, DefaultLevel = "state" })
            .ReadFile(Find("state.geojson"));
        var counties = geoJson.ReadFile(Find("counties.geojson"));
        var stateId = state.Items.Single().Id;

        // Accounts by size: A (20,000 people or more) weekly, B (3,000 or more) fortnightly, C every 4 weeks.
        var csv = new AccountCsvOptions { PotentialColumn = "population", DefaultServiceTime = TimeSpan.FromMinutes(20) };
        csv.ClassThresholds.Add(new ClassThreshold("A", 20_000));
        csv.ClassThresholds.Add(new ClassThreshold("B", 3_000));
        csv.ClassThresholds.Add(new ClassThreshold("C", 0));
        csv.ClassFrequencies["A"] = VisitFrequency.PerWeek(1);
        csv.ClassFrequencies["B"] = VisitFrequency.EveryWeeks(2);
        csv.ClassFrequencies["C"] = VisitFrequency.EveryWeeks(4);
        var places = new AccountCsvReader(csv).ReadFile(Find("places.csv"));
        if (state.HasErrors || counties.HasErrors || places.HasErrors)
        {
            throw new InvalidDataException($"The sample data has errors: {state.Errors.Concat(counties.Errors).Concat(places.Errors).First()}");
        }

        return ([.. state.Items, .. counties.Items.Select(c => c with { Parent = stateId })], places.Items);
    }

    private static string Find(string file) =>
        SampleData.Find(file) ?? throw new FileNotFoundException($"The sample data (examples/data/sample-ohio/{file}) was not found above the program.");

    private static DatabaseProblem InvalidGeometry(ImmutableArray<(string Id, string Reason)> invalid) =>
        new(DatabaseProblemCode.InvalidGeometry,
            $"{invalid.Length} stored territory boundar{(invalid.Length == 1 ? "y is" : "ies are")} not valid: {string.Join("; ", invalid.Take(5).Select(i => $"{i.Id}: {i.Reason}"))}; repair them (ST_MakeValid) or delete them",
            [.. invalid.Select(i => i.Id)]);

    private void Say(FormattableString text) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,5:0.0} s] ") + text.ToString(CultureInfo.InvariantCulture));
}

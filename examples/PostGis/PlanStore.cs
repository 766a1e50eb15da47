using System.Collections.Immutable;
using Npgsql;
using OneOf;
using Territories.Model;

namespace PostGis;

/// <summary>A territory's plan as stored: its version, fingerprint and visits.</summary>
/// <param name="Territory">The territory.</param>
/// <param name="Version">Counts the writes of this territory's plan, from 1.</param>
/// <param name="Fingerprint">SHA-256 of the visits (<see cref="PlanRow.Fingerprint"/>), as written.</param>
/// <param name="CycleWeeks">The journey cycle's length in weeks.</param>
/// <param name="Unplanned">How many accounts the plan left unplanned.</param>
/// <param name="Visits">The visits, sorted by position, day and sequence.</param>
internal sealed record StoredPlan(TerritoryId Territory, int Version, string Fingerprint, int CycleWeeks, int Unplanned, ImmutableArray<PlanRow> Visits);

/// <summary>
/// Journey plans in the database, one current plan per territory. A write names the version it was
/// based on (0 for none) and stores the plan row and every visit in one transaction: either all of it
/// or, on any failure (a broken connection, a violated constraint), nothing, the previous plan intact.
/// A write over a version other than the one named returns a <see cref="PlanConflict"/>: of two
/// concurrent writers of the same territory, the second waits on the first's row lock, then finds the
/// version moved on.
/// </summary>
internal sealed class PlanStore(NpgsqlDataSource dataSource)
{
    /// <summary>Visits sent per statement; 500 by default.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// Called inside the write's transaction after each batch of visits, with the connection and the
    /// number of visits sent so far; null by default. Lets a test break a write half way.
    /// </summary>
    public Func<NpgsqlConnection, int, CancellationToken, Task>? AfterBatch { get; init; }

    /// <summary>The stored version of the territory's plan; 0 when it has none.</summary>
    public async Task<int> VersionAsync(TerritoryId territory, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await VersionAsync(connection, null, territory, cancellationToken);
    }

    /// <summary>Stores the plan as the territory's new version if the stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <returns>The plan as stored, or the conflict when another writer came first.</returns>
    /// <exception cref="NpgsqlException">The write failed (connection lost, constraint violated); nothing was stored.</exception>
    public async Task<OneOf<StoredPlan, PlanConflict>> SaveAsync(TerritoryId territory, int expectedVersion, int cycleWeeks, int unplanned, IReadOnlyList<PlanRow> visits, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(visits);
        var rows = visits.OrderBy(r => r.Position, StringComparer.Ordinal).ThenBy(r => r.Day).ThenBy(r => r.Sequence).ToImmutableArray();
        var fingerprint = PlanRow.Fingerprint(rows);
        var version = expectedVersion + 1;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The first write inserts; a later one updates only the version it was based on. Either waits
        // for a concurrent writer of the same territory to finish, then touches no row if it lost.
        await using (var claim = new NpgsqlCommand(expectedVersion == 0
            ? """
              INSERT INTO plans (territory_id, version, fingerprint, cycle_weeks, visit_count, unplanned_count) VALUES ($1, $2, $3, $4, $5, $6)
              ON CONFLICT (territory_id) DO NOTHING
              """
            : """
              UPDATE plans SET version = $2, fingerprint = $3, cycle_weeks = $4, visit_count = $5, unplanned_count = $6, written_at = now()
              WHERE territory_id = $1 AND version = $2 - 1
              """, connection, transaction))
        {
            claim.Parameters.Add(new() { Value = territory.Value });
            claim.Parameters.Add(new() { Value = version });
            claim.Parameters.Add(new() { Value = fingerprint });
            claim.Parameters.Add(new() { Value = cycleWeeks });
            claim.Parameters.Add(new() { Value = rows.Length });
            claim.Parameters.Add(new() { Value = unplanned });
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                var actual = await VersionAsync(connection, transaction, territory, cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
                return new PlanConflict(territory, expectedVersion, actual);
            }
        }

        await using (var clear = new NpgsqlCommand("DELETE FROM visits WHERE territory_id = $1", connection, transaction))
        {
            clear.Parameters.Add(new() { Value = territory.Value });
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var from = 0; from < rows.Length; from += BatchSize)
        {
            var batch = rows.AsSpan(from, Math.Min(BatchSize, rows.Length - from)).ToArray();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO visits (territory_id, position_id, cycle_day, sequence, account_id, arrival, start_at, departure, leg_metres, activity)
                SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[], $5::text[], $6::interval[], $7::interval[], $8::interval[], $9::float8[], $10::text[])
                """, connection, transaction);
            insert.Parameters.Add(new() { Value = territory.Value });
            insert.Parameters.Add(new() { Value = batch.Select(r => r.Position).ToArray() });
            insert.Parameters.Add(new() { Value = batch.Select(r => r.Day).ToArray() });
            insert.Parameters.Add(new() { Value = batch.Select(r => r.Sequence).ToArray() });
            insert.Parameters.Add(new() { Value = batch.Select(r => r.Account).ToArray() });
            insert.Parameters.Add(new() { Value = batch.Select(r => r.Arrival).ToArray() });
            insert.Parameters.Add(new() { Value = batch.Select(r => r.Start).ToArray() });
            insert.Parameters.Add(new() { Value = batch.Select(r => r.Departure).ToArray() });
            insert.Parameters.Add(new() { Value = batch.Select(r => r.LegMetres).ToArray() });
            insert.Parameters.Add(new() { Value = batch.Select(r => r.Activity).ToArray() });
            await insert.ExecuteNonQueryAsync(cancellationToken);
            if (AfterBatch is { } after)
            {
                await after(connection, from + batch.Length, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoredPlan(territory, version, fingerprint, cycleWeeks, unplanned, rows);
    }

    /// <summary>The territory's stored plan, read back; null when it has none.</summary>
    public async Task<StoredPlan?> ReadAsync(TerritoryId territory, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the plan row and its visits.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        int version, cycleWeeks, unplanned;
        string fingerprint;
        await using (var head = new NpgsqlCommand("SELECT version, fingerprint, cycle_weeks, unplanned_count FROM plans WHERE territory_id = $1", connection, transaction))
        {
            head.Parameters.Add(new() { Value = territory.Value });
            await using var reader = await head.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (version, fingerprint, cycleWeeks, unplanned) = (reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
        }

        var visits = ImmutableArray.CreateBuilder<PlanRow>();
        await using (var rows = new NpgsqlCommand("""
            SELECT position_id, cycle_day, sequence, account_id, arrival, start_at, departure, leg_metres, activity
            FROM visits WHERE territory_id = $1 ORDER BY position_id COLLATE "C", cycle_day, sequence
            """, connection, transaction))
        {
            rows.Parameters.Add(new() { Value = territory.Value });
            await using var reader = await rows.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                visits.Add(new PlanRow(
                    reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3),
                    reader.GetFieldValue<TimeSpan>(4), reader.GetFieldValue<TimeSpan>(5), reader.GetFieldValue<TimeSpan>(6),
                    reader.GetDouble(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoredPlan(territory, version, fingerprint, cycleWeeks, unplanned, visits.ToImmutable());
    }

    private static async Task<int> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, TerritoryId territory, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM plans WHERE territory_id = $1", connection, transaction);
        command.Parameters.Add(new() { Value = territory.Value });
        return await command.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
    }
}

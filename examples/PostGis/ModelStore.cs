using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Npgsql;
using Territories.Model;

namespace PostGis;

/// <summary>
/// Territories, positions and accounts in the database: written in one transaction (insert or update
/// by id, so a second run replaces the first), read back into the library's types. Geometry columns
/// travel as NetTopologySuite geometries with SRID 4326: boundaries as MultiPolygon, locations and
/// bases as Point.
/// </summary>
internal sealed class ModelStore(NpgsqlDataSource dataSource)
{
    private const int Srid = 4326;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), Srid);

    /// <summary>Writes the territories (parents before children), the positions and the accounts in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyList<Territory> territories, IReadOnlyList<(SalesPosition Position, TerritoryId Territory)> positions, IReadOnlyList<Account> accounts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            // Parents first, so that the foreign key holds at each insert.
            foreach (var territory in territories.OrderBy(t => t.Parent is null ? 0 : 1).ThenBy(t => t.Id))
            {
                batch.BatchCommands.Add(Command("""
                    INSERT INTO territories (id, name, level, parent_id, boundary) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, parent_id = excluded.parent_id, boundary = excluded.boundary
                    """, territory.Id.Value, territory.Name, territory.Level, territory.Parent?.Value, ToMultiPolygon(territory)));
            }

            foreach (var (position, territory) in positions)
            {
                batch.BatchCommands.Add(Command("""
                    INSERT INTO positions (id, territory_id, role, base, day_start, day_end, break_time) VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (id) DO UPDATE SET territory_id = excluded.territory_id, role = excluded.role, base = excluded.base,
                        day_start = excluded.day_start, day_end = excluded.day_end, break_time = excluded.break_time
                    """, position.Id.Value, territory.Value, position.Role.ToString(), position.Base is { } b ? ToPoint(b) : null,
                    position.DailyHours.Start, position.DailyHours.End, position.Break));
            }

            foreach (var account in accounts)
            {
                var frequency = account.Visit?.Frequency;
                batch.BatchCommands.Add(Command("""
                    INSERT INTO accounts (id, name, class, potential, location, service_time, visits, period_weeks, min_spacing_days, max_spacing_days, visit_duration, visit_activity, territory_id)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, class = excluded.class, potential = excluded.potential, location = excluded.location,
                        service_time = excluded.service_time, visits = excluded.visits, period_weeks = excluded.period_weeks,
                        min_spacing_days = excluded.min_spacing_days, max_spacing_days = excluded.max_spacing_days,
                        visit_duration = excluded.visit_duration, visit_activity = excluded.visit_activity, territory_id = excluded.territory_id
                    """, account.Id.Value, account.Name, account.Class, account.Potential, ToPoint(account.Location), account.ServiceTime,
                    frequency?.Visits, frequency?.PeriodWeeks, frequency?.MinSpacingDays ?? 0, frequency?.MaxSpacingDays ?? 0,
                    account.Visit?.Duration, account.Visit?.Activity, account.Territory?.Value));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores each account's territory (null for none) in one statement.</summary>
    public async Task WriteTerritoriesOfAsync(IReadOnlyList<(AccountId Account, TerritoryId? Territory)> assignments, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE accounts a SET territory_id = u.territory_id
            FROM unnest($1::text[], $2::text[]) AS u(id, territory_id) WHERE a.id = u.id
            """);
        command.Parameters.Add(new() { Value = assignments.Select(a => a.Account.Value).ToArray() });
        command.Parameters.Add(new() { Value = assignments.Select(a => a.Territory?.Value).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Territories whose stored boundary is not a valid geometry, with PostGIS's reason, sorted by id.</summary>
    public async Task<ImmutableArray<(string Id, string Reason)>> InvalidBoundariesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, ST_IsValidReason(boundary) FROM territories WHERE NOT ST_IsValid(boundary) ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var invalid = ImmutableArray.CreateBuilder<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            invalid.Add((reader.GetString(0), reader.GetString(1)));
        }

        return invalid.ToImmutable();
    }

    /// <summary>Every territory, sorted by id.</summary>
    public async Task<ImmutableArray<Territory>> ReadTerritoriesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name, level, parent_id, boundary FROM territories ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var territories = ImmutableArray.CreateBuilder<Territory>();
        while (await reader.ReadAsync(cancellationToken))
        {
            territories.Add(new Territory(new TerritoryId(reader.GetString(0)))
            {
                Name = reader.IsDBNull(1) ? null : reader.GetString(1),
                Level = reader.GetString(2),
                Parent = reader.IsDBNull(3) ? (TerritoryId?)null : new TerritoryId(reader.GetString(3)),
                Boundary = TerritoryBoundary.FromGeometry(reader.GetFieldValue<MultiPolygon>(4)),
            });
        }

        return territories.ToImmutable();
    }

    /// <summary>Every account, sorted by id, with its stored territory.</summary>
    public async Task<ImmutableArray<Account>> ReadAccountsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, name, class, potential, location, service_time, visits, period_weeks, min_spacing_days, max_spacing_days, visit_duration, visit_activity, territory_id
            FROM accounts ORDER BY id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = ImmutableArray.CreateBuilder<Account>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var location = reader.GetFieldValue<Point>(4);
            VisitRequirement? visit = null;
            if (!reader.IsDBNull(6))
            {
                var visits = reader.GetInt32(6);
                var weeks = reader.GetInt32(7);
                var frequency = weeks == 0 ? VisitFrequency.PerCycle(visits) : VisitFrequency.Every(visits, weeks);
                var (minSpacing, maxSpacing) = (reader.GetInt32(8), reader.GetInt32(9));
                visit = new VisitRequirement
                {
                    Frequency = minSpacing == 0 && maxSpacing == 0 ? frequency : frequency.WithSpacing(minSpacing, maxSpacing),
                    Duration = reader.IsDBNull(10) ? null : reader.GetFieldValue<TimeSpan>(10),
                    Activity = reader.IsDBNull(11) ? null : reader.GetString(11),
                };
            }

            accounts.Add(new Account(new AccountId(reader.GetString(0)), new GeoPoint(location.X, location.Y))
            {
                Name = reader.IsDBNull(1) ? null : reader.GetString(1),
                Class = reader.IsDBNull(2) ? null : reader.GetString(2),
                Potential = reader.GetDecimal(3),
                ServiceTime = reader.GetFieldValue<TimeSpan>(5),
                Visit = visit,
                Territory = reader.IsDBNull(12) ? (TerritoryId?)null : new TerritoryId(reader.GetString(12)),
            });
        }

        return accounts.ToImmutable();
    }

    /// <summary>A multipolygon with SRID 4326: a polygon boundary becomes a multipolygon of one part.</summary>
    public static MultiPolygon ToMultiPolygon(Territory territory)
    {
        var geometry = territory.Boundary?.ToGeometry() ?? throw new ArgumentException($"Territory {territory.Id.Value} has no boundary.", nameof(territory));
        return geometry switch
        {
            MultiPolygon multi => (MultiPolygon)Factory.CreateGeometry(multi),
            Polygon polygon => Factory.CreateMultiPolygon([(Polygon)Factory.CreateGeometry(polygon)]),
            _ => throw new ArgumentException($"Territory {territory.Id.Value} has a {geometry.GeometryType} boundary.", nameof(territory)),
        };
    }

    /// <summary>A point with SRID 4326: x = longitude, y = latitude.</summary>
    public static Point ToPoint(GeoPoint point) => Factory.CreatePoint(new Coordinate(point.Longitude, point.Latitude));

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}

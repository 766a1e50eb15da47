using System.Collections.Immutable;
using Npgsql;

namespace PostGis;

/// <summary>One account whose stored territory PostGIS does not confirm.</summary>
/// <param name="Account">The account's id.</param>
/// <param name="Stored">The territory stored for it (the library's assignment); null for none.</param>
/// <param name="Covering">The territories of the level whose boundary covers the account's location in PostGIS, sorted.</param>
internal sealed record AssignmentDisagreement(string Account, string? Stored, ImmutableArray<string> Covering);

/// <summary>The SQL cross-check of the stored assignment.</summary>
/// <param name="Checked">Accounts checked.</param>
/// <param name="Agreeing">Accounts whose stored territory PostGIS confirms.</param>
/// <param name="Disagreements">The others, sorted by account id.</param>
internal sealed record AssignmentCheckResult(int Checked, int Agreeing, ImmutableArray<AssignmentDisagreement> Disagreements);

/// <summary>
/// Checks every stored account territory against PostGIS: the territory must be one of those of the
/// level whose boundary covers the account's location (ST_Covers: the boundary counts as inside), and
/// an account without a territory must be covered by none. A point on the border of two territories is
/// covered by both in SQL; the library gives it to one by its half-open rule, and either is agreement.
/// </summary>
internal static class AssignmentCheck
{
    public static async Task<AssignmentCheckResult> RunAsync(NpgsqlDataSource dataSource, string level, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a.id, a.territory_id, coalesce(array_agg(t.id ORDER BY t.id COLLATE "C") FILTER (WHERE t.id IS NOT NULL), '{}')
            FROM accounts a LEFT JOIN territories t ON t.level = $1 AND ST_Covers(t.boundary, a.location)
            GROUP BY a.id, a.territory_id
            ORDER BY a.id COLLATE "C"
            """);
        command.Parameters.Add(new() { Value = level });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (total, agreeing) = (0, 0);
        var disagreements = ImmutableArray.CreateBuilder<AssignmentDisagreement>();
        while (await reader.ReadAsync(cancellationToken))
        {
            total++;
            var stored = reader.IsDBNull(1) ? null : reader.GetString(1);
            var covering = reader.GetFieldValue<string[]>(2);
            if (stored is null ? covering.Length == 0 : covering.Contains(stored, StringComparer.Ordinal))
            {
                agreeing++;
            }
            else
            {
                disagreements.Add(new AssignmentDisagreement(reader.GetString(0), stored, [.. covering]));
            }
        }

        return new AssignmentCheckResult(total, agreeing, disagreements.ToImmutable());
    }
}

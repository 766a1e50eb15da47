using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Territories.Journeys;

namespace PostGis;

/// <summary>One visit of a stored journey plan: a row of the visits table.</summary>
/// <remarks>
/// Times are offsets from midnight at PostgreSQL's interval precision, whole microseconds: the plan's
/// times are truncated to it on the way in (a tenth of a microsecond means nothing on a route), so a
/// row read back equals the row written, field for field.
/// </remarks>
internal readonly record struct PlanRow(
    string Position,
    int Day,
    int Sequence,
    string Account,
    TimeSpan Arrival,
    TimeSpan Start,
    TimeSpan Departure,
    double LegMetres,
    string? Activity)
{
    /// <summary>The plan's visits as rows, sorted by position, day and sequence.</summary>
    public static ImmutableArray<PlanRow> From(JourneyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return
        [
            .. plan.Routes
                .SelectMany(route => route.Visits.Select((visit, i) => new PlanRow(
                    route.Position.Value, route.Day, i + 1, visit.Account.Value,
                    Microseconds(visit.Arrival), Microseconds(visit.Start), Microseconds(visit.Departure),
                    visit.LegDistanceMetres, visit.Activity)))
                .OrderBy(r => r.Position, StringComparer.Ordinal).ThenBy(r => r.Day).ThenBy(r => r.Sequence),
        ];
    }

    /// <summary>
    /// SHA-256 of the rows in position, day, sequence order, as lowercase hex: equal rows, equal
    /// fingerprint, whatever the order given. Stored with the plan, recomputed on reading it back.
    /// </summary>
    public static string Fingerprint(IEnumerable<PlanRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var r in rows.OrderBy(r => r.Position, StringComparer.Ordinal).ThenBy(r => r.Day).ThenBy(r => r.Sequence))
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Position}\t{r.Day}\t{r.Sequence}\t{r.Account}\t{r.Arrival.Ticks}\t{r.Start.Ticks}\t{r.Departure.Ticks}\t{r.LegMetres:R}\t{r.Activity}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static TimeSpan Microseconds(TimeSpan time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMicrosecond));
}

using System.Text.Json;
using Territories.IO.Csv;
using Territories.Journeys.Replanning;

namespace Territories.IO.Json;

/// <summary>Writes a <see cref="PlanDiff"/> as one JSON document: totals, per account, per position, and every changed visit.</summary>
/// <remarks>
/// <para>
/// Shape: <c>{"unchanged_visits", "totals": {"added", "removed", "moved_day", "moved_position", "resequenced"},
/// "accounts": [{"account_id", "added", "removed", "moved_day", "moved_position", "resequenced"}],
/// "positions": [{"position_id", "added", "removed", "moved_day", "moved_in", "moved_out", "resequenced"}],
/// "changes": [{"account_id", "change", "from": {"position_id", "day", "sequence"} | null, "to": … | null}]}</c>.
/// Names of changes as in <see cref="PlanDiffCsvWriter"/>; days 0-based, sequences 1-based; lists in the
/// order of the diff (sorted), so the same diff always gives the same bytes.
/// </para>
/// <para>UTF-8 without byte-order mark, not indented unless asked.</para>
/// </remarks>
public static class PlanDiffJsonWriter
{
    /// <summary>Writes <paramref name="diff"/> to <paramref name="stream"/> as UTF-8 JSON.</summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="diff">The diff.</param>
    /// <param name="indented">Whether to indent the document.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Stream stream, PlanDiff diff, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(diff);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        json.WriteStartObject();
        json.WriteNumber("unchanged_visits", diff.UnchangedVisits);
        json.WriteStartObject("totals");
        json.WriteNumber("added", diff.Count(PlanChangeKind.Added));
        json.WriteNumber("removed", diff.Count(PlanChangeKind.Removed));
        json.WriteNumber("moved_day", diff.Count(PlanChangeKind.MovedDay));
        json.WriteNumber("moved_position", diff.Count(PlanChangeKind.MovedPosition));
        json.WriteNumber("resequenced", diff.Count(PlanChangeKind.Resequenced));
        json.WriteEndObject();
        json.WriteStartArray("accounts");
        foreach (var a in diff.Accounts)
        {
            json.WriteStartObject();
            json.WriteString("account_id", a.Account.Value);
            json.WriteNumber("added", a.Added);
            json.WriteNumber("removed", a.Removed);
            json.WriteNumber("moved_day", a.MovedDay);
            json.WriteNumber("moved_position", a.MovedPosition);
            json.WriteNumber("resequenced", a.Resequenced);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("positions");
        foreach (var p in diff.Positions)
        {
            json.WriteStartObject();
            json.WriteString("position_id", p.Position.Value);
            json.WriteNumber("added", p.Added);
            json.WriteNumber("removed", p.Removed);
            json.WriteNumber("moved_day", p.MovedDay);
            json.WriteNumber("moved_in", p.MovedIn);
            json.WriteNumber("moved_out", p.MovedOut);
            json.WriteNumber("resequenced", p.Resequenced);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("changes");
        foreach (var c in diff.Changes)
        {
            json.WriteStartObject();
            json.WriteString("account_id", c.Account.Value);
            json.WriteString("change", PlanDiffCsvWriter.KindName(c.Kind));
            Place(json, "from", c.FromPosition?.Value, c.FromDay, c.FromSequence);
            Place(json, "to", c.ToPosition?.Value, c.ToDay, c.ToSequence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes <paramref name="diff"/> to the file at <paramref name="path"/>, creating its folder and replacing the file.</summary>
    /// <param name="path">The file, e.g. <c>out/diff.json</c>.</param>
    /// <param name="diff">The diff.</param>
    /// <param name="indented">Whether to indent the document.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static void WriteFile(string path, PlanDiff diff, bool indented = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(diff);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        Write(stream, diff, indented);
    }

    private static void Place(Utf8JsonWriter json, string name, string? position, int? day, int? sequence)
    {
        if (position is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("position_id", position);
        json.WriteNumber("day", day ?? 0);
        json.WriteNumber("sequence", sequence ?? 0);
        json.WriteEndObject();
    }
}

using System.Text;
using Territories.Spatial;

namespace Territories.IO.Csv;

/// <summary>Writes a territory assignment as CSV: one row per account with its territory and status.</summary>
/// <remarks>
/// Columns, in this order: <c>account_id,territory_id,status</c>. <c>territory_id</c> is empty for an
/// account without a territory; <c>status</c> is the <see cref="AssignmentStatus"/> name (<c>Assigned</c>,
/// <c>Named</c>, <c>Snapped</c>, <c>Unassigned</c>, …). Rows in the order of <see cref="AssignmentResult.Assignments"/>
/// (sorted by account id). Invariant culture, <c>\n</c> line ends, UTF-8 without byte-order mark for
/// files; fields quoted (RFC 4180) only when they hold a comma, a quote or a line break.
/// </remarks>
public static class AssignmentCsvWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "account_id,territory_id,status";

    /// <summary>Writes <paramref name="assignment"/> to <paramref name="writer"/>, header first.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="assignment">The assignment, from <see cref="TerritoryMap.Assign"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, AssignmentResult assignment)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(assignment);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var a in assignment.Assignments)
        {
            writer.Write(JourneyPlanCsvWriter.Field(a.Account.Value));
            writer.Write(',');
            writer.Write(a.Territory is { } t ? JourneyPlanCsvWriter.Field(t.Value) : string.Empty);
            writer.Write(',');
            writer.Write(a.Status.ToString());
            writer.Write('\n');
        }
    }

    /// <summary>Writes <paramref name="assignment"/> to the file at <paramref name="path"/>, creating its folder and replacing the file.</summary>
    /// <param name="path">The file, e.g. <c>out/assignment.csv</c>.</param>
    /// <param name="assignment">The assignment.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static void WriteFile(string path, AssignmentResult assignment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(assignment);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, assignment);
    }
}

using System.Globalization;
using System.Text;
using Territories.Journeys.Replanning;

namespace Territories.IO.Csv;

/// <summary>Writes a <see cref="PlanDiff"/> as CSV: one row per changed visit.</summary>
/// <remarks>
/// <para>
/// Columns, in this order: <c>account_id,change,from_position,from_day,from_sequence,to_position,to_day,to_sequence</c>.
/// <c>change</c> is <c>added</c>, <c>removed</c>, <c>moved-day</c>, <c>moved-position</c> or
/// <c>resequenced</c>; days are 0-based cycle days and sequences 1-based, as in
/// <see cref="JourneyPlanCsvWriter"/>; the "from" fields are empty for an added visit, the "to" fields
/// for a removed one. Rows in the order of <see cref="PlanDiff.Changes"/>.
/// </para>
/// <para>
/// Invariant culture, <c>\n</c> line ends, UTF-8 without byte-order mark for files; fields quoted
/// (RFC 4180) only when they hold a comma, a quote or a line break.
/// </para>
/// </remarks>
public static class PlanDiffCsvWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "account_id,change,from_position,from_day,from_sequence,to_position,to_day,to_sequence";

    /// <summary>Writes the changes of <paramref name="diff"/> to <paramref name="writer"/>, header first.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="diff">The diff.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, PlanDiff diff)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diff);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var change in diff.Changes)
        {
            writer.Write(JourneyPlanCsvWriter.Field(change.Account.Value));
            writer.Write(',');
            writer.Write(KindName(change.Kind));
            writer.Write(',');
            writer.Write(change.FromPosition is { } from ? JourneyPlanCsvWriter.Field(from.Value) : string.Empty);
            writer.Write(',');
            writer.Write(Number(change.FromDay));
            writer.Write(',');
            writer.Write(Number(change.FromSequence));
            writer.Write(',');
            writer.Write(change.ToPosition is { } to ? JourneyPlanCsvWriter.Field(to.Value) : string.Empty);
            writer.Write(',');
            writer.Write(Number(change.ToDay));
            writer.Write(',');
            writer.Write(Number(change.ToSequence));
            writer.Write('\n');
        }
    }

    /// <summary>Writes <paramref name="diff"/> to the file at <paramref name="path"/>, creating its folder and replacing the file.</summary>
    /// <param name="path">The file, e.g. <c>out/diff.csv</c>.</param>
    /// <param name="diff">The diff.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static void WriteFile(string path, PlanDiff diff)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(diff);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, diff);
    }

    /// <summary>The name of a change in the CSV and JSON files: <c>added</c>, <c>removed</c>, <c>moved-day</c>, <c>moved-position</c>, <c>resequenced</c>.</summary>
    internal static string KindName(PlanChangeKind kind) => kind switch
    {
        PlanChangeKind.Added => "added",
        PlanChangeKind.Removed => "removed",
        PlanChangeKind.MovedDay => "moved-day",
        PlanChangeKind.MovedPosition => "moved-position",
        _ => "resequenced",
    };

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}

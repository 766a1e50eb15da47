using System.Globalization;
using System.Text;
using Territories.Mix;

namespace Territories.IO.Csv;

/// <summary>Writes sales-mix allocations as CSV: one row per territory and activity.</summary>
/// <remarks>
/// <para>
/// Columns, in this order: <c>territory_id,activity,target_share,allocated_minutes,capacity_minutes</c>.
/// <c>target_share</c> is the activity's share in the target mix (round-trip precision);
/// <c>allocated_minutes</c> the whole minutes allocated to the activity; <c>capacity_minutes</c> the
/// territory's allocated capacity in minutes (its whole units times the unit's minutes), repeated on
/// every row of the territory. In every territory the allocated minutes add up exactly to the
/// capacity minutes.
/// </para>
/// <para>
/// Invariant culture, <c>\n</c> line ends, UTF-8 without byte-order mark for files; fields quoted
/// (RFC 4180) only when they hold a comma, a quote or a line break. Rows sorted by territory id,
/// then activity id (ordinal), whatever the order of the input.
/// </para>
/// </remarks>
public static class MixCsvWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "territory_id,activity,target_share,allocated_minutes,capacity_minutes";

    /// <summary>Writes <paramref name="allocations"/> to <paramref name="writer"/>, header first.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="allocations">The allocations, one per territory (for a whole model, <see cref="MixPlan.Allocations"/>).</param>
    /// <exception cref="ArgumentNullException">An argument or an allocation is null.</exception>
    public static void Write(TextWriter writer, IEnumerable<MixAllocation> allocations)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(allocations);
        var sorted = allocations.Select(a => a ?? throw new ArgumentNullException(nameof(allocations), "An allocation is null.")).OrderBy(a => a.Territory).ToList();
        writer.Write(Header);
        writer.Write('\n');
        foreach (var allocation in sorted)
        {
            var minutesPerUnit = allocation.Unit.Minutes;
            var capacity = (allocation.CapacityUnits * minutesPerUnit).ToString(CultureInfo.InvariantCulture);
            foreach (var activity in allocation.Activities.OrderBy(a => a.Activity, StringComparer.Ordinal))
            {
                writer.Write(JourneyPlanCsvWriter.Field(allocation.Territory.Value));
                writer.Write(',');
                writer.Write(JourneyPlanCsvWriter.Field(activity.Activity));
                writer.Write(',');
                writer.Write(activity.TargetShare.ToString("R", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write((activity.Units * minutesPerUnit).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(capacity);
                writer.Write('\n');
            }
        }
    }

    /// <summary>Writes <paramref name="allocations"/> to the file at <paramref name="path"/>, creating its folder and replacing the file.</summary>
    /// <param name="path">The file, e.g. <c>out/mix.csv</c>.</param>
    /// <param name="allocations">The allocations, one per territory.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static void WriteFile(string path, IEnumerable<MixAllocation> allocations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(allocations);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, allocations);
    }
}

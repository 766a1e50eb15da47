using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Territories.IO.Csv;
using Territories.Model;

namespace NationalPlan;

/// <summary>Writes the national run's files: accounts.csv, plan.csv (the Quickstart's columns), unplanned.csv.</summary>
internal static class OutputWriter
{
    public static void Write(string folder, ImmutableArray<Account> accounts, ImmutableArray<TerritoryPlanResult> plans)
    {
        Directory.CreateDirectory(folder);
        using (var writer = Create(Path.Combine(folder, "accounts.csv")))
        {
            writer.Write("id,lat,lon,visits_per_cycle,service_minutes,territory_id\n");
            foreach (var a in accounts)
            {
                writer.Write(Invariant($"{a.Id.Value},{a.Location.Latitude:0.######},{a.Location.Longitude:0.######},{a.Visit?.Frequency?.VisitsPerCycle(NationalSetup.Cycle) ?? 0},{a.ServiceTime.TotalMinutes:0},{a.Territory?.Value}\n"));
            }
        }

        // Each territory's rows were written by JourneyPlanCsvWriter on its worker; positions are one per
        // territory, so rows in territory order are the writer's order (position, then day).
        using (var writer = Create(Path.Combine(folder, "plan.csv")))
        {
            writer.Write(JourneyPlanCsvWriter.Header);
            writer.Write('\n');
            foreach (var plan in plans)
            {
                writer.Write(plan.PlanRows);
            }
        }

        using (var writer = Create(Path.Combine(folder, "unplanned.csv")))
        {
            writer.Write("account_id,territory_id,reason,visits,message\n");
            foreach (var plan in plans)
            {
                foreach (var u in plan.Unplanned)
                {
                    writer.Write(Invariant($"{u.AccountId},{plan.TerritoryId},{u.Reason},{u.Visits},\"{u.Message.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n"));
                }
            }
        }
    }

    private static StreamWriter Create(string path) => new(path, append: false, new UTF8Encoding(false), 1 << 16);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

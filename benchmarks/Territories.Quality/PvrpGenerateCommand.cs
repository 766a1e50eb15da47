using System.Globalization;
using System.Text.Json;

namespace Territories.Quality;

/// <summary>
/// <c>pvrp-generate</c>: writes realistic beat-plan instances (<see cref="BeatPlanInstance"/>) in Cordeau's
/// PVRP format, one file, or with <c>--set</c> the fixed family of 100, 300, 600, 1000 and 1500 accounts
/// over 20 and 24 days; prints one JSON line per file with its size and estimated utilisation.
/// </summary>
/// <remarks>
/// Files in a set are named <c>beat-NNNN-TT.txt</c> and generated with seed <c>S·100000 + N·100 + T</c>,
/// so that each file depends only on the base seed and its own size.
/// </remarks>
internal sealed class PvrpGenerateCommand : ICommand
{
    private static readonly int[] SetAccounts = [100, 300, 600, 1000, 1500];
    private static readonly int[] SetDays = [20, 24];

    public string Name => "pvrp-generate";

    public string Usage => "pvrp-generate (--accounts N --days 20|24 --out FILE | --set DIR) [--seed S]";

    public int Run(Options options)
    {
        var seed = options.Int("seed", 1);
        var set = options.Optional("set");
        if (set is not null)
        {
            Directory.CreateDirectory(set);
            foreach (var accounts in SetAccounts)
            {
                foreach (var days in SetDays)
                {
                    var file = Path.Combine(set, string.Create(CultureInfo.InvariantCulture, $"beat-{accounts:0000}-{days}.txt"));
                    Write(BeatPlanInstance.Generate(accounts, days, (seed * 100000) + (accounts * 100) + days), file);
                }
            }

            return 0;
        }

        var instance = BeatPlanInstance.Generate(options.Int("accounts", 0), options.Int("days", 0), seed);
        Write(instance, options.Required("out"));
        return 0;
    }

    private static void Write(BeatPlanInstance instance, string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(file, instance.ToCordeau());
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["file"] = file,
            ["n"] = instance.Accounts,
            ["t"] = instance.Days,
            ["m"] = instance.Vehicles,
            ["Q"] = instance.Capacity,
            ["visits"] = instance.Visits,
            ["service_minutes"] = instance.ServiceMinutes,
            ["estimated_travel_minutes"] = Math.Round(instance.EstimatedTravelMinutes, 1),
            ["estimated_utilisation"] = Math.Round(instance.EstimatedUtilisation, 3),
        }));
    }
}

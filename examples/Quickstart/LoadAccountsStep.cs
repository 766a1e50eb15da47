using Territories.IO;
using Territories.IO.Csv;
using Territories.Model;

namespace Quickstart;

/// <summary>
/// Step 1b: accounts from CSV. Population is the potential, county_id the territory. The class
/// follows from population and the visit frequency from the class (see <see cref="Classes"/>).
/// </summary>
internal static class LoadAccountsStep
{
    /// <summary>The class rules, highest first: minimum population, class, visits.</summary>
    public static readonly (decimal MinimumPopulation, string Class, VisitFrequency Frequency, string Rhythm)[] Classes =
    [
        (50_000, "A", VisitFrequency.PerWeek(1), "weekly"),
        (10_000, "B", VisitFrequency.EveryWeeks(2), "fortnightly"),
        (0, "C", VisitFrequency.EveryWeeks(4), "monthly"),
    ];

    public static ReadResult<Account> Run(string path)
    {
        var options = new AccountCsvOptions { PotentialColumn = "population", TerritoryColumn = "county_id" };
        foreach (var (minimum, cls, frequency, _) in Classes)
        {
            options.ClassThresholds.Add(new ClassThreshold(cls, minimum));
            options.ClassFrequencies[cls] = frequency;
        }

        return new AccountCsvReader(options).ReadFile(path);
    }
}

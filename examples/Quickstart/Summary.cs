using System.Globalization;
using OneOf;
using Territories.IO;
using Territories.Model;

namespace Quickstart;

/// <summary>Step 1e: a readable summary of what was read and built.</summary>
internal sealed class Summary(TextWriter output)
{
    private const int ExamplesPerCode = 3;

    public void PrintInputs(QuickstartArguments arguments, ReadResult<Territory> territories, ReadResult<Account> accounts, Staffing staffing)
    {
        output.WriteLine("Territories quickstart");
        output.WriteLine();
        PrintRead("Territories", arguments.TerritoriesPath, territories.Items.Length, territories.Errors);
        PrintRead("Accounts", arguments.AccountsPath, accounts.Items.Length, accounts.Errors);
        var based = staffing.Positions.Count(p => p.Base is not null);
        output.WriteLine(Invariant($"Positions    {staffing.Positions.Length,6} (one representative per territory; {based} based at their territory's largest account)"));
        output.WriteLine();
    }

    public void PrintAccountClasses(IReadOnlyList<Account> accounts)
    {
        output.WriteLine("Accounts per class (class from population, visits from class)");
        foreach (var (minimum, cls, frequency, rhythm) in LoadAccountsStep.Classes)
        {
            var count = accounts.Count(a => a.Class == cls);
            output.WriteLine(Invariant($"  {cls}  population >= {minimum,7:N0}  {rhythm,-12} {$"({frequency})",-16} {count,5} accounts"));
        }

        output.WriteLine();
    }

    public void PrintTopTerritories(Staffing staffing, IReadOnlyList<Account> accounts, int count)
    {
        var byTerritory = accounts.Where(a => a.Territory is not null).ToLookup(a => a.Territory!.Value);
        var positions = staffing.Positions.ToDictionary(p => p.Id);
        output.WriteLine(Invariant($"Top {count} territories by accounts"));
        output.WriteLine("  id      name              accounts    A    B    C   potential  base");
        var top = staffing.Territories
            .OrderByDescending(t => byTerritory[t.Id].Count())
            .ThenBy(t => t.Id)
            .Take(count);
        foreach (var territory in top)
        {
            var own = byTerritory[territory.Id].ToList();
            var home = positions[territory.Positions[0]].Base;
            var baseName = own.FirstOrDefault(a => a.Location == home)?.Name ?? "-";
            output.WriteLine(Invariant(
                $"  {territory.Id,-7} {territory.Name ?? "",-17} {own.Count,8} {own.Count(a => a.Class == "A"),4} {own.Count(a => a.Class == "B"),4} {own.Count(a => a.Class == "C"),4} {own.Sum(a => a.Potential),11:N0}  {baseName}"));
        }

        output.WriteLine();
    }

    public void PrintModel(OneOf<SalesModel, ModelValidationFailure> model) =>
        model.Switch(
            valid => output.WriteLine(Invariant(
                $"Sales model: valid. {valid.Territories.Length} territories, {valid.Accounts.Length} accounts ({valid.Accounts.Count(a => a.Visit is not null)} to visit), {valid.Positions.Length} positions, cycle {valid.Cycle}.")),
            failure =>
            {
                output.WriteLine(Invariant($"Sales model: {failure.Errors.Length} validation error(s)"));
                foreach (var group in failure.Errors.GroupBy(e => e.Code).OrderBy(g => g.Key))
                {
                    output.WriteLine(Invariant($"  {group.Key} ({group.Count()})"));
                    foreach (var error in group.Take(ExamplesPerCode))
                    {
                        output.WriteLine($"    {error.Kind} {string.Join(", ", error.Ids)} {error.Field}: {error.Message}");
                    }
                }
            });

    private void PrintRead(string what, string path, int read, IReadOnlyList<ReadError> errors)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
        output.WriteLine(Invariant($"{what,-12} {read,6} read from {shown}{(errors.Count == 0 ? ", no problems" : $", {errors.Count} problem(s):")}"));
        foreach (var group in errors.GroupBy(e => e.Code).OrderBy(g => g.Key))
        {
            output.WriteLine(Invariant($"  {group.Key} ({group.Count()})"));
            foreach (var error in group.Take(ExamplesPerCode))
            {
                output.WriteLine($"    {error}");
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

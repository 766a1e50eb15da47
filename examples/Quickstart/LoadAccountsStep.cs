using Territories.IO;
using Territories.IO.Csv;
using Territories.Model;

namespace Quickstart;

/// <summary>Step 1: the places (towns and villages) from CSV, population as potential; every bad row is reported by line and field.</summary>
internal static class LoadAccountsStep
{
    public static ReadResult<Account> Run(string path) =>
        new AccountCsvReader(new AccountCsvOptions { PotentialColumn = "population", TerritoryColumn = "county_id" }).ReadFile(path);
}

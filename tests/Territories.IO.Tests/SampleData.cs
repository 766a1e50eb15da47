namespace Territories.IO.Tests;

/// <summary>Finds the repository's sample data by walking up from the test binaries.</summary>
internal static class SampleData
{
    public static string Ohio(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "data", "sample-ohio", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"examples/data/sample-ohio/{file} not found above {AppContext.BaseDirectory}.");
    }
}

namespace PostGis;

/// <summary>Finds the repository's sample data, whatever the working directory.</summary>
internal static class SampleData
{
    /// <summary>The path of <paramref name="file"/> in examples/data/sample-ohio, found by walking up from the program's folder; null when not found.</summary>
    public static string? Find(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "data", "sample-ohio", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

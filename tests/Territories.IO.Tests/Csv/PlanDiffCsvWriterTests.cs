using Territories.IO.Csv;

namespace Territories.IO.Tests.Csv;

public class PlanDiffCsvWriterTests
{
    [Fact]
    public void Write_DiffWithEveryKind_OneRowPerChangeSortedByAccountWithEmptyMissingSide()
    {
        using var writer = new StringWriter();

        PlanDiffCsvWriter.Write(writer, PlanDiffSample.Diff());

        Assert.Equal(
            PlanDiffCsvWriter.Header + "\n"
            + "a,resequenced,p1,0,1,p1,0,4\n"
            + "b2,moved-position,p1,0,5,p2,0,1\n"
            + "e,moved-day,p1,1,1,p1,2,1\n"
            + "gone,removed,p1,1,2,,,\n"
            + "\"new,1\",added,,,,p2,1,2\n",
            writer.ToString());
    }

    [Fact]
    public void WriteFile_NewFolder_WritesTheSameBytesAsWrite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "territories-diff-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "out", "diff.csv");
        try
        {
            PlanDiffCsvWriter.WriteFile(path, PlanDiffSample.Diff());
            using var writer = new StringWriter();
            PlanDiffCsvWriter.Write(writer, PlanDiffSample.Diff());
            Assert.Equal(writer.ToString(), File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

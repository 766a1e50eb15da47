using Territories.Workload;

namespace Quickstart;

/// <summary>Step 5: the sales mix of every designed territory (filled in when the mix API lands).</summary>
internal static class MixStep
{
    public static void Run(AlignmentResult result, TextWriter output) => output.WriteLine($"  {result.Positions.Length} territories");
}

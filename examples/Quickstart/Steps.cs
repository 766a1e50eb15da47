using System.Diagnostics;
using System.Globalization;

namespace Quickstart;

/// <summary>Numbered step lines with the time since the program started.</summary>
internal sealed class Steps(TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _step;

    /// <summary>Time since the program started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Begin(string what)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,5:0.0} s] Step {++_step}: {what}"));
    }
}

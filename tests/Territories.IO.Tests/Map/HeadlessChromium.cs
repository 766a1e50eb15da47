using System.Diagnostics;
using System.Text.RegularExpressions;
using Territories.Tests.Shared;

namespace Territories.IO.Tests.Map;

/// <summary>Opens a local HTML file in headless Chromium and returns the DOM after the page's scripts ran.</summary>
internal static partial class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The command that installs what the browser tests need, as the messages give it.</summary>
    public const string InstallCommand = "sudo apt-get install chromium fonts-dejavu-core (or, as root, .ci/install-deps, which CI runs)";

    /// <summary>
    /// When Chromium is missing, skips the test saying how to install it, so that <c>dotnet test</c> passes on a
    /// machine with only the .NET SDK; under <c>CI=true</c> fails it instead, as CI installs Chromium: a browser
    /// test never passes silently, and never skips in CI.
    /// </summary>
    public static void Require() => Require(File.Exists(ExecutablePath), OutsideProgram.InCi);

    /// <summary>Passes when Chromium is there, else skips the test (or, under CI, fails it) with the reason and the install command.</summary>
    public static void Require(bool chromiumPresent, bool ci) =>
        OutsideProgram.Require(chromiumPresent, ci, "browser test", $"needs Chromium at {ExecutablePath}, which is missing; install it with: {InstallCommand}");

    /// <summary>Loads the page (with an address fragment such as "#day=2", or "") and returns the serialised DOM; also saves a screenshot when a path is given.</summary>
    public static async Task<string> DumpDomAsync(string htmlPath, string fragment, string? screenshotPath, CancellationToken cancellationToken)
    {
        Require();
        var profile = Directory.CreateTempSubdirectory("territories-chromium-");
        try
        {
            var url = new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri + fragment;
            List<string> arguments = ["--dump-dom"];
            if (screenshotPath is not null)
            {
                File.Delete(screenshotPath);
                arguments.AddRange(["--screenshot=" + Path.GetFullPath(screenshotPath), "--hide-scrollbars"]);
            }

            // One run both dumps the DOM and takes the screenshot: a browser start is the slow part.
            var dom = await RunAsync(profile.FullName, [.. arguments, url], cancellationToken);
            if (screenshotPath is not null)
            {
                Assert.True(File.Exists(screenshotPath), $"Chromium wrote no screenshot to {screenshotPath}.");
            }

            return dom;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helper processes may still hold the profile for a moment; a temp folder can stay.
            }
        }
    }

    /// <summary>The attributes of the map's status element, from a dumped DOM.</summary>
    public static Dictionary<string, string> StatusAttributes(string dom) => DataAttributes(dom, "map-status");

    /// <summary>The data-* attributes of the element with the given id, from a dumped DOM.</summary>
    public static Dictionary<string, string> DataAttributes(string dom, string id)
    {
        var element = Regex.Match(dom, "<[a-z]+[^>]*\\sid=\"" + Regex.Escape(id) + "\"[^>]*>");
        Assert.True(element.Success, $"The dumped DOM has no #{id} element.");
        return Attribute().Matches(element.Value).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.Ordinal);
    }

    /// <summary>The values of one attribute on every element of a dumped DOM that has it.</summary>
    public static List<string> AttributeValues(string dom, string name) =>
        [.. Regex.Matches(dom, "\\s" + Regex.Escape(name) + "=\"([^\"]*)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static async Task<string> RunAsync(string profile, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1400,900",
            // Lets animation frames and short timers run before the DOM is dumped.
            "--virtual-time-budget=2000",
            .. arguments,
        ])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{ExecutablePath} did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Chromium did not finish within {Timeout.TotalSeconds} s.");
        }

        var dom = await output;
        Assert.True(process.ExitCode == 0, $"Chromium exited with code {process.ExitCode}: {await errors}");
        return dom;
    }

    [GeneratedRegex("\\sdata-([a-z-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}

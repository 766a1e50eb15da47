namespace Territories.Tests.Shared;

/// <summary>
/// The one rule for tests that need a program outside the .NET SDK (Chromium, a PostgreSQL server):
/// when it is missing they skip with the reason and the install command, so that <c>dotnet test</c>
/// passes on a machine with only the SDK; under <c>CI=true</c> they fail instead, as CI installs and
/// starts them: such a test never passes silently, and never skips in CI. Linked into each test
/// project that has such tests.
/// </summary>
internal static class OutsideProgram
{
    /// <summary>Whether a value of the CI environment variable means a CI run ("true" or "1", as CI services set it).</summary>
    public static bool IsCi(string? value) =>
        string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase) || value?.Trim() == "1";

    /// <summary>Whether this is a CI run, by the CI environment variable.</summary>
    public static bool InCi => IsCi(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Passes when <paramref name="present"/>, else skips the test (or, under <paramref name="ci"/>, fails it).</summary>
    /// <param name="present">Whether the program is there.</param>
    /// <param name="ci">Whether this is a CI run.</param>
    /// <param name="test">What kind of test this is, for the message ("browser test").</param>
    /// <param name="reason">What it needs and how to install it.</param>
    public static void Require(bool present, bool ci, string test, string reason)
    {
        if (present)
        {
            return;
        }

        if (ci)
        {
            Assert.Fail($"CI=true and this {test} {reason}.");
        }

        Assert.Skip($"This {test} {reason}.");
    }
}

using Territories.Tests.Shared;
using Xunit.Sdk;

namespace Territories.IO.Tests.Map;

/// <summary>What the browser tests do when Chromium is missing: skip on a developer's machine, fail under CI.</summary>
public sealed class HeadlessChromiumRequireTests
{
    [Fact]
    public void Require_ChromiumMissingOutsideCi_SkipsSayingWhereAndHowToInstall()
    {
        var skip = Assert.IsType<SkipException>(Thrown(() => HeadlessChromium.Require(chromiumPresent: false, ci: false)));

        Assert.Contains(HeadlessChromium.ExecutablePath, skip.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium fonts-dejavu-core", skip.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/install-deps", skip.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', skip.Message);
    }

    [Fact]
    public void Require_ChromiumMissingUnderCi_Fails()
    {
        var failure = Assert.IsType<FailException>(Thrown(() => HeadlessChromium.Require(chromiumPresent: false, ci: true)));

        Assert.Contains("CI=true", failure.Message, StringComparison.Ordinal);
        Assert.Contains(HeadlessChromium.ExecutablePath, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Require_ChromiumPresent_Passes(bool ci)
    {
        Assert.Null(Thrown(() => HeadlessChromium.Require(chromiumPresent: true, ci)));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    public void IsCi_ValueOfTheCiVariable_TrueOnlyForTrueOrOne(string? value, bool expected)
    {
        Assert.Equal(expected, OutsideProgram.IsCi(value));
    }

    // Assert.Throws and Record.Exception pass a skip on (the test would then be reported skipped, not failed),
    // so the exception is caught here, whatever its type.
    private static Exception? Thrown(Action action)
    {
        try
        {
            action();
            return null;
        }
#pragma warning disable CA1031 // Any exception is the result under test.
        catch (Exception thrown)
#pragma warning restore CA1031
        {
            return thrown;
        }
    }
}

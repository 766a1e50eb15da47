using Territories.Tests.Shared;
using Xunit.Sdk;

namespace Territories.PostGis.Tests;

/// <summary>What the PostGIS tests do when no server is configured: skip on a developer's machine, fail under CI.</summary>
public sealed class PostgresServerRequireTests
{
    [Fact]
    public void Require_NoServerOutsideCi_SkipsSayingWhichVariableAndHowToInstall()
    {
        var skip = Assert.IsType<SkipException>(Thrown(() => PostgresServer.Require(connectionString: null, ci: false)));

        Assert.Contains("TERRITORIES_PG", skip.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql postgis", skip.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/install-deps", skip.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', skip.Message);
    }

    [Fact]
    public void Require_NoServerUnderCi_Fails()
    {
        var failure = Assert.IsType<FailException>(Thrown(() => PostgresServer.Require(connectionString: null, ci: true)));

        Assert.Contains("CI=true", failure.Message, StringComparison.Ordinal);
        Assert.Contains("TERRITORIES_PG", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Require_ServerConfigured_ReturnsItsConnectionString(bool ci)
    {
        Assert.Equal("Host=db;Database=x", PostgresServer.Require("Host=db;Database=x", ci));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData(null, false)]
    [InlineData("false", false)]
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

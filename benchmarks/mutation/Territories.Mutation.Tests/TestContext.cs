namespace Xunit;

/// <summary>
/// The one piece of xunit.v3 the compiled tests use that xUnit v2 lacks: the current test's
/// cancellation token. Here it never fires; the tests only pass it on to the code under test.
/// </summary>
internal sealed class TestContext
{
    private TestContext()
    {
    }

    /// <summary>The context of the running test.</summary>
    public static TestContext Current { get; } = new();

    /// <summary>A token that is never cancelled.</summary>
#pragma warning disable CA1822 // xunit.v3 exposes it as an instance member
    public CancellationToken CancellationToken => CancellationToken.None;
#pragma warning restore CA1822
}

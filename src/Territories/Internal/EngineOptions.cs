namespace Territories.Internal;

/// <summary>
/// Options an engine or reader takes: mutable until the engine is built, then copied and checked once
/// through <see cref="EngineOptions.Checked{T}(T, string)"/>, the one way the SDK validates and copies
/// options.
/// </summary>
/// <typeparam name="TSelf">The options type.</typeparam>
internal interface IEngineOptions<TSelf>
    where TSelf : class, IEngineOptions<TSelf>, new()
{
    /// <summary>Every failure of these options, one sentence each naming the option; empty when they are sound.</summary>
    IReadOnlyList<string> Validate();

    /// <summary>A copy that later changes to these options do not reach (collections and nested options copied too).</summary>
    TSelf Copy();
}

/// <summary>Checks and copies options the one way (see <see cref="IEngineOptions{TSelf}"/>).</summary>
internal static class EngineOptions
{
    /// <summary>
    /// The options an engine keeps: <paramref name="options"/> (the defaults when null) checked, every
    /// failure reported in one exception, then copied.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not sound; the message lists every failure.</exception>
    public static T Checked<T>(T? options, string parameterName = "options")
        where T : class, IEngineOptions<T>, new()
    {
        options ??= new T();
        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException($"Invalid {typeof(T).Name}: {string.Join(" ", failures)}", parameterName);
        }

        return options.Copy();
    }

    /// <summary>A copy of <paramref name="options"/> that later changes to them do not reach (no check).</summary>
    public static T CopyOf<T>(T options)
        where T : class, IEngineOptions<T>, new() => options.Copy();
}

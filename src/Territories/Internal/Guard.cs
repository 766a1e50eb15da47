using System.Runtime.CompilerServices;

namespace Territories.Internal;

/// <summary>
/// The one place that turns a programmer's mistake at a public boundary into an
/// <see cref="ArgumentException"/>-family exception. Expected domain outcomes never come through here.
/// </summary>
internal static class Guard
{
    public static T NotNull<T>([System.Diagnostics.CodeAnalysis.NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        return value;
    }

    public static string NotNullOrWhiteSpace([System.Diagnostics.CodeAnalysis.NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Value must not be empty or white space.", name);
        }

        return value;
    }

    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Value must be a finite number.");
        }

        return value;
    }

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Value must be a finite number greater than zero.");
        }

        return value;
    }

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Value must be a finite number, zero or more.");
        }

        return value;
    }

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Value must be greater than zero.");
        }

        return value;
    }

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Value must be zero or more.");
        }

        return value;
    }

    public static TimeSpan Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "Duration must be greater than zero.");
        }

        return value;
    }

    public static TimeSpan NonNegative(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "Duration must be zero or more.");
        }

        return value;
    }

    public static void That(bool condition, string message, string? name)
    {
        if (!condition)
        {
            throw new ArgumentException(message, name);
        }
    }

    /// <summary>
    /// As <see cref="That(bool, string, string?)"/> for an interpolated message, which is formatted
    /// (invariant culture) only when the condition fails: checks in loops over many items cost nothing
    /// when they pass.
    /// </summary>
    public static void That(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message, string? name)
    {
        if (!condition)
        {
            throw new ArgumentException(message.ToStringAndClear(), name);
        }
    }

    /// <summary>Builds a <see cref="That(bool, ref FailureMessage, string?)"/> message only when its condition is false.</summary>
    [InterpolatedStringHandler]
    public ref struct FailureMessage
    {
        private DefaultInterpolatedStringHandler _text;

        public FailureMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
        {
            shouldAppend = !condition;
            _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, System.Globalization.CultureInfo.InvariantCulture) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

        public void AppendFormatted<T>(T value, int alignment) => _text.AppendFormatted(value, alignment);

        public void AppendFormatted<T>(T value, int alignment, string? format) => _text.AppendFormatted(value, alignment, format);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }
}

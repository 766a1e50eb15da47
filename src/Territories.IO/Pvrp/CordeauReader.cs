using System.Collections.Immutable;
using System.Globalization;

namespace Territories.IO.Pvrp;

/// <summary>Reads periodic vehicle routing instances in Cordeau's format (whitespace-separated numbers).</summary>
/// <remarks>
/// <para>
/// The format: <c>type m n t</c>; then t lines <c>D Q</c> (one per day; the last is kept, as they are
/// identical in every published file); then n + 1 node lines <c>i x y d q f a c₁ … cₐ</c>, the depot
/// first. Lines may have leading spaces and any line ends; tokens may wrap across lines.
/// </para>
/// <para>
/// Every problem is a <see cref="ReadError"/> with the 1-based line of the token at fault and, for a
/// node, its number as the id: a token that is not a number (<see cref="ReadErrorCode.InvalidNumber"/>),
/// the file ending early (<see cref="ReadErrorCode.MissingValue"/>), a count that is not a positive
/// whole number, a node numbered out of order or a combination code that names no day of the period
/// (<see cref="ReadErrorCode.InvalidValue"/>), a duration (D, d) or a load (Q, q) that is negative
/// or a duration above 10⁹, more than 10,000 vehicles. An instance with any problem is not returned;
/// a file that stops early (also one that declares more customers or combinations than it holds)
/// reports that one problem, and memory follows the file's size, not the counts it declares. Stateless and thread-safe; linear in the file's size.
/// </para>
/// </remarks>
public static class CordeauReader
{
    /// <summary>Reads the instance file at <paramref name="path"/>, named after the file without its extension.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The instance (one item) or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static ReadResult<CordeauInstance> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads an instance held in a string.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="name">The instance name (such as <c>p01</c>).</param>
    /// <returns>The instance (one item) or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="name"/> is null.</exception>
    public static ReadResult<CordeauInstance> Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        var tokens = new Tokens(text);
        if (tokens.Length == 0)
        {
            return new ReadResult<CordeauInstance>([], [new ReadError(ReadErrorCode.EmptyFile, null, null, null, null, null, "The file is empty.")]);
        }

        try
        {
            var instance = Read(tokens, name);
            return tokens.Errors.Count > 0 ? new ReadResult<CordeauInstance>([], [.. tokens.Errors]) : new ReadResult<CordeauInstance>([instance], []);
        }
        catch (EndOfFileException)
        {
            return new ReadResult<CordeauInstance>([], [.. tokens.Errors]);
        }
    }

    private static CordeauInstance Read(Tokens tokens, string name)
    {
        _ = tokens.Number(null, "type");
        var m = tokens.Whole(null, "m", 1);
        if (m > MaxVehicles)
        {
            tokens.Invalid(null, "m", $"{m} vehicles a day: at most {MaxVehicles:N0} are supported.");
            m = 1;
        }

        var n = tokens.Whole(null, "n", 0);
        var t = tokens.Whole(null, "t", 1);
        if (t > 30)
        {
            tokens.Invalid(null, "t", $"{t} days: at most 30 are supported.");
        }

        double duration = 0, capacity = 0;
        for (var d = 0; d < t; d++)
        {
            duration = tokens.Number(null, "D");
            tokens.Range(null, "D", duration, MaxSeconds);
            capacity = tokens.Number(null, "Q");
            tokens.Range(null, "Q", capacity, double.MaxValue);
        }

        // Each node line holds at least seven numbers: the list is sized by what the rest of the file
        // can hold, never by the count it declares (a huge count ends as a file that ends early).
        var nodes = ImmutableArray.CreateBuilder<CordeauCustomer>(Math.Min(n, tokens.Remaining / NodeFields) + 1);
        for (var i = 0; i <= n; i++)
        {
            var node = i.ToString(CultureInfo.InvariantCulture);
            var id = tokens.Whole(node, "i", 0);
            if (id != i)
            {
                tokens.Invalid(node, "i", $"Node {id} stands where node {i} is expected.");
            }

            var x = tokens.Number(node, "x");
            var y = tokens.Number(node, "y");
            var service = tokens.Number(node, "d");
            tokens.Range(node, "d", service, MaxSeconds);
            var demand = tokens.Number(node, "q");
            tokens.Range(node, "q", demand, double.MaxValue);
            _ = tokens.Number(node, "f");
            var a = tokens.Whole(node, "a", 0);
            var codes = new int[Math.Min(a, tokens.Remaining)];
            for (var j = 0; j < a; j++)
            {
                codes[j] = tokens.Whole(node, "c", 0);
                if (t <= 30 && (codes[j] <= 0 || codes[j] >= 1 << t))
                {
                    tokens.Invalid(node, "c", $"Node {i}: combination code {codes[j]} names no day of a {t}-day period (1 to {(1 << t) - 1}).");
                }
            }

            nodes.Add(new CordeauCustomer(i, x, y, service, demand, [.. codes]));
        }

        return new CordeauInstance(name, m, n, t, duration, capacity, nodes.ToImmutable());
    }

    /// <summary>The most vehicles a day an instance may have (the published ones have at most 20).</summary>
    private const int MaxVehicles = 10_000;

    /// <summary>The longest duration (D, d) read, in seconds (about 31 years): beyond it no <see cref="TimeSpan"/> arithmetic is safe.</summary>
    private const double MaxSeconds = 1e9;

    /// <summary>The fewest numbers a node line holds: <c>i x y d q f a</c>.</summary>
    private const int NodeFields = 7;

    private sealed class EndOfFileException : Exception
    {
    }

    /// <summary>The file's tokens with their lines, read in turn, and the problems found.</summary>
    private sealed class Tokens
    {
        private readonly List<(string Text, int Line)> _tokens = [];
        private int _next;

        public Tokens(string text)
        {
            var line = 0;
            foreach (var row in text.Split('\n'))
            {
                line++;
                foreach (var token in row.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    _tokens.Add((token, line));
                }
            }
        }

        public int Length => _tokens.Count;

        public int Remaining => _tokens.Count - _next;

        /// <summary>Reports <paramref name="value"/> when it is negative or above <paramref name="maximum"/>.</summary>
        public void Range(string? node, string field, double value, double maximum)
        {
            if (value < 0 || value > maximum)
            {
                Invalid(node, field, $"'{_tokens[_next - 1].Text}' for '{field}' is not between 0 and {maximum:G3}.");
            }
        }

        public List<ReadError> Errors { get; } = [];

        private int Line => _tokens[Math.Max(0, _next - 1)].Line;

        public double Number(string? node, string field)
        {
            if (_next >= _tokens.Count)
            {
                Errors.Add(new ReadError(ReadErrorCode.MissingValue, _tokens[^1].Line, null, node, field, null,
                    node is null ? $"The file ends before '{field}'." : $"The file ends before '{field}' of node {node}."));
                throw new EndOfFileException();
            }

            var (text, line) = _tokens[_next++];
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }

            Errors.Add(new ReadError(ReadErrorCode.InvalidNumber, line, null, node, field, text, $"'{text}' for '{field}' is not a number."));
            return 0;
        }

        public int Whole(string? node, string field, int minimum)
        {
            var value = Number(node, field);
            if (value != Math.Floor(value) || value < minimum || value > int.MaxValue)
            {
                Invalid(node, field, $"'{_tokens[_next - 1].Text}' for '{field}' is not a whole number of at least {minimum}.");
                return minimum;
            }

            return (int)value;
        }

        public void Invalid(string? node, string field, string message) =>
            Errors.Add(new ReadError(ReadErrorCode.InvalidValue, Line, null, node, field, _tokens[Math.Max(0, _next - 1)].Text, message));
    }
}

using System.Globalization;

namespace Territories.Quality;

/// <summary>The <c>--name value</c> options of a subcommand.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values;

    private Options(Dictionary<string, string> values) => _values = values;

    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    values[pending] = "true";
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new UsageException($"Unexpected argument '{arg}'.");
            }
        }

        if (pending is not null)
        {
            values[pending] = "true";
        }

        return new Options(values);
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new UsageException($"Missing --{name}.");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && v != "false";

    public double Double(string name, double fallback) =>
        _values.TryGetValue(name, out var v)
            ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new UsageException($"--{name} must be a number, not '{v}'.")
            : fallback;

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v)
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw new UsageException($"--{name} must be an integer, not '{v}'.")
            : fallback;
}

using System.Globalization;

namespace Territories.IO.Map;

/// <summary>One named figure shown for a territory on the sales map and written as a GeoJSON property: a number or a text.</summary>
/// <remarks>
/// Exactly one of <see cref="Number"/> and <see cref="Text"/> is set. Numbers are finite. The name says
/// the unit where the number carries one (<c>workloadHours</c>, <c>travelKm</c>). Create through
/// <see cref="FromNumber"/> or <see cref="FromText"/>; a <c>default</c> value (no name) is rejected by
/// <see cref="SalesMapData"/>. Equality is by value.
/// </remarks>
public readonly record struct MapMetric
{
    private MapMetric(string name, double? number, string? text)
    {
        Name = name;
        Number = number;
        Text = text;
    }

    /// <summary>The property name; not empty.</summary>
    public string Name { get; }

    /// <summary>The value when it is a number; null when it is a text.</summary>
    public double? Number { get; }

    /// <summary>The value when it is a text; null when it is a number.</summary>
    public string? Text { get; }

    /// <summary>A numeric metric.</summary>
    /// <exception cref="ArgumentException">The name is empty or white space, or the value is not finite.</exception>
    public static MapMetric FromNumber(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Metric '{name}' has the value {value.ToString(CultureInfo.InvariantCulture)}; a metric is a finite number.", nameof(value));
        }

        return new MapMetric(name, value, null);
    }

    /// <summary>A text metric (a strategy, a status).</summary>
    /// <exception cref="ArgumentException">The name is empty or white space.</exception>
    public static MapMetric FromText(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return new MapMetric(name, null, value);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Number is { } n ? string.Create(CultureInfo.InvariantCulture, $"{Name} = {n}") : $"{Name} = {Text}";
}

using Territories.Internal;

namespace Territories.IO.Design;

/// <summary>Which column or property holds a design unit's id, and which hold its attributes.</summary>
/// <remarks>Mutable until passed to a <see cref="DesignUnitReader"/>, which validates and copies it.</remarks>
public sealed class DesignUnitReaderOptions : IEngineOptions<DesignUnitReaderOptions>
{
    /// <summary>
    /// The CSV column or GeoJSON property holding the unit id (matched exactly, else ignoring case);
    /// <c>id</c> by default. A GeoJSON feature without it falls back to the feature's own <c>id</c>.
    /// </summary>
    public string IdProperty { get; set; } = "id";

    /// <summary>
    /// The columns or properties holding the attributes to balance, in order (matched exactly, else
    /// ignoring case); at least one, none blank or repeated. Empty by default, so it must be set.
    /// </summary>
    public IList<string> Attributes { get; set; } = [];

    /// <summary>Every problem of these options; empty when they are sound.</summary>
    IReadOnlyList<string> IEngineOptions<DesignUnitReaderOptions>.Validate()
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(IdProperty))
        {
            failures.Add("IdProperty must name a column or property.");
        }

        if (Attributes is null || Attributes.Count == 0)
        {
            failures.Add("Attributes must name at least one column or property.");
        }
        else
        {
            if (Attributes.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add("Attributes must not hold a blank name.");
            }

            if (Attributes.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Attributes.Count(a => !string.IsNullOrWhiteSpace(a)))
            {
                failures.Add("Attributes must not name a column twice.");
            }
        }

        return failures;
    }

    DesignUnitReaderOptions IEngineOptions<DesignUnitReaderOptions>.Copy() => new() { IdProperty = IdProperty, Attributes = [.. Attributes] };
}

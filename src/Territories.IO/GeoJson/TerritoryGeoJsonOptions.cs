using Territories.Internal;
using Territories.Model;

namespace Territories.IO.GeoJson;

/// <summary>Which GeoJSON feature properties hold a territory's id, name, parent and level.</summary>
/// <remarks>
/// Mutable until a <see cref="TerritoryGeoJsonReader"/> is built from it; the reader validates it
/// once, reporting every failure, and keeps a copy. Property names are matched exactly (ordinal,
/// case-sensitive), as GeoJSON keys are.
/// </remarks>
public sealed class TerritoryGeoJsonOptions : IEngineOptions<TerritoryGeoJsonOptions>
{
    /// <summary>
    /// The property holding the territory id; null (the default) to use the feature's own <c>id</c>
    /// member. Strings and numbers are accepted (a number is kept as written).
    /// </summary>
    public string? IdProperty { get; set; }

    /// <summary>The property holding the display name; <c>name</c> by default; null to read no name.</summary>
    public string? NameProperty { get; set; } = "name";

    /// <summary>The property holding the parent territory's id; <c>parent</c> by default; null to read no parent.</summary>
    public string? ParentProperty { get; set; } = "parent";

    /// <summary>The property holding the hierarchy level; <c>level</c> by default; null to read no level.</summary>
    public string? LevelProperty { get; set; } = "level";

    /// <summary>The level of a territory whose feature has no level; <see cref="SalesModel.TerritoryLevel"/> (<c>territory</c>) by default.</summary>
    public string DefaultLevel { get; set; } = SalesModel.TerritoryLevel;

    /// <summary>Every problem of these options; empty when they are sound.</summary>
    IReadOnlyList<string> IEngineOptions<TerritoryGeoJsonOptions>.Validate()
    {
        var failures = new List<string>();
        CheckName(IdProperty, nameof(IdProperty), failures);
        CheckName(NameProperty, nameof(NameProperty), failures);
        CheckName(ParentProperty, nameof(ParentProperty), failures);
        CheckName(LevelProperty, nameof(LevelProperty), failures);
        if (string.IsNullOrWhiteSpace(DefaultLevel))
        {
            failures.Add($"{nameof(DefaultLevel)} must not be null, empty or white space.");
        }

        return failures;
    }

    TerritoryGeoJsonOptions IEngineOptions<TerritoryGeoJsonOptions>.Copy() => (TerritoryGeoJsonOptions)MemberwiseClone();

    private static void CheckName(string? name, string option, List<string> failures)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            failures.Add($"{option} must be null or a property name, not empty or white space.");
        }
    }
}

using Territories.Internal;
using Territories.Model;

namespace Territories.Design;

/// <summary>What to design: how many territories, how balanced, which units are fixed, and the search limits.</summary>
/// <remarks>
/// Mutable until a <see cref="TerritoryDesigner"/> is built from it; the designer validates it once
/// (reporting every failure in one <see cref="ArgumentException"/>) and keeps a copy.
/// </remarks>
public sealed class DesignOptions : IEngineOptions<DesignOptions>
{
    /// <summary>The number of territories K. Default null: from <see cref="TargetPerTerritory"/>, or from <see cref="TerritoryIds"/>.</summary>
    public int? TerritoryCount { get; set; }

    /// <summary>
    /// The target total of the first attribute per territory (e.g. workload hours of one rep); K is the
    /// attribute's total divided by it, rounded, at least 1. Default null.
    /// </summary>
    public double? TargetPerTerritory { get; set; }

    /// <summary>
    /// The territory ids to design, in order. Default empty: <c>T01</c>, <c>T02</c>, … (zero-padded to
    /// the width of K). When given, K is their count.
    /// </summary>
    public IList<TerritoryId> TerritoryIds { get; set; } = [];

    /// <summary>The allowed relative deviation from the mean for every attribute. Default 0.05 (±5 %).</summary>
    public double Tolerance { get; set; } = 0.05;

    /// <summary>Per-attribute tolerances that override <see cref="Tolerance"/>, by attribute name. Default empty.</summary>
    public IDictionary<string, double> AttributeTolerances { get; set; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Units that start a territory (e.g. the unit holding a position's base), by territory id. Default empty.</summary>
    public IDictionary<TerritoryId, string> Seeds { get; set; } = new Dictionary<TerritoryId, string>();

    /// <summary>Units that must stay in a given territory, by unit id. Default empty.</summary>
    public IDictionary<string, TerritoryId> LockedUnits { get; set; } = new Dictionary<string, TerritoryId>(StringComparer.Ordinal);

    /// <summary>The wall-clock limit of one call. Default 10 seconds.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The seed of the random generator. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// The most restarts of the balance search before giving up on the tolerance. Default 30. Results
    /// are identical for the same seed as long as the time limit does not end the search first.
    /// </summary>
    public int MaxRounds { get; set; } = 30;

    /// <summary>
    /// For point units: links of the Delaunay graph longer than this are dropped, in metres (planar
    /// units for planar input). Default null: keep every link.
    /// </summary>
    public double? MaxLinkLength { get; set; }

    /// <summary>Whether to build each territory's boundary. Default true.</summary>
    public bool ComputeBoundaries { get; set; } = true;

    /// <summary>Whether to score a balanced k-means baseline on the same input. Default true.</summary>
    public bool ComputeBaseline { get; set; } = true;

    DesignOptions IEngineOptions<DesignOptions>.Copy() => new()
    {
        TerritoryCount = TerritoryCount,
        TargetPerTerritory = TargetPerTerritory,
        TerritoryIds = [.. TerritoryIds],
        Tolerance = Tolerance,
        AttributeTolerances = new Dictionary<string, double>(AttributeTolerances, StringComparer.Ordinal),
        Seeds = new Dictionary<TerritoryId, string>(Seeds),
        LockedUnits = new Dictionary<string, TerritoryId>(LockedUnits, StringComparer.Ordinal),
        TimeLimit = TimeLimit,
        Seed = Seed,
        MaxRounds = MaxRounds,
        MaxLinkLength = MaxLinkLength,
        ComputeBoundaries = ComputeBoundaries,
        ComputeBaseline = ComputeBaseline,
    };

    IReadOnlyList<string> IEngineOptions<DesignOptions>.Validate()
    {
        var failures = new List<string>();
        if (TerritoryCount is { } k && k <= 0)
        {
            failures.Add($"TerritoryCount must be positive, not {k}.");
        }

        if (TargetPerTerritory is { } t && (!double.IsFinite(t) || t <= 0))
        {
            failures.Add($"TargetPerTerritory must be a positive number, not {t}.");
        }

        if (TerritoryIds is null || AttributeTolerances is null || Seeds is null || LockedUnits is null)
        {
            failures.Add("TerritoryIds, AttributeTolerances, Seeds and LockedUnits must not be null.");
            return failures;
        }

        if (TerritoryIds.Any(id => id.Value.Length == 0))
        {
            failures.Add("TerritoryIds must not hold a default id.");
        }

        if (TerritoryIds.Distinct().Count() != TerritoryIds.Count)
        {
            failures.Add("TerritoryIds must be distinct.");
        }

        if (TerritoryIds.Count > 0 && TerritoryCount is { } k2 && k2 != TerritoryIds.Count)
        {
            failures.Add($"TerritoryCount {k2} differs from the {TerritoryIds.Count} TerritoryIds.");
        }

        if (!double.IsFinite(Tolerance) || Tolerance < 0)
        {
            failures.Add($"Tolerance must be a finite number, zero or more, not {Tolerance}.");
        }

        foreach (var (name, tol) in AttributeTolerances)
        {
            if (!double.IsFinite(tol) || tol < 0)
            {
                failures.Add($"AttributeTolerances[{name}] must be a finite number, zero or more, not {tol}.");
            }
        }

        if (Seeds.Values.Any(string.IsNullOrWhiteSpace) || LockedUnits.Keys.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Seeds and LockedUnits must name units by a non-empty id.");
        }

        if (TimeLimit <= TimeSpan.Zero)
        {
            failures.Add($"TimeLimit must be positive, not {TimeLimit}.");
        }

        if (MaxRounds <= 0)
        {
            failures.Add($"MaxRounds must be positive, not {MaxRounds}.");
        }

        if (MaxLinkLength is { } d && (!double.IsFinite(d) || d <= 0))
        {
            failures.Add($"MaxLinkLength must be a positive number, not {d}.");
        }

        return failures;
    }
}

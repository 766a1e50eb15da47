using Territories.Internal;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>What <see cref="TerritoryValidator"/> checks and whether it repairs.</summary>
/// <remarks>Mutable until passed to <see cref="TerritoryValidator.Validate"/>, which validates and copies it.</remarks>
public sealed class TerritoryValidationOptions : IEngineOptions<TerritoryValidationOptions>
{
    /// <summary>
    /// The area the territories are meant to cover exactly; null (the default) to report as gaps only
    /// the holes enclosed by the territories' union.
    /// </summary>
    public TerritoryBoundary? CoverageRegion { get; set; }

    /// <summary>A territory or territory part smaller than this (km²) is a sliver; 0.01 km² (one hectare) by default, 0 to skip.</summary>
    public double SliverAreaKm2 { get; set; } = 0.01;

    /// <summary>Overlaps, gaps and parts outside the region smaller than this (km²) are ignored as numerical noise; 1e-6 km² (one m²) by default.</summary>
    public double MinimumAreaKm2 { get; set; } = 1e-6;

    /// <summary>Whether to make invalid boundaries valid (NetTopologySuite's GeometryFixer) and report every change; false by default.</summary>
    public bool Repair { get; set; }

    IReadOnlyList<string> IEngineOptions<TerritoryValidationOptions>.Validate()
    {
        var failures = new List<string>();
        if (!double.IsFinite(SliverAreaKm2) || SliverAreaKm2 < 0)
        {
            failures.Add($"{nameof(SliverAreaKm2)} must be a finite area of zero or more, not {SliverAreaKm2}.");
        }

        if (!double.IsFinite(MinimumAreaKm2) || MinimumAreaKm2 < 0)
        {
            failures.Add($"{nameof(MinimumAreaKm2)} must be a finite area of zero or more, not {MinimumAreaKm2}.");
        }

        return failures;
    }

    TerritoryValidationOptions IEngineOptions<TerritoryValidationOptions>.Copy() =>
        new()
        {
            CoverageRegion = CoverageRegion,
            SliverAreaKm2 = SliverAreaKm2,
            MinimumAreaKm2 = MinimumAreaKm2,
            Repair = Repair,
        };
}

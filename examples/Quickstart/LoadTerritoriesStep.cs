using Territories.IO;
using Territories.IO.GeoJson;
using Territories.Model;

namespace Quickstart;

/// <summary>Step 1a: territories from GeoJSON. The feature id is the territory id (the counties' GEOID), the NAME property its name.</summary>
internal static class LoadTerritoriesStep
{
    public static ReadResult<Territory> Run(string path) =>
        new TerritoryGeoJsonReader(new TerritoryGeoJsonOptions { NameProperty = "NAME" }).ReadFile(path);
}

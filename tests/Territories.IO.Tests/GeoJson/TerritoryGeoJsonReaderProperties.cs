using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.IO.GeoJson;

namespace Territories.IO.Tests.GeoJson;

/// <summary>The law of the GeoJSON reader: every feature is either a territory or errors carrying its index.</summary>
public class TerritoryGeoJsonReaderProperties
{
    private enum Defect
    {
        None,
        NoId,
        RepeatedId,
        PointGeometry,
        ThreePositions,
        OpenRing,
        LatitudeOutOfRange,
        NoGeometry,
    }

    private static string Feature(int index, Defect defect)
    {
        var x = (index % 300) - 150;
        var square = string.Create(CultureInfo.InvariantCulture, $"[[{x},0],[{x + 1},0],[{x + 1},1],[{x},1],[{x},0]]");
        var ring = defect switch
        {
            Defect.ThreePositions => string.Create(CultureInfo.InvariantCulture, $"[[{x},0],[{x + 1},0],[{x},0]]"),
            Defect.OpenRing => string.Create(CultureInfo.InvariantCulture, $"[[{x},0],[{x + 1},0],[{x + 1},1],[{x},1]]"),
            Defect.LatitudeOutOfRange => string.Create(CultureInfo.InvariantCulture, $"[[{x},0],[{x + 1},0],[{x + 1},91],[{x},0]]"),
            _ => square,
        };
        var geometry = defect switch
        {
            Defect.PointGeometry => """{"type":"Point","coordinates":[0,0]}""",
            Defect.NoGeometry => "null",
            _ => $$"""{"type":"Polygon","coordinates":[{{ring}}]}""",
        };
        var id = defect switch
        {
            Defect.NoId => "null",
            Defect.RepeatedId when index > 0 => "\"t0\"",
            _ => $"\"t{index}\"",
        };
        return $$"""{"type":"Feature","id":{{id}},"properties":{"name":"n{{index}}"},"geometry":{{geometry}}}""";
    }

    [Property(MaxTest = 200)]
    public Property Parse_AnyMixOfFeatures_EveryFeatureIsATerritoryOrErrorsWithItsIndex() =>
        Prop.ForAll(Gen.Elements(Enum.GetValues<Defect>()).ArrayOf().ToArbitrary(), defects =>
        {
            var json = "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", defects.Select((d, i) => Feature(i, d))) + "\n]}";
            var expectedIds = new List<string>();
            var expectedBad = new List<int>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < defects.Length; i++)
            {
                // The first feature with an id keeps it, whatever else is wrong with that feature.
                var id = defects[i] == Defect.RepeatedId && i > 0 ? "t0" : $"t{i}";
                var repeat = defects[i] != Defect.NoId && !seen.Add(id);
                if (defects[i] is Defect.None or Defect.RepeatedId && !repeat)
                {
                    expectedIds.Add(id);
                }
                else
                {
                    expectedBad.Add(i);
                }
            }

            var result = new TerritoryGeoJsonReader().Parse(json);

            // An empty collection is one NoFeatures error, about no feature.
            var featureErrors = result.Errors.Where(e => e.Code != ReadErrorCode.NoFeatures).ToList();
            var bad = featureErrors.Select(e => e.FeatureIndex!.Value).Distinct().ToList();
            var linesMatch = featureErrors.All(e => e.Line == e.FeatureIndex + 2);
            var emptyReported = result.Errors.Count(e => e.Code == ReadErrorCode.NoFeatures) == (defects.Length == 0 ? 1 : 0);
            return (expectedIds.SequenceEqual(result.Items.Select(t => t.Id.Value)) && expectedBad.SequenceEqual(bad) && linesMatch && emptyReported)
                .Label($"items [{string.Join(",", result.Items.Select(t => t.Id))}] errors [{string.Join("; ", result.Errors)}]");
        });
}

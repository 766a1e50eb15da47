using NetTopologySuite.Geometries;
using Territories.Spatial;

namespace Territories.Tests.Spatial;

public class SphericalTests
{
    [Fact]
    public void EarthRadiusMetres_IsTheIuggMeanRadiusOfGrs80()
    {
        // GRS 80 (Moritz 2000): a = 6,378,137 m, 1/f = 298.257222101; the IUGG mean radius is R1 = (2a + b) / 3.
        const double a = 6_378_137;
        const double b = a * (1 - (1 / 298.257222101));
        Assert.Equal((2 * a + b) / 3, Spherical.EarthRadiusMetres, 0.05);
        Assert.Equal(6_371_008.8, Spherical.EarthRadiusMetres);
    }

    [Fact]
    public void MetresPerDegree_OneDegreeOfArcOnTheMeanSphere_Is111195Metres() =>
        Assert.Equal(111_195.08, Spherical.MetresPerDegree, 0.01);

    [Fact]
    public void DistanceMetres_NashvilleToLosAngeles_MatchesThePublishedHaversineExample()
    {
        // Rosetta Code "Haversine formula": BNA (36°7.2' N, 86°40.2' W) to LAX (33°56.4' N, 118°24.0' W)
        // is 2,887.2599506071106 km on a sphere of 6,372.8 km; distances scale with the radius.
        var metres = Spherical.DistanceMetres(-(86 + (40.2 / 60)), 36 + (7.2 / 60), -(118 + (24.0 / 60)), 33 + (56.4 / 60));

        Assert.Equal(2_887_259.9506071106, metres * 6_372_800 / Spherical.EarthRadiusMetres, 1e-3);
        Assert.Equal(2_886_449, metres, 1.0);
    }

    [Fact]
    public void DistanceMetres_ParisToLondon_Is343Km()
    {
        // The published great-circle distance between the two city centres is about 343.5 km.
        Assert.Equal(343_500, Spherical.DistanceMetres(2.3522, 48.8566, -0.1276, 51.5072), 500.0);
    }

    [Fact]
    public void DistanceMetres_AntipodesOnTheEquator_IsHalfTheCircumference() =>
        Assert.Equal(20_015_114.44, Spherical.DistanceMetres(0, 0, 180, 0), 0.01);

    [Fact]
    public void LengthMetres_OneDegreeOfAMeridian_IsOneDegreeOfArc()
    {
        var line = Territories.Internal.Geometries.Factory.CreateLineString([new Coordinate(5, 50), new Coordinate(5, 50.5), new Coordinate(5, 51)]);

        Assert.Equal(111_195.08, Spherical.LengthMetres(line), 0.01);
    }
}

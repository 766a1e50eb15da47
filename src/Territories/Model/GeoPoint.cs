namespace Territories.Model;

/// <summary>A location in WGS84 degrees: x = <see cref="Longitude"/>, y = <see cref="Latitude"/>.</summary>
/// <remarks>
/// Any pair of doubles can be held, so that data with bad coordinates can be loaded and reported
/// rather than lost; <see cref="IsValid"/> says whether the pair is a real place, and model
/// validation reports every point that is not. For planar benchmark coordinates (x, y in any unit)
/// the same type is used with the Euclidean travel model; validity is then not required.
/// Equality is exact on both doubles.
/// </remarks>
/// <param name="Longitude">Degrees east, -180 to 180.</param>
/// <param name="Latitude">Degrees north, -90 to 90.</param>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>Whether both coordinates are finite and within their WGS84 ranges.</summary>
    public bool IsValid =>
        double.IsFinite(Longitude) && double.IsFinite(Latitude)
        && Longitude is >= -180 and <= 180 && Latitude is >= -90 and <= 90;

    /// <summary>Whether both coordinates are finite (the requirement for planar coordinates).</summary>
    public bool IsFinite => double.IsFinite(Longitude) && double.IsFinite(Latitude);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({Longitude}, {Latitude})");
}

namespace Territories.IO;

/// <summary>What is wrong with a feature of a GeoJSON file or a row of a CSV file.</summary>
public enum ReadErrorCode
{
    /// <summary>The file is empty (no bytes, or only white space).</summary>
    EmptyFile = 1,

    /// <summary>The JSON is not well formed; reading stops there, items read before are kept.</summary>
    MalformedJson = 2,

    /// <summary>The JSON document is not a GeoJSON <c>FeatureCollection</c> with a <c>features</c> array.</summary>
    NotAFeatureCollection = 3,

    /// <summary>An element of <c>features</c> is not a GeoJSON <c>Feature</c> object.</summary>
    InvalidFeature = 4,

    /// <summary>The id is absent, null, empty or white space.</summary>
    MissingId = 5,

    /// <summary>An earlier feature or row already has this id; the first one is kept.</summary>
    DuplicateId = 6,

    /// <summary>A feature has no geometry.</summary>
    MissingGeometry = 7,

    /// <summary>A feature's geometry is neither a <c>Polygon</c> nor a <c>MultiPolygon</c>.</summary>
    UnsupportedGeometry = 8,

    /// <summary>A geometry's <c>coordinates</c> are not nested arrays of positions of at least two numbers.</summary>
    InvalidGeometry = 9,

    /// <summary>A polygon ring has fewer than four positions (three distinct corners and the closing one).</summary>
    TooFewPoints = 10,

    /// <summary>A polygon ring does not end where it starts.</summary>
    UnclosedRing = 11,

    /// <summary>A coordinate is outside the WGS84 range (longitude -180 to 180, latitude -90 to 90) or not finite.</summary>
    InvalidCoordinate = 12,

    /// <summary>The CSV file has a header but no data row.</summary>
    NoRows = 13,

    /// <summary>The CSV header lacks a column the options map.</summary>
    MissingColumn = 14,

    /// <summary>A CSV row has fewer or more fields than the header (often an unquoted separator in a value).</summary>
    FieldCountMismatch = 15,

    /// <summary>A required value is empty.</summary>
    MissingValue = 16,

    /// <summary>A value that must be a number is not one.</summary>
    InvalidNumber = 17,

    /// <summary>A value cannot be read as what its field holds (a property of the wrong JSON type, an unknown visit frequency, journey stage or opening-hours text).</summary>
    InvalidValue = 18,

    /// <summary>The CSV header names a column twice.</summary>
    DuplicateColumn = 19,

    /// <summary>A warning, the item kept: a polygon collapsed to a line or a point (by simplification) is kept with no area.</summary>
    CollapsedPolygon = 20,

    /// <summary>A warning, the item kept: rings or parts collapsed to a line or a point were dropped; <see cref="ReadError.Value"/> says how many.</summary>
    DroppedRing = 21,

    /// <summary>
    /// A CSV value opens a quote that does not close where a value can end (before the end of the file, or
    /// followed by the separator or a line end with the row whole); <see cref="ReadError.Field"/> is its column
    /// and <see cref="ReadError.Value"/> the text from the quote to the end of the line. The row is left out
    /// and reading resumes at the next line.
    /// </summary>
    UnterminatedQuote = 22,

    /// <summary>A GeoJSON FeatureCollection whose <c>features</c> array is empty: there is nothing to read.</summary>
    NoFeatures = 23,

    /// <summary>
    /// Bytes that are not UTF-8 in a value (a file saved in another encoding, a truncated character);
    /// <see cref="ReadError.Field"/> names the column. The row is left out rather than read with a
    /// replacement character, which could make two distinct ids equal.
    /// </summary>
    InvalidEncoding = 24,
}

using System.Globalization;
using System.Text;

namespace Territories.IO;

/// <summary>One problem found while reading a file: what, where, and a readable message.</summary>
/// <remarks>
/// Where: <see cref="Line"/> is the 1-based line of the file on which the bad row or feature starts
/// (null when unknown); <see cref="FeatureIndex"/> is the 0-based position of the feature in the
/// GeoJSON <c>features</c> array (null for CSV and for problems of the whole document).
/// Immutable; equality by value.
/// </remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Line">The 1-based line where the bad row or feature starts; null when unknown.</param>
/// <param name="FeatureIndex">The 0-based index of the bad GeoJSON feature; null for CSV rows and whole-document problems.</param>
/// <param name="Id">The id of the bad item when it could be read; otherwise null.</param>
/// <param name="Field">The column, property or JSON path at fault; null for the whole item or file.</param>
/// <param name="Value">The offending value as text; null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record ReadError(ReadErrorCode Code, int? Line, int? FeatureIndex, string? Id, string? Field, string? Value, string Message)
{
    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Message ?? throw new ArgumentNullException(nameof(Message));

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Line is { } line)
        {
            text.Append(CultureInfo.InvariantCulture, $"line {line}");
        }

        if (FeatureIndex is { } index)
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(CultureInfo.InvariantCulture, $"feature {index}");
        }

        if (Id is not null)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append('[').Append(Id).Append(']');
        }

        text.Append(text.Length > 0 ? ": " : string.Empty).Append(Code);
        if (Field is not null)
        {
            text.Append(' ').Append(Field);
        }

        return text.Append(": ").Append(Message).ToString();
    }
}

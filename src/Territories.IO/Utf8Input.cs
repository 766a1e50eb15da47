using System.Text;

namespace Territories.IO;

/// <summary>
/// UTF-8 decoding that keeps invalid input visible: a byte sequence that is not UTF-8 becomes the
/// noncharacter U+FDD0 (<see cref="Invalid"/>) instead of U+FFFD, so that a reader can report the
/// field it lands in rather than let two distinct ids collide on the same replacement character.
/// U+FDD0 is a noncharacter: text meant for interchange never holds it.
/// </summary>
internal static class Utf8Input
{
    /// <summary>What an invalid byte sequence decodes to.</summary>
    public const char Invalid = '\uFDD0';

    /// <summary>UTF-8 with invalid input decoded to <see cref="Invalid"/>.</summary>
    public static readonly Encoding Encoding = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Invalid.ToString()));

    /// <summary>A reader of <paramref name="stream"/> as UTF-8 (a UTF-8 byte-order mark skipped, as the encoding's preamble), left open.</summary>
    public static StreamReader Reader(Stream stream) => new(stream, Encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);

    /// <summary>The index of the first field holding invalid input, or −1.</summary>
    public static int FirstInvalid(string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Contains(Invalid, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

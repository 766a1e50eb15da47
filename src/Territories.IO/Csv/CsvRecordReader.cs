using System.Text;

namespace Territories.IO.Csv;

/// <summary>Splits CSV text into records (RFC 4180), resynchronising at the next line after a quote that does not close where a value can end.</summary>
/// <remarks>
/// <para>
/// A value that starts with <c>"</c> is quoted: it runs to the next single <c>"</c>, a doubled <c>""</c>
/// standing for one quote, and may hold the separator and line breaks (kept as written). A quote
/// inside an unquoted value is kept as text; text after a closing quote on the same line is kept too.
/// Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>; lines are numbered from 1.
/// </para>
/// <para>
/// A quoted value that runs past the end of its line is accepted only when the record it ends is whole:
/// its closing quote is followed by the separator or a line end, the record has the expected number of
/// fields, and it spans at most <see cref="MaxLinesPerRecord"/> lines. Otherwise the quote is taken as
/// unterminated: the record is reported as broken on its first line and reading resumes at the next
/// line, so one stray quote costs one row, not the rest of the file. The line limit bounds the rescanning
/// to <see cref="MaxLinesPerRecord"/> lines per line, so reading stays linear in the file size.
/// </para>
/// <para>Streams: memory holds the lines of one record. Not thread-safe (one reader per text).</para>
/// </remarks>
internal sealed class CsvRecordReader
{
    /// <summary>The most lines one record (a quoted value with line breaks) may span.</summary>
    internal const int MaxLinesPerRecord = 100;

    private readonly TextReader _text;
    private readonly char _separator;
    private readonly char[] _buffer = new char[4096];
    private readonly StringBuilder _line = new();
    private readonly Stack<Line> _pushedBack = new();
    private int _bufferLength;
    private int _bufferPosition;
    private int _lineNumber;

    public CsvRecordReader(TextReader text, char separator)
    {
        _text = text;
        _separator = separator;
    }

    /// <summary>Reads the next record.</summary>
    /// <param name="expectedFieldCount">The header's field count, which a record spanning lines must have; null for the header itself.</param>
    /// <param name="record">The record read.</param>
    /// <returns>False at the end of the text.</returns>
    public bool TryRead(int? expectedFieldCount, out Record record)
    {
        if (!TryNextLine(out var first))
        {
            record = default;
            return false;
        }

        var lines = new List<Line>(1) { first };
        var fields = new List<string>();
        var value = new StringBuilder();
        var text = first.Text;
        var position = 0;
        var spanningField = -1;
        var spanningStart = 0;
        while (true)
        {
            value.Clear();
            if (position < text.Length && text[position] == '"')
            {
                var opening = position;
                position++;
                while (true)
                {
                    var quote = text.IndexOf('"', position);
                    if (quote < 0)
                    {
                        value.Append(text, position, text.Length - position);
                        if (spanningField < 0)
                        {
                            (spanningField, spanningStart) = (fields.Count, opening);
                        }

                        if (lines.Count >= MaxLinesPerRecord || !TryNextLine(out var next))
                        {
                            return Broken(lines, fields, spanningField, spanningStart, out record);
                        }

                        value.Append(lines[^1].Terminator);
                        lines.Add(next);
                        text = next.Text;
                        position = 0;
                        continue;
                    }

                    value.Append(text, position, quote - position);
                    if (quote + 1 < text.Length && text[quote + 1] == '"')
                    {
                        value.Append('"');
                        position = quote + 2;
                        continue;
                    }

                    position = quote + 1;
                    break;
                }

                if (position < text.Length && text[position] != _separator)
                {
                    if (lines.Count > 1)
                    {
                        return Broken(lines, fields, spanningField, spanningStart, out record);
                    }

                    position = AppendToSeparator(text, position, value);
                }
            }
            else
            {
                position = AppendToSeparator(text, position, value);
            }

            fields.Add(value.ToString());
            if (position >= text.Length)
            {
                break;
            }

            position++;
        }

        if (lines.Count > 1 && expectedFieldCount is { } count && fields.Count != count)
        {
            return Broken(lines, fields, spanningField, spanningStart, out record);
        }

        record = new Record(first.Number, [.. fields], null);
        return true;
    }

    private int AppendToSeparator(string text, int position, StringBuilder value)
    {
        var end = text.IndexOf(_separator, position);
        end = end < 0 ? text.Length : end;
        value.Append(text, position, end - position);
        return end;
    }

    private bool Broken(List<Line> lines, List<string> fields, int field, int start, out Record record)
    {
        for (var i = lines.Count - 1; i >= 1; i--)
        {
            _pushedBack.Push(lines[i]);
        }

        var first = lines[0];
        record = new Record(first.Number, [.. fields.Take(field)], new QuoteError(field, first.Text[start..]));
        return true;
    }

    private bool TryNextLine(out Line line)
    {
        if (_pushedBack.TryPop(out line))
        {
            return true;
        }

        _line.Clear();
        while (true)
        {
            if (_bufferPosition == _bufferLength && !Fill())
            {
                if (_line.Length == 0)
                {
                    return false;
                }

                line = new Line(++_lineNumber, _line.ToString(), string.Empty);
                return true;
            }

            var span = _buffer.AsSpan(_bufferPosition, _bufferLength - _bufferPosition);
            var end = span.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                _line.Append(span);
                _bufferPosition = _bufferLength;
                continue;
            }

            _line.Append(span[..end]);
            _bufferPosition += end + 1;
            var terminator = "\n";
            if (span[end] == '\r')
            {
                terminator = "\r";
                if ((_bufferPosition < _bufferLength || Fill()) && _buffer[_bufferPosition] == '\n')
                {
                    _bufferPosition++;
                    terminator = "\r\n";
                }
            }

            line = new Line(++_lineNumber, _line.ToString(), terminator);
            return true;
        }
    }

    private bool Fill()
    {
        _bufferLength = _text.Read(_buffer, 0, _buffer.Length);
        _bufferPosition = 0;
        return _bufferLength > 0;
    }

    /// <summary>One record: the line it starts on and its fields, or the quote that broke it.</summary>
    /// <param name="Line">The 1-based line the record starts on.</param>
    /// <param name="Fields">The fields; for a broken record, those before the broken one.</param>
    /// <param name="Error">The unterminated quote; null when the record is whole.</param>
    internal readonly record struct Record(int Line, string[] Fields, QuoteError? Error);

    /// <summary>A quote that does not close where a value can end.</summary>
    /// <param name="Field">The 0-based index of the field the quote opens.</param>
    /// <param name="Excerpt">The text of the record's first line from the opening quote on.</param>
    internal sealed record QuoteError(int Field, string Excerpt);

    private readonly record struct Line(int Number, string Text, string Terminator);
}

namespace Territories.Spatial;

/// <summary>
/// A uniform grid over the territories' extent that answers "which territories contain this point"
/// in constant time for the cells no boundary crosses, and with a few band-indexed crossing tests for
/// the others.
/// </summary>
/// <remarks>
/// Each cell lists the territories whose boundary crosses it (to be tested) and the territories that
/// cover it whole (no test needed), by ascending territory index. A cell covered by exactly one
/// territory and crossed by none is answered from one array read. Building costs
/// O(E + C log C) for E edges and C (cell, territory) pairs; the grid has about four cells per edge.
/// Immutable after construction; thread-safe.
/// </remarks>
internal sealed class PointIndex
{
    private const int Empty = -1;
    private const int Mixed = -2;

    private readonly EdgeBands?[] _territories;
    private readonly double _minX;
    private readonly double _minY;
    private readonly double _maxX;
    private readonly double _maxY;
    private readonly double _invCellWidth;
    private readonly double _invCellHeight;
    private readonly int _nx;
    private readonly int _ny;
    private readonly int[] _direct;
    private readonly int[] _cellStart;

    // Territory index << 1, low bit set when the territory covers the whole cell.
    private readonly int[] _entries;

    public PointIndex(EdgeBands?[] territories)
    {
        _territories = territories;
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        long edgeCount = 0;
        foreach (var t in territories)
        {
            if (t is null)
            {
                continue;
            }

            minX = Math.Min(minX, t.MinX);
            minY = Math.Min(minY, t.MinY);
            maxX = Math.Max(maxX, t.MaxX);
            maxY = Math.Max(maxY, t.MaxY);
            edgeCount += t.EdgeCount;
        }

        if (edgeCount == 0)
        {
            (_minX, _minY, _maxX, _maxY) = (1, 1, 0, 0);
            _direct = [];
            _cellStart = [0];
            _entries = [];
            return;
        }

        (_minX, _minY, _maxX, _maxY) = (minX, minY, maxX, maxY);
        var width = maxX - minX;
        var height = maxY - minY;
        var cells = Math.Clamp(4 * edgeCount, 1024, 1 << 22);
        _nx = (int)Math.Clamp(Math.Round(Math.Sqrt(cells * width / height)), 1, 4096);
        _ny = (int)Math.Clamp(Math.Round((double)cells / _nx), 1, 4096);
        _invCellWidth = _nx / width;
        _invCellHeight = _ny / height;

        var pairs = new List<long>();
        for (var t = 0; t < territories.Length; t++)
        {
            if (territories[t] is { } bands)
            {
                AddEdgeCells(t, bands, pairs);
                AddCoveredCells(t, bands, pairs);
            }
        }

        pairs.Sort();
        var cellCount = _nx * _ny;
        _direct = new int[cellCount];
        _cellStart = new int[cellCount + 1];
        var entries = new List<int>(pairs.Count);
        var p = 0;
        for (var c = 0; c < cellCount; c++)
        {
            _cellStart[c] = entries.Count;
            var lastTerritory = -1;
            while (p < pairs.Count && (int)(pairs[p] >> 32) == c)
            {
                var low = (int)(pairs[p] & 0xFFFFFFFF);
                var territory = low >> 1;

                // Sorted so that a territory's crossing entry (low bit 0) comes before its covering one.
                if (territory != lastTerritory)
                {
                    entries.Add(low);
                    lastTerritory = territory;
                }

                p++;
            }

            var n = entries.Count - _cellStart[c];
            _direct[c] = n == 0 ? Empty : n == 1 && (entries[^1] & 1) == 1 ? entries[^1] >> 1 : Mixed;
        }

        _cellStart[cellCount] = entries.Count;
        _entries = [.. entries];
    }

    /// <summary>
    /// Adds to <paramref name="into"/> every territory containing the point, ascending. When none
    /// does, adds the lowest-index territory whose boundary the point lies exactly on (the outer edge of a coverage).
    /// </summary>
    public void Collect(double x, double y, List<int> into)
    {
        if (!(x >= _minX && x <= _maxX && y >= _minY && y <= _maxY))
        {
            return;
        }

        var c = Cell(x, y);
        int start = _cellStart[c], end = _cellStart[c + 1];
        for (var i = start; i < end; i++)
        {
            var e = _entries[i];
            if ((e & 1) == 1 || _territories[e >> 1]!.Contains(x, y))
            {
                into.Add(e >> 1);
            }
        }

        if (into.Count > 0)
        {
            return;
        }

        for (var i = start; i < end; i++)
        {
            var e = _entries[i];
            if ((e & 1) == 0 && _territories[e >> 1]!.OnBoundary(x, y))
            {
                into.Add(e >> 1);
                return;
            }
        }
    }

    /// <summary>The single territory containing the point (≥ 0), −1 for none, −2 for several (<paramref name="first"/> is then the lowest).</summary>
    public int Locate(double x, double y, out int first)
    {
        first = -1;
        if (!(x >= _minX && x <= _maxX && y >= _minY && y <= _maxY))
        {
            return Empty;
        }

        var c = Cell(x, y);
        var d = _direct[c];
        if (d >= 0 || d == Empty)
        {
            first = d;
            return d;
        }

        var found = 0;
        int start = _cellStart[c], end = _cellStart[c + 1];
        for (var i = start; i < end; i++)
        {
            var e = _entries[i];
            if ((e & 1) == 1 || _territories[e >> 1]!.Contains(x, y))
            {
                if (found++ == 0)
                {
                    first = e >> 1;
                }
            }
        }

        if (found == 0)
        {
            // On the outer edge of the layer: the lowest-index territory whose edge the point lies on.
            for (var i = start; i < end; i++)
            {
                var e = _entries[i];
                if ((e & 1) == 0 && _territories[e >> 1]!.OnBoundary(x, y))
                {
                    first = e >> 1;
                    return first;
                }
            }
        }

        return found switch
        {
            0 => Empty,
            1 => first,
            _ => Mixed,
        };
    }

    private int Cell(double x, double y)
    {
        var cx = (int)((x - _minX) * _invCellWidth);
        var cy = (int)((y - _minY) * _invCellHeight);
        cx = cx < 0 ? 0 : cx >= _nx ? _nx - 1 : cx;
        cy = cy < 0 ? 0 : cy >= _ny ? _ny - 1 : cy;
        return (cy * _nx) + cx;
    }

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - _minX) * _invCellWidth), 0, _nx - 1);

    private int Row(double y) => Math.Clamp((int)Math.Floor((y - _minY) * _invCellHeight), 0, _ny - 1);

    private static long Pair(int cell, int territory, bool covers) => ((long)cell << 32) | (uint)((territory << 1) | (covers ? 1 : 0));

    private void AddEdgeCells(int territory, EdgeBands bands, List<long> pairs)
    {
        // Padding of a millionth of a cell marks cells an edge only grazes: a spare test, never a missed one.
        var padX = 1e-6 / _invCellWidth;
        var padY = 1e-6 / _invCellHeight;
        var cellHeight = 1 / _invCellHeight;
        var edges = bands.Edges;
        for (var i = 0; i < edges.Length; i += 4)
        {
            double x1 = edges[i], y1 = edges[i + 1], x2 = edges[i + 2], y2 = edges[i + 3];
            int r0 = Row(y1 - padY), r1 = Row(y2 + padY);
            for (var r = r0; r <= r1; r++)
            {
                double lo = Math.Max(y1, _minY + (r * cellHeight) - padY), hi = Math.Min(y2, _minY + ((r + 1) * cellHeight) + padY);
                double xa, xb;
                if (y2 > y1)
                {
                    lo = Math.Min(Math.Max(lo, y1), y2);
                    hi = Math.Max(Math.Min(hi, y2), y1);
                    xa = x1 + ((lo - y1) * (x2 - x1) / (y2 - y1));
                    xb = x1 + ((hi - y1) * (x2 - x1) / (y2 - y1));
                }
                else
                {
                    (xa, xb) = (x1, x2);
                }

                int c0 = Column(Math.Min(xa, xb) - padX), c1 = Column(Math.Max(xa, xb) + padX);
                for (var c = c0; c <= c1; c++)
                {
                    pairs.Add(Pair((r * _nx) + c, territory, false));
                }
            }
        }
    }

    private void AddCoveredCells(int territory, EdgeBands bands, List<long> pairs)
    {
        var crossings = new List<double>();
        var cellWidth = 1 / _invCellWidth;
        var cellHeight = 1 / _invCellHeight;
        for (int r = Row(bands.MinY), r1 = Row(bands.MaxY); r <= r1; r++)
        {
            crossings.Clear();
            bands.Crossings(_minY + ((r + 0.5) * cellHeight), crossings);
            crossings.Sort();
            for (var k = 0; k + 1 < crossings.Count; k += 2)
            {
                // Cells whose centre lies inside the span [crossings[k], crossings[k + 1]).
                var c0 = Math.Max(0, (int)Math.Ceiling(((crossings[k] - _minX) / cellWidth) - 0.5));
                var c1 = Math.Min(_nx - 1, (int)Math.Ceiling(((crossings[k + 1] - _minX) / cellWidth) - 0.5) - 1);
                for (var c = c0; c <= c1; c++)
                {
                    pairs.Add(Pair((r * _nx) + c, territory, true));
                }
            }
        }
    }
}

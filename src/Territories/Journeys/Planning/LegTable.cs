using System.Runtime.CompilerServices;
using Territories.Travel;

namespace Territories.Journeys.Planning;

/// <summary>
/// One figure (metres or seconds) of every leg between the planner's locations, read row-major as
/// <c>table[(from × L) + to]</c>: from a stored array, or computed from <see cref="TravelLegs"/> when the
/// request is too large to store every pair.
/// </summary>
internal readonly struct LegTable
{
    // Empty when computed: one unsigned comparison then serves as both the "is it stored" test and the
    // bounds check (a stored table holds every index asked for), which keeps the hot loops' leg reads as
    // cheap as a plain array's.
    private readonly double[] _stored;
    private readonly TravelLegs? _legs;
    private readonly bool _seconds;

    private LegTable(double[]? stored, TravelLegs? legs, bool seconds)
    {
        _stored = stored ?? [];
        _legs = legs;
        _seconds = seconds;
    }

    /// <summary>Whether the figure is seconds (else metres).</summary>
    public bool IsSeconds => _seconds;

    /// <summary>The legs behind a computed table (null when stored).</summary>
    public TravelLegs? Legs => _legs;

    /// <summary>Whether every pair is held in memory.</summary>
    public bool IsStored => _legs is null;

    /// <summary>Every figure, row-major, when stored; null when computed.</summary>
    public double[]? StoredValues => _legs is null ? _stored : null;

    /// <summary>The figure of the leg at row-major <paramref name="index"/>.</summary>
    public double this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var stored = _stored;
            return (uint)index < (uint)stored.Length ? stored[index] : Computed(index);
        }
    }

    public static LegTable Stored(double[] values, bool seconds) => new(values, null, seconds);

    public static LegTable Computed(TravelLegs legs, bool seconds) => new(null, legs, seconds);

    /// <summary>The figure of the leg from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public double At(int from, int to, int count) => _legs is null ? _stored[(from * count) + to] : Figure(from, to);

    // Kept out of line so that the indexer inlines into the search's loops as a plain array read.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double Computed(int index)
    {
        var count = _legs!.Count;
        var from = index / count;
        return Figure(from, index - (from * count));
    }

    private double Figure(int from, int to) => _seconds ? _legs!.Seconds(from, to) : _legs!.Metres(from, to);
}

/// <summary>
/// How the search's hottest loops read legs. The loops are generic over a struct reader, so the JIT
/// compiles them once per kind of table and a stored table's read is a plain array read, with no test
/// of which kind it is (that test cost about 13 % per iteration on small plans).
/// </summary>
internal interface ILegReader
{
    /// <summary>The figure of the leg at row-major <paramref name="index"/>.</summary>
    double this[int index] { get; }
}

/// <summary>Reads a stored table's array.</summary>
internal readonly struct StoredLegs(double[] values) : ILegReader
{
    public double this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => values[index];
    }
}

/// <summary>Reads any table through <see cref="LegTable"/>'s indexer.</summary>
internal readonly struct TableLegs(LegTable table) : ILegReader
{
    public double this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => table[index];
    }
}

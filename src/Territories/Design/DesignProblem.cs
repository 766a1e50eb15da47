using Territories.Internal;
using System.Collections.Immutable;
using System.Globalization;
using Territories.Model;

namespace Territories.Design;

/// <summary>A validated input indexed by integers: units sorted by id, raw attributes (n × m), the unit graph, tolerances.</summary>
internal sealed class DesignProblem
{
    private readonly Dictionary<int, BalanceBounds> _bounds = [];

    private DesignProblem(DesignInput input, Dictionary<string, int> index, double[] raw, double[] tolerance, UnitGraph graph)
    {
        Input = input;
        Index = index;
        Raw = raw;
        Tolerance = tolerance;
        Graph = graph;
        Component = graph.Components(out var count);
        ComponentCount = count;
        var sizes = new int[count];
        foreach (var c in Component)
        {
            sizes[c]++;
        }

        var main = Array.IndexOf(sizes, sizes.Length == 0 ? 0 : sizes.Max());
        Islands = [.. Enumerable.Range(0, N).Where(i => Component[i] != main).Select(i => input.Units[i].Id)];
    }

    public DesignInput Input { get; }

    public Dictionary<string, int> Index { get; }

    public int N => Input.Units.Length;

    public int M => Input.AttributeNames.Length;

    public double[] Raw { get; }

    public double[] Tolerance { get; }

    public UnitGraph Graph { get; }

    public int[] Component { get; }

    public int ComponentCount { get; }

    public ImmutableArray<string> Islands { get; }

    public string Id(int i) => Input.Units[i].Id;

    /// <summary>The balance bounds for <paramref name="k"/> territories, computed once per count.</summary>
    public BalanceBounds Bounds(int k)
    {
        if (!_bounds.TryGetValue(k, out var bounds))
        {
            bounds = BalanceBounds.For(this, k);
            _bounds[k] = bounds;
        }

        return bounds;
    }

    public static DesignProblem? Create(DesignInput input, DesignOptions options, List<DesignError> errors, StopCondition? stop = null)
    {
        var units = input.Units;
        var m = input.AttributeNames.Length;
        if (units.IsEmpty)
        {
            errors.Add(new DesignError(DesignErrorCode.NoUnits, [], "Units", "0", "There are no units to design from."));
            return null;
        }

        var index = new Dictionary<string, int>(units.Length, StringComparer.Ordinal);
        var duplicates = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < units.Length; i++)
        {
            if (!index.TryAdd(units[i].Id, i))
            {
                duplicates.Add(units[i].Id);
            }
        }

        foreach (var d in duplicates)
        {
            errors.Add(new DesignError(DesignErrorCode.DuplicateUnit, [ItemRef.Unit(d)], "Id", d, $"Unit id '{d}' appears more than once."));
        }

        var raw = new double[units.Length * m];
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i].Location is { } at && (input.IsPlanar ? !at.IsFinite : !at.IsValid))
            {
                errors.Add(new DesignError(DesignErrorCode.InvalidGeometry, [ItemRef.Unit(units[i].Id)], "Location", at.ToString(),
                    input.IsPlanar
                        ? $"Unit '{units[i].Id}' is at {at}; planar coordinates must be finite."
                        : $"Unit '{units[i].Id}' is at {at}, which is not a WGS84 position (longitude -180 to 180, latitude -90 to 90)."));
            }

            var values = units[i].Attributes;
            if (values.Length != m)
            {
                errors.Add(new DesignError(DesignErrorCode.AttributeCountMismatch, [ItemRef.Unit(units[i].Id)], "Attributes", values.Length.ToString(CultureInfo.InvariantCulture),
                    $"Unit '{units[i].Id}' has {values.Length} attribute value(s); the input has {m} attribute(s)."));
                continue;
            }

            for (var k = 0; k < m; k++)
            {
                var v = values[k];
                if (!double.IsFinite(v) || v < 0)
                {
                    errors.Add(new DesignError(DesignErrorCode.InvalidAttribute, [ItemRef.Unit(units[i].Id)], $"Attributes[{input.AttributeNames[k]}]", v.ToString(CultureInfo.InvariantCulture),
                        $"Unit '{units[i].Id}' has {input.AttributeNames[k]} = {v.ToString(CultureInfo.InvariantCulture)}; attribute values must be finite and zero or more."));
                }

                raw[(i * m) + k] = v;
            }
        }

        var tolerance = new double[m];
        for (var k = 0; k < m; k++)
        {
            tolerance[k] = options.AttributeTolerances.TryGetValue(input.AttributeNames[k], out var t) ? t : options.Tolerance;
        }

        foreach (var name in options.AttributeTolerances.Keys.Where(n => !input.AttributeNames.Contains(n, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            errors.Add(new DesignError(DesignErrorCode.InvalidAttribute, [ItemRef.Attribute(name)], "AttributeTolerances", name, $"A tolerance is given for '{name}', which is not an attribute of the input."));
        }

        var graph = UnitGraphBuilder.Build(input, index, options.MaxLinkLength, errors, stop);
        return errors.Count > 0 ? null : new DesignProblem(input, index, raw, tolerance, graph);
    }

    /// <summary>Attribute totals of the units in <paramref name="units"/> (all units when null).</summary>
    public double[] Totals(IEnumerable<int>? units = null)
    {
        var totals = new double[M];
        foreach (var i in units ?? Enumerable.Range(0, N))
        {
            for (var k = 0; k < M; k++)
            {
                totals[k] += Raw[(i * M) + k];
            }
        }

        return totals;
    }
}

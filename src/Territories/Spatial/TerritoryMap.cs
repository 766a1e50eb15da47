using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using NetTopologySuite.Geometries;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>
/// A layer of territory boundaries indexed for point lookups: which territory each account or point
/// belongs to, at the rate of millions of points per second per core.
/// </summary>
/// <remarks>
/// <para>
/// Built from <see cref="Territory"/> records: the boundaries are copied with the library's one
/// geometry factory and normalised, so later changes to the caller's objects do not matter. Territories
/// are kept sorted by id (ordinal) and addressed by that position (<see cref="Territories"/>), whatever
/// the input order. Territories without a boundary take part through their named accounts only.
/// </para>
/// <para>
/// Lookups use a uniform grid over the layer: a cell that no boundary crosses answers from one array
/// read; otherwise the territories crossing the cell are tested with an exact crossing-number test
/// restricted to the edges near the point's latitude. Boundary rule (deterministic, documented): a
/// point on the edge shared by two territories belongs to the territory east of the edge (north of an
/// east–west edge): the half-open rule, equivalent to moving the point an infinitesimal step east and
/// north. A point on the outer edge of the layer that this rule leaves outside belongs to the
/// territory whose edge it lies on (the lowest id when several). So in a valid partition every point
/// of the union gets exactly one territory.
/// </para>
/// <para>
/// Assignment order: named-account overrides (<see cref="Territory.NamedAccounts"/>) first, then the
/// account's own <see cref="Account.Territory"/>, then geography. Results never depend on the order of
/// the input nor on the number of threads. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class TerritoryMap
{
    private readonly Territory[] _items;
    private readonly Geometry?[] _geometries;
    private readonly EdgeBands?[] _bands;
    private readonly PointIndex _index;
    private readonly FrozenDictionary<TerritoryId, int> _indexOf;
    private readonly FrozenDictionary<AccountId, ImmutableArray<TerritoryId>> _named;

    private TerritoryMap(Territory[] items, Geometry?[] geometries)
    {
        _items = items;
        _geometries = geometries;
        Territories = [.. items.Select(t => t.Id)];
        _indexOf = Territories.Select((id, i) => (id, i)).ToFrozenDictionary(p => p.id, p => p.i);
        _bands = [.. geometries.Select(g => g is null ? null : EdgeBands.Create(g))];
        _index = new PointIndex(_bands);
        _named = items
            .SelectMany(t => t.NamedAccounts.Distinct().Select(a => (Account: a, Territory: t.Id)))
            .GroupBy(p => p.Account)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Territory).Order().ToImmutableArray());
    }

    /// <summary>The territories of the map, sorted by id; a territory's position here is its index in <see cref="PointAssignment"/>.</summary>
    public ImmutableArray<TerritoryId> Territories { get; }

    /// <summary>
    /// Builds a map from <paramref name="territories"/>. Boundaries need not be valid polygons (use
    /// <see cref="TerritoryValidator"/> to find out), but they must be indexable.
    /// </summary>
    /// <param name="territories">The territories, in any order.</param>
    /// <returns>The map, or every problem that prevents indexing: duplicate ids and non-finite vertices.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="territories"/> or an item is null.</exception>
    public static OneOf<TerritoryMap, TerritoryLayerFailure> Create(IEnumerable<Territory> territories)
    {
        Guard.NotNull(territories);
        var items = territories.ToArray();
        foreach (var t in items)
        {
            Guard.NotNull(t, nameof(territories));
        }

        var problems = new List<TerritoryProblem>();
        foreach (var group in items.GroupBy(t => t.Id).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            problems.Add(new TerritoryProblem(TerritoryProblemCode.DuplicateId, [group.Key], null, 0, $"Territory id '{group.Key}' is used {group.Count()} times."));
        }

        foreach (var t in items.OrderBy(t => t.Id))
        {
            if (t.Boundary is { } b && b.Geometry.Coordinates.FirstOrDefault(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y)) is { } bad)
            {
                problems.Add(new TerritoryProblem(TerritoryProblemCode.InvalidCoordinate, [t.Id], null, 0, string.Create(CultureInfo.InvariantCulture, $"Territory '{t.Id}' has a vertex ({bad.X}, {bad.Y}) that is not a finite number.")));
            }
        }

        if (problems.Count > 0)
        {
            return new TerritoryLayerFailure([.. problems]);
        }

        Array.Sort(items, (a, b) => a.Id.CompareTo(b.Id));
        var geometries = items.Select(t => Normalised(t.Boundary)).ToArray();
        return new TerritoryMap(items, geometries);
    }

    /// <summary>
    /// Builds a map from the territories of a validated model at <paramref name="level"/> (the lowest
    /// level by default). The model guarantees unique ids and sound boundaries.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="level"/> is not one of the model's levels.</exception>
    public static TerritoryMap FromModel(SalesModel model, string? level = null)
    {
        Guard.NotNull(model);
        level ??= model.Levels.IsEmpty ? SalesModel.TerritoryLevel : model.Levels[^1];
        Guard.That(model.Levels.Contains(level), $"Level '{level}' is not one of the model's levels.", nameof(level));
        var items = model.Territories.Where(t => t.Level == level).ToArray();
        return new TerritoryMap(items, [.. items.Select(t => Normalised(t.Boundary))]);
    }

    /// <summary>The index of <paramref name="territory"/> in <see cref="Territories"/>, or −1.</summary>
    public int IndexOf(TerritoryId territory) => _indexOf.GetValueOrDefault(territory, -1);

    /// <summary>The territory record the map was built from, or null when the id is not on the map.</summary>
    public Territory? Find(TerritoryId territory) => IndexOf(territory) is var i and >= 0 ? _items[i] : null;

    /// <summary>The map's copy of a territory's boundary, or null when it has none.</summary>
    public TerritoryBoundary? BoundaryOf(TerritoryId territory) =>
        IndexOf(territory) is var i and >= 0 && _geometries[i] is { } g ? TerritoryBoundary.FromGeometry(g) : null;

    /// <summary>The territory of one point.</summary>
    public PointAssignment Locate(GeoPoint point) => Locate(point.Longitude, point.Latitude);

    /// <summary>
    /// The territory of each point, on the calling thread: <c>results[i]</c> for
    /// (<c>longitudes[i]</c>, <c>latitudes[i]</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Locate(ReadOnlySpan<double> longitudes, ReadOnlySpan<double> latitudes, Span<PointAssignment> results)
    {
        Guard.That(latitudes.Length == longitudes.Length && results.Length == longitudes.Length, "Longitudes, latitudes and results must have the same length.", nameof(results));
        for (var i = 0; i < longitudes.Length; i++)
        {
            results[i] = Locate(longitudes[i], latitudes[i]);
        }
    }

    /// <summary>
    /// The territory of each point, split over threads for large inputs: <c>results.Span[i]</c> for
    /// (<c>longitudes.Span[i]</c>, <c>latitudes.Span[i]</c>). The output is the same for any number of threads.
    /// </summary>
    /// <exception cref="ArgumentException">The buffers differ in length.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void LocateMany(
        ReadOnlyMemory<double> longitudes,
        ReadOnlyMemory<double> latitudes,
        Memory<PointAssignment> results,
        AssignmentOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.That(latitudes.Length == longitudes.Length && results.Length == longitudes.Length, "Longitudes, latitudes and results must have the same length.", nameof(results));
        var o = EngineOptions.Checked(options);
        var n = longitudes.Length;

        // Checked here for both paths: Parallel.For over no chunks returns without looking at the token.
        cancellationToken.ThrowIfCancellationRequested();
        if (n < o.ParallelThreshold || o.MaxDegreeOfParallelism == 1)
        {
            Locate(longitudes.Span, latitudes.Span, results.Span);
            return;
        }

        const int chunk = 1 << 15;
        var chunks = (n + chunk - 1) / chunk;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
            c =>
            {
                var start = c * chunk;
                var length = Math.Min(chunk, n - start);
                Locate(longitudes.Span.Slice(start, length), latitudes.Span.Slice(start, length), results.Span.Slice(start, length));
            });
    }

    /// <summary>Every territory containing <paramref name="point"/> (by the boundary rule), sorted; several when territories overlap.</summary>
    public ImmutableArray<TerritoryId> TerritoriesAt(GeoPoint point)
    {
        if (!point.IsValid)
        {
            return [];
        }

        var found = new List<int>();
        _index.Collect(point.Longitude, point.Latitude, found);
        return [.. found.Select(i => Territories[i])];
    }

    /// <summary>The territory with a boundary nearest to <paramref name="point"/> and the great-circle distance to it in metres; null when the map has no boundary or the point is not valid.</summary>
    /// <remarks>The distance is 0 inside a territory. The nearest point of a boundary is found in a local equirectangular frame around the point (exact to well under 0.1 % within a few hundred km).</remarks>
    public (TerritoryId Territory, double DistanceMetres)? Nearest(GeoPoint point)
    {
        if (!point.IsValid)
        {
            return null;
        }

        var (x, y) = (point.Longitude, point.Latitude);
        if (Locate(x, y) is { Status: AssignmentStatus.Assigned or AssignmentStatus.Ambiguous } inside)
        {
            return (Territories[inside.TerritoryIndex], 0);
        }

        var order = new List<(double Bound, int Index)>();
        for (var i = 0; i < _bands.Length; i++)
        {
            if (_bands[i] is { } b)
            {
                order.Add((Spherical.DistanceToEnvelopeMetres(x, y, b.MinX, b.MinY, b.MaxX, b.MaxY), i));
            }
        }

        if (order.Count == 0)
        {
            return null;
        }

        order.Sort();
        var best = double.PositiveInfinity;
        var bestIndex = -1;
        foreach (var (bound, i) in order)
        {
            // The envelope distance is in the same local frame as the edge distance: a safe cut-off with a margin for the haversine.
            if (bound > best * 1.01)
            {
                break;
            }

            var d = Spherical.DistanceToEdgesMetres(x, y, _bands[i]!.Edges, out _, out _);
            if (d < best)
            {
                (best, bestIndex) = (d, i);
            }
        }

        return (Territories[bestIndex], best);
    }

    /// <summary>Assigns every account to one territory, or says why it has none (see the type's remarks for the order of rules).</summary>
    /// <param name="accounts">The accounts, in any order.</param>
    /// <param name="options">Parallelism and whether to find the nearest territory of unassigned accounts; defaults when null.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>One assignment per account, sorted by account id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accounts"/> or an item is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public AssignmentResult Assign(IEnumerable<Account> accounts, AssignmentOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(accounts);
        var o = EngineOptions.Checked(options);
        var items = accounts.ToArray();
        foreach (var a in items)
        {
            Guard.NotNull(a, nameof(accounts));
        }

        Array.Sort(items, static (a, b) =>
        {
            var c = a.Id.CompareTo(b.Id);
            c = c != 0 ? c : a.Location.Longitude.CompareTo(b.Location.Longitude);
            return c != 0 ? c : a.Location.Latitude.CompareTo(b.Location.Latitude);
        });

        var lon = items.Select(a => a.Location.Longitude).ToArray();
        var lat = items.Select(a => a.Location.Latitude).ToArray();
        var points = new PointAssignment[items.Length];
        LocateMany(lon, lat, points, o, cancellationToken);

        var result = new AccountAssignment[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            result[i] = Resolve(items[i], points[i], o);
        }

        return new AssignmentResult([.. result]);
    }

    internal Geometry? GeometryAt(int index) => _geometries[index];

    internal Territory ItemAt(int index) => _items[index];

    private static Geometry? Normalised(TerritoryBoundary? boundary)
    {
        if (boundary is null || boundary.IsEmpty)
        {
            return null;
        }

        var copy = Geometries.Factory.CreateGeometry(boundary.Geometry);
        copy.Normalize();
        return copy;
    }

    private PointAssignment Locate(double x, double y)
    {
        if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90))
        {
            return new PointAssignment(AssignmentStatus.InvalidLocation, -1);
        }

        var found = _index.Locate(x, y, out var first);
        return found switch
        {
            >= 0 => new PointAssignment(AssignmentStatus.Assigned, found),
            -1 => new PointAssignment(AssignmentStatus.Unassigned, -1),
            _ => new PointAssignment(AssignmentStatus.Ambiguous, first),
        };
    }

    private AccountAssignment Resolve(Account account, PointAssignment point, AssignmentOptions options)
    {
        if (_named.TryGetValue(account.Id, out var naming))
        {
            return naming.Length == 1
                ? new AccountAssignment(account.Id, AssignmentStatus.Named, naming[0], [], null, null)
                : new AccountAssignment(account.Id, AssignmentStatus.Ambiguous, null, naming, null, null);
        }

        if (account.Territory is { } own)
        {
            return new AccountAssignment(account.Id, AssignmentStatus.Named, own, [], null, null);
        }

        switch (point.Status)
        {
            case AssignmentStatus.Assigned:
                return new AccountAssignment(account.Id, AssignmentStatus.Assigned, Territories[point.TerritoryIndex], [], null, null);
            case AssignmentStatus.Ambiguous:
                return new AccountAssignment(account.Id, AssignmentStatus.Ambiguous, null, TerritoriesAt(account.Location), null, null);
            case AssignmentStatus.Unassigned when (options.ComputeNearest || options.SnapDistanceMetres > 0) && Nearest(account.Location) is { } nearest:
                return nearest.DistanceMetres <= options.SnapDistanceMetres
                    ? new AccountAssignment(account.Id, AssignmentStatus.Snapped, nearest.Territory, [], nearest.Territory, nearest.DistanceMetres)
                    : new AccountAssignment(account.Id, AssignmentStatus.Unassigned, null, [], options.ComputeNearest ? nearest.Territory : (TerritoryId?)null, options.ComputeNearest ? nearest.DistanceMetres : null);
            default:
                return new AccountAssignment(account.Id, point.Status, null, [], null, null);
        }
    }
}

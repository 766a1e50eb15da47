using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using Territories.Internal;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>Rolls a territory hierarchy up (territory → area → region): boundaries as unions of children, sums of accounts, potential and workload.</summary>
/// <remarks>
/// Stateless and thread-safe. Problems are reported, not thrown: a level that is not in the list
/// (<see cref="TerritoryProblemCode.UnknownLevel"/>), a territory below the top level without a
/// known parent, or whose parent is not at a higher level (<see cref="TerritoryProblemCode.OrphanTerritory"/>),
/// and loops (<see cref="TerritoryProblemCode.HierarchyCycle"/>, broken at the smallest id so the roll-up
/// still completes). Unions use overlay NG. O(n) plus the unions.
/// </remarks>
public static class TerritoryHierarchy
{
    /// <summary>Rolls up <paramref name="territories"/> with the accounts placed by <paramref name="assignment"/>.</summary>
    /// <param name="territories">Every territory at every level, in any order (ids unique; later duplicates are ignored).</param>
    /// <param name="levels">The levels, top first (e.g. region, area, territory).</param>
    /// <param name="assignment">Where each account belongs.</param>
    /// <param name="accounts">The accounts (potential and visit requirements).</param>
    /// <param name="cycle">The journey cycle the workload is counted over.</param>
    /// <exception cref="ArgumentNullException">An argument or an item is null.</exception>
    public static HierarchyRollUp RollUp(IEnumerable<Territory> territories, IReadOnlyList<string> levels, AssignmentResult assignment, IEnumerable<Account> accounts, JourneyCycle cycle)
    {
        Guard.NotNull(territories);
        Guard.NotNull(levels);
        Guard.NotNull(assignment);
        Guard.NotNull(accounts);
        Guard.NotNull(cycle);
        var items = new SortedDictionary<TerritoryId, Territory>();
        foreach (var t in territories)
        {
            Guard.NotNull(t, nameof(territories));
            items.TryAdd(t.Id, t);
        }

        var levelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < levels.Count; i++)
        {
            levelIndex.TryAdd(Guard.NotNull(levels[i], nameof(levels)), i);
        }

        var problems = new List<TerritoryProblem>();
        var parent = new Dictionary<TerritoryId, TerritoryId?>();
        foreach (var t in items.Values)
        {
            var known = levelIndex.TryGetValue(t.Level, out var li);
            if (!known)
            {
                problems.Add(new TerritoryProblem(TerritoryProblemCode.UnknownLevel, [t.Id], null, 0, $"Territory '{t.Id}' has level '{t.Level}', which is not one of {string.Join(", ", levels)}."));
            }

            TerritoryId? p = null;
            if (t.Parent is { } pid)
            {
                if (!items.TryGetValue(pid, out var pt))
                {
                    problems.Add(new TerritoryProblem(TerritoryProblemCode.OrphanTerritory, [t.Id, pid], null, 0, $"Territory '{t.Id}' names parent '{pid}', which does not exist."));
                }
                else
                {
                    p = pid;
                    if (known && levelIndex.TryGetValue(pt.Level, out var pl) && pl >= li)
                    {
                        problems.Add(new TerritoryProblem(TerritoryProblemCode.OrphanTerritory, [t.Id, pid], null, 0, $"Territory '{t.Id}' at level '{t.Level}' has parent '{pid}' at level '{pt.Level}', which is not higher."));
                    }
                }
            }
            else if (known && li > 0)
            {
                problems.Add(new TerritoryProblem(TerritoryProblemCode.OrphanTerritory, [t.Id], null, 0, $"Territory '{t.Id}' at level '{t.Level}' has no parent."));
            }

            parent[t.Id] = p;
        }

        BreakCycles(parent, problems);

        var children = items.Keys.ToDictionary(id => id, _ => new List<TerritoryId>());
        foreach (var (child, p) in parent)
        {
            if (p is { } pid)
            {
                children[pid].Add(child);
            }
        }

        var own = TerritoryMetricsCalculator.Loads(assignment, accounts, cycle);
        var nodes = new Dictionary<TerritoryId, HierarchyNode>();
        var geometries = new Dictionary<TerritoryId, Geometry?>();
        foreach (var root in items.Keys.Where(id => parent[id] is null))
        {
            Build(root);
        }

        var levelTotals = nodes.Values
            .GroupBy(n => n.Level, StringComparer.Ordinal)
            .OrderBy(g => levelIndex.GetValueOrDefault(g.Key, int.MaxValue))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LevelTotal(g.Key, g.Count(), g.Sum(n => n.AccountCount), g.Sum(n => n.Potential), g.Sum(n => n.WorkloadHours)))
            .ToImmutableArray();
        var sortedProblems = problems.OrderBy(p => p.Code).ThenBy(p => string.Join("\u0001", p.Territories), StringComparer.Ordinal).ToImmutableArray();
        return new HierarchyRollUp([.. nodes.Values.OrderBy(n => n.Territory)], levelTotals, sortedProblems);

        HierarchyNode Build(TerritoryId id)
        {
            var t = items[id];
            var kids = children[id];
            kids.Sort();
            var load = own.GetValueOrDefault(id);
            var (count, potential, hours) = (load.Count, load.Potential, load.Hours);
            var parts = new List<Geometry>();
            foreach (var kid in kids)
            {
                var node = Build(kid);
                count += node.AccountCount;
                potential += node.Potential;
                hours += node.WorkloadHours;
                if (geometries[kid] is { } kg)
                {
                    parts.Add(kg);
                }
            }

            Geometry? g = parts.Count > 0
                ? OverlayNGRobust.Union(parts, Geometries.Factory)
                : t.Boundary is { IsEmpty: false } b ? b.Geometry : null;
            geometries[id] = g;
            var boundary = g is null ? null : g is Polygon or MultiPolygon ? TerritoryBoundary.FromGeometry(g) : null;
            var result = new HierarchyNode
            {
                Territory = id,
                Level = t.Level,
                Parent = parent[id],
                Children = [.. kids],
                Boundary = boundary,
                AreaKm2 = g is null ? 0 : Spherical.AreaKm2(g),
                AccountCount = count,
                Potential = potential,
                WorkloadHours = hours,
            };
            nodes[id] = result;
            return result;
        }
    }

    /// <summary>Rolls up a model's territories, levels, accounts and cycle.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static HierarchyRollUp RollUp(SalesModel model, AssignmentResult assignment)
    {
        Guard.NotNull(model);
        return RollUp(model.Territories, model.Levels, assignment, model.Accounts, model.Cycle);
    }

    private static void BreakCycles(Dictionary<TerritoryId, TerritoryId?> parent, List<TerritoryProblem> problems)
    {
        var state = new Dictionary<TerritoryId, int>();
        foreach (var start in parent.Keys.Order())
        {
            var path = new List<TerritoryId>();
            TerritoryId? current = start;
            while (current is { } c && state.GetValueOrDefault(c) == 0)
            {
                state[c] = 1;
                path.Add(c);
                current = parent[c];
            }

            if (current is { } loopAt && state.GetValueOrDefault(loopAt) == 1)
            {
                var loop = path.Skip(path.IndexOf(loopAt)).Order().ToImmutableArray();
                problems.Add(new TerritoryProblem(TerritoryProblemCode.HierarchyCycle, loop, null, 0, $"The territory hierarchy loops through {string.Join(", ", loop)}; the link from '{loop[0]}' to its parent is ignored."));
                parent[loop[0]] = null;
            }

            foreach (var p in path)
            {
                state[p] = 2;
            }
        }
    }
}

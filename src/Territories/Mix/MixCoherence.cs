using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>Coherence of sales mixes across neighbouring territories: divergence, the pairs that pull apart, and smoothing.</summary>
/// <remarks>
/// <para>
/// Neighbours come as plain <see cref="NeighbourPair"/> data (from a territory adjacency graph or
/// any other source), so coherence does not depend on how adjacency is computed. Mixes are compared
/// over the union of their activity ids (a missing activity has share 0).
/// </para>
/// <para>
/// Smoothing moves each mix toward the weighted average of its neighbours' mixes by
/// <see cref="MixSmoothingOptions.Strength"/> per round, all territories at once, but never past
/// the point where one of its activities would leave that territory's <see cref="ShareBounds"/>
/// (the step is shortened per territory; the bounds and the simplex are convex, so the shortened
/// step stays inside both). If a round would increase the total weighted divergence, its strength is
/// halved until it does not (after 30 halvings the round leaves the mixes as they are), so smoothing
/// never increases the total divergence; a territory whose neighbours all have its mix does not move,
/// so a uniform map is left unchanged. Deterministic: territories and pairs are processed in id order.
/// Complexity O(rounds × (pairs + territories) × activities), times the halvings.
/// </para>
/// </remarks>
public static class MixCoherence
{
    private const int MaxHalvings = 30;

    /// <summary>The divergence between two mixes.</summary>
    /// <param name="first">One mix.</param>
    /// <param name="second">The other mix.</param>
    /// <param name="measure">The measure; Jensen-Shannon by default.</param>
    /// <returns>A value from 0 (equal) to 1.</returns>
    /// <exception cref="ArgumentNullException">A mix is null.</exception>
    public static double Divergence(SalesMix first, SalesMix second, MixDivergenceMeasure measure = MixDivergenceMeasure.JensenShannon)
    {
        Guard.NotNull(first);
        Guard.NotNull(second);
        Guard.That(Enum.IsDefined(measure), "Unknown divergence measure.", nameof(measure));
        var keys = first.Shares.Keys.Union(second.Shares.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return Divergence([.. keys.Select(k => first[k])], [.. keys.Select(k => second[k])], measure);
    }

    /// <summary>The divergence of every neighbour pair, the pairs above <paramref name="threshold"/>, and the weighted total.</summary>
    /// <param name="mixes">The mix of each territory.</param>
    /// <param name="pairs">The neighbour pairs.</param>
    /// <param name="threshold">The divergence above which a pair is listed as divergent; 0.05 by default.</param>
    /// <param name="measure">The measure; Jensen-Shannon by default.</param>
    /// <returns>The report, or every problem with the pairs: a territory paired with itself, a pair listed twice, an unknown territory, a weight that is not positive.</returns>
    /// <exception cref="ArgumentNullException">An argument or a mix is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is negative or not finite.</exception>
    public static OneOf<CoherenceReport, MixFailure> Analyze(
        IReadOnlyDictionary<TerritoryId, SalesMix> mixes,
        IEnumerable<NeighbourPair> pairs,
        double threshold = 0.05,
        MixDivergenceMeasure measure = MixDivergenceMeasure.JensenShannon)
    {
        Guard.NotNull(mixes);
        Guard.NotNull(pairs);
        Guard.NonNegative(threshold);
        Guard.That(Enum.IsDefined(measure), "Unknown divergence measure.", nameof(measure));
        var errors = new List<MixError>();
        var edges = CheckPairs(mixes, pairs, errors);
        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        var result = edges.Select(e => new PairDivergence(e.First, e.Second, e.Weight, Divergence(mixes[e.First], mixes[e.Second], measure))).ToImmutableArray();
        return new CoherenceReport(measure, threshold, result, [.. result.Where(p => p.Divergence > threshold)], result.Sum(p => p.Weight * p.Divergence));
    }

    /// <summary>Moves each territory's mix toward its neighbours' (see the remarks on the type).</summary>
    /// <param name="mixes">The mix of each territory.</param>
    /// <param name="pairs">The neighbour pairs.</param>
    /// <param name="options">Strength, rounds, measure and bounds; null for the defaults.</param>
    /// <returns>The smoothed mixes with the total divergence before and after, or every problem: bad pairs, bounds naming unknown territories or activities, a mix already outside its bounds.</returns>
    /// <exception cref="ArgumentNullException">An argument or a mix is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static OneOf<MixSmoothingResult, MixFailure> Smooth(
        IReadOnlyDictionary<TerritoryId, SalesMix> mixes,
        IEnumerable<NeighbourPair> pairs,
        MixSmoothingOptions? options = null)
    {
        Guard.NotNull(mixes);
        Guard.NotNull(pairs);
        var o = EngineOptions.Checked(options);
        var errors = new List<MixError>();
        var edges = CheckPairs(mixes, pairs, errors);
        var ids = mixes.Keys.Order().ToList();
        var keys = ids.SelectMany(t => mixes[t].Shares.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lower = new Dictionary<TerritoryId, double[]>();
        var upper = new Dictionary<TerritoryId, double[]>();
        foreach (var (territory, table) in o.Bounds.OrderBy(b => b.Key))
        {
            if (!mixes.ContainsKey(territory))
            {
                errors.Add(MixErrors.Error(MixErrorCode.UnknownTerritory, ItemRef.Of(territory), "Bounds", territory.Value, $"Bounds are given for territory '{territory}', which has no mix."));
                continue;
            }

            lower[territory] = new double[keys.Count];
            upper[territory] = [.. keys.Select(_ => 1.0)];
            foreach (var (activity, bounds) in table.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                var a = keys.BinarySearch(activity, StringComparer.Ordinal);
                if (a < 0)
                {
                    errors.Add(MixErrors.Error(MixErrorCode.UnknownActivity, ItemRef.Of(territory), $"Bounds[{activity}]", activity, $"Activity '{activity}' is in no mix."));
                    continue;
                }

                lower[territory][a] = bounds.Minimum;
                upper[territory][a] = bounds.Maximum;
                var share = mixes[territory][activity];
                if (share < bounds.Minimum - 1e-12 || share > bounds.Maximum + 1e-12)
                {
                    errors.Add(MixErrors.Error(MixErrorCode.MixOutsideBounds, ItemRef.Of(territory), $"Bounds[{activity}]", MixErrors.Text(share), $"The share of '{activity}' is {MixErrors.Text(share)}, outside its bounds {MixErrors.Text(bounds.Minimum)} to {MixErrors.Text(bounds.Maximum)}."));
                }
            }
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        var state = ids.ToDictionary(t => t, t => keys.Select(k => mixes[t][k]).ToArray());
        var neighbours = ids.ToDictionary(t => t, _ => new List<(TerritoryId Other, double Weight)>());
        foreach (var e in edges)
        {
            neighbours[e.First].Add((e.Second, e.Weight));
            neighbours[e.Second].Add((e.First, e.Weight));
        }

        var before = Total(state, edges, o.Measure);
        var current = before;
        for (var round = 0; round < o.Rounds; round++)
        {
            var accepted = false;
            var strength = o.Strength;
            for (var attempt = 0; attempt <= MaxHalvings && strength > 0; attempt++, strength /= 2)
            {
                var candidate = Step(state, ids, neighbours, lower, upper, strength);
                var total = Total(candidate, edges, o.Measure);
                if (total <= current)
                {
                    state = candidate;
                    current = total;
                    accepted = true;
                    break;
                }
            }

            if (!accepted)
            {
                break;
            }
        }

        var result = ids.ToImmutableSortedDictionary(
            t => t,
            t => state[t].SequenceEqual(keys.Select(k => mixes[t][k])) ? mixes[t] : SalesMix.FromTrusted(keys.Select((k, a) => KeyValuePair.Create(k, state[t][a]))));
        return new MixSmoothingResult(result, before, current);
    }

    private static Dictionary<TerritoryId, double[]> Step(
        Dictionary<TerritoryId, double[]> state,
        List<TerritoryId> ids,
        Dictionary<TerritoryId, List<(TerritoryId Other, double Weight)>> neighbours,
        Dictionary<TerritoryId, double[]> lower,
        Dictionary<TerritoryId, double[]> upper,
        double strength)
    {
        var next = new Dictionary<TerritoryId, double[]>();
        foreach (var id in ids)
        {
            var mix = state[id];
            var near = neighbours[id];
            if (near.Count == 0 || near.All(n => state[n.Other].SequenceEqual(mix)))
            {
                next[id] = mix;
                continue;
            }

            var weight = near.Sum(n => n.Weight);
            var average = new double[mix.Length];
            foreach (var (other, w) in near)
            {
                for (var a = 0; a < mix.Length; a++)
                {
                    average[a] += w * state[other][a] / weight;
                }
            }

            var step = strength;
            for (var a = 0; a < mix.Length; a++)
            {
                var d = average[a] - mix[a];
                var lo = lower.TryGetValue(id, out var l) ? l[a] : 0;
                var hi = upper.TryGetValue(id, out var u) ? u[a] : 1;
                if (d > 0)
                {
                    step = Math.Min(step, Math.Max(0, (hi - mix[a]) / d));
                }
                else if (d < 0)
                {
                    step = Math.Min(step, Math.Max(0, (lo - mix[a]) / d));
                }
            }

            next[id] = step <= 0 ? mix : [.. mix.Select((m, a) => Math.Clamp(m + (step * (average[a] - m)), 0, 1))];
        }

        return next;
    }

    private static double Total(Dictionary<TerritoryId, double[]> state, List<NeighbourPair> edges, MixDivergenceMeasure measure) =>
        edges.Sum(e => e.Weight * Divergence(state[e.First], state[e.Second], measure));

    private static double Divergence(double[] p, double[] q, MixDivergenceMeasure measure)
    {
        double sum = 0;
        for (var a = 0; a < p.Length; a++)
        {
            if (measure == MixDivergenceMeasure.TotalVariation)
            {
                sum += Math.Abs(p[a] - q[a]) / 2;
                continue;
            }

            var m = (p[a] + q[a]) / 2;
            if (p[a] > 0)
            {
                sum += p[a] * Math.Log2(p[a] / m) / 2;
            }

            if (q[a] > 0)
            {
                sum += q[a] * Math.Log2(q[a] / m) / 2;
            }
        }

        return Math.Clamp(sum, 0, 1);
    }

    private static List<NeighbourPair> CheckPairs(IReadOnlyDictionary<TerritoryId, SalesMix> mixes, IEnumerable<NeighbourPair> pairs, List<MixError> errors)
    {
        foreach (var (id, mix) in mixes)
        {
            Guard.That(mix is not null, $"The mix of territory '{id}' is null.", nameof(mixes));
        }

        var seen = new HashSet<(TerritoryId, TerritoryId)>();
        var edges = new List<NeighbourPair>();
        foreach (var pair in pairs.Select(p => p.First <= p.Second ? p : new NeighbourPair(p.Second, p.First, p.Weight)).OrderBy(p => p.First).ThenBy(p => p.Second).ThenBy(p => p.Weight))
        {
            var ids = ImmutableArray.Create(ItemRef.Of(pair.First), ItemRef.Of(pair.Second));
            var ok = true;
            if (pair.First == pair.Second)
            {
                errors.Add(MixErrors.Error(MixErrorCode.InvalidNeighbourPair, ids, "Second", pair.Second.Value, $"Territory '{pair.First}' is paired with itself."));
                ok = false;
            }
            else if (!seen.Add((pair.First, pair.Second)))
            {
                errors.Add(MixErrors.Error(MixErrorCode.InvalidNeighbourPair, ids, "First", pair.First.Value, $"The pair '{pair.First}'-'{pair.Second}' is listed more than once."));
                ok = false;
            }

            foreach (var t in new[] { pair.First, pair.Second }.Distinct())
            {
                if (!mixes.ContainsKey(t))
                {
                    errors.Add(MixErrors.Error(MixErrorCode.UnknownTerritory, ids, t == pair.First ? "First" : "Second", t.Value, $"Territory '{t}' has no mix."));
                    ok = false;
                }
            }

            if (!double.IsFinite(pair.Weight) || pair.Weight <= 0)
            {
                errors.Add(MixErrors.Error(MixErrorCode.NegativeValue, ids, "Weight", MixErrors.Text(pair.Weight), "The weight of a pair must be a positive finite number."));
                ok = false;
            }

            if (ok)
            {
                edges.Add(pair);
            }
        }

        return edges;
    }
}

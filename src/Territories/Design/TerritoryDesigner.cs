using System.Collections.Immutable;
using System.Globalization;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Design;

/// <summary>
/// Designs balanced, contiguous, compact territories from basic units, realigns an existing plan
/// with as little movement as possible, and scores or compares plans.
/// </summary>
/// <remarks>
/// <para>
/// Design: seeds spread by a balanced k-means on unit centres (far apart in hops when units have no
/// position), territories grown from them over the unit graph (so each starts contiguous), then
/// simulated annealing over boundary moves that keeps every territory in one piece (a unit leaves
/// only if its territory's neighbours of it stay connected), first on the sum of relative balance
/// violations beyond the tolerances (with a light compactness term), restarting until balanced,
/// then on the moment of inertia (or, without positions, the number of cut links) under the balance.
/// Each search round costs O(100 · links) move evaluations plus a local breadth-first contiguity test
/// per accepted move.
/// </para>
/// <para>
/// Determinism: the same input (in any order), options and seed give the same plan, as long as the
/// time limit or cancellation does not cut the search short (then the best plan so far is returned,
/// marked <see cref="DesignResult.StoppedEarly"/>). Thread-safe: the designer holds only its copied options.
/// </para>
/// <para>
/// Islands: polygon units whose borders fall into pieces are joined by island links (see
/// <see cref="IslandLink"/>, listed in <see cref="DesignReport.IslandLinks"/>), so they take part like
/// any unit. Point or linked units in a connected piece of the unit graph too small to earn a
/// territory of its own join the territory of the nearest unit; they are listed in
/// <see cref="DesignReport.IslandUnits"/> and that territory's contiguity is reported as it is.
/// </para>
/// </remarks>
public sealed class TerritoryDesigner
{
    private readonly DesignOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a designer from validated, copied options.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="timeProvider">The clock for the time limit; null for the system clock.</param>
    /// <exception cref="ArgumentException">The options are not valid (every failure is listed).</exception>
    public TerritoryDesigner(DesignOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = EngineOptions.Checked(options);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Designs territories from the units of <paramref name="input"/>.</summary>
    /// <param name="input">The units.</param>
    /// <param name="cancellationToken">
    /// Stops the search; the best plan so far is returned. Cancelled (or out of time) before any plan
    /// exists (while the units' graph is built, or the first plan drawn), the result is a failure with
    /// <see cref="DesignErrorCode.Cancelled"/> (or <see cref="DesignErrorCode.TimeLimitReached"/>).
    /// </param>
    /// <param name="progress">Told after each search round.</param>
    /// <returns>
    /// The plan; or a failure listing every input problem; or, when the tolerance was not met, a
    /// failure with <see cref="DesignErrorCode.ToleranceNotMet"/> and the best plan as <see cref="DesignFailure.BestEffort"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The options give neither a territory count, a target per territory, nor territory ids.</exception>
    public OneOf<DesignResult, DesignFailure> Design(DesignInput input, IProgress<DesignProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(input);
        Guard.That(_options.TerritoryCount is not null || _options.TargetPerTerritory is not null || _options.TerritoryIds.Count > 0,
            "DesignOptions must give TerritoryCount, TargetPerTerritory or TerritoryIds.", nameof(input));
        var started = _time.GetTimestamp();
        var errors = new List<DesignError>();
        var problem = Prepare(input, errors, started, cancellationToken);
        if (problem is null)
        {
            return Fail(errors);
        }

        var k = TerritoryCount(problem, errors);
        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        var ids = _options.TerritoryIds.Count > 0 ? [.. _options.TerritoryIds] : GeneratedIds(k);
        var (pinned, seedUnit) = Pins(problem, ids, errors);
        CheckSomethingToBalance(problem, errors);
        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        var engine = new DesignEngine(problem, k, _options.Seed, StopAt(started, 0.9, cancellationToken));
        MarkFixed(engine, pinned);
        var baseline = _options.ComputeBaseline ? engine.Baseline() : null;
        int[] initial;
        try
        {
            // Stopped before the first plan is drawn, there is no plan to return (as while preparing).
            initial = engine.Initial(pinned, seedUnit, stopped: true);
        }
        catch (DesignStoppedException stopped)
        {
            errors.Add(StoppedError(stopped.Reason, "drawing the first plan"));
            return Fail(errors);
        }

        var of = engine.Search(initial, pinned, seedUnit, _options.MaxRounds, progress is null ? null : progress.Report);
        var result = Result(problem, of, ids, baseline is null ? null : DesignScorer.Score(problem, baseline, ids), engine.Stopped);
        return result.Report.IsBalanced ? result : new DesignFailure([ToleranceError(problem, k, result.Report)], result);
    }

    /// <summary>
    /// Restores balance to an existing alignment after changes, moving as little attribute volume as
    /// possible. Changes are read from the arguments: units of <paramref name="input"/> missing from
    /// <paramref name="current"/> are new, units of <paramref name="current"/> missing from the input
    /// are removed, attribute values are the input's, and <paramref name="territories"/> (when given)
    /// adds or removes territories. Locked units of the options never move.
    /// </summary>
    /// <remarks>
    /// Two starts compete: the plan as it is, and the plan after following the least-cost flow of
    /// volume over the territory borders; each is finished by an annealing on balance and moved volume
    /// (no compactness term) with exchanges of two border units where single moves overshoot. The
    /// annealing is repeated up to eight times per start while the time limit allows, and the balanced
    /// plan that moves least is kept. An already balanced alignment is returned unchanged.
    /// </remarks>
    /// <param name="input">The units as they are now.</param>
    /// <param name="current">The existing alignment.</param>
    /// <param name="territories">
    /// The territories to have after realignment; null for those of the options' <see cref="DesignOptions.TerritoryIds"/>
    /// when given, else the current ones (grown or shrunk to <see cref="DesignOptions.TerritoryCount"/> when it is set
    /// and differs: new ids are added, or the lightest territories are removed).
    /// </param>
    /// <param name="cancellationToken">
    /// Stops the search; the best plan so far is returned. Cancelled (or out of time) while the units'
    /// graph is still being built, before any plan exists, the result is a failure with
    /// <see cref="DesignErrorCode.Cancelled"/> (or <see cref="DesignErrorCode.TimeLimitReached"/>).
    /// </param>
    /// <returns>The realigned plan with what moved and the lower bound; or a failure as for <see cref="Design"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="current"/> is null.</exception>
    public OneOf<RealignmentResult, DesignFailure> Realign(DesignInput input, Alignment current, IEnumerable<TerritoryId>? territories = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(input);
        Guard.NotNull(current);
        var started = _time.GetTimestamp();
        var errors = new List<DesignError>();
        var problem = Prepare(input, errors, started, cancellationToken);
        if (problem is null)
        {
            return Fail(errors);
        }

        var ids = TerritoriesAfter(problem, current, territories);
        if (ids.Count == 0 || ids.Count > problem.N)
        {
            errors.Add(new DesignError(DesignErrorCode.TooManyTerritories, [], "TerritoryCount", ids.Count.ToString(CultureInfo.InvariantCulture),
                $"{ids.Count} territories are asked for with {problem.N} units."));
            return Fail(errors);
        }

        var (pinned, _) = Pins(problem, ids, errors);
        CheckSomethingToBalance(problem, errors);
        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        var k = ids.Count;
        var position = ids.Select((id, t) => (id, t)).ToDictionary(e => e.id, e => e.t);
        var original = new int[problem.N];
        var removedTerritory = new bool[problem.N];
        for (var i = 0; i < problem.N; i++)
        {
            original[i] = -1;
            if (current.TryGetTerritory(problem.Id(i), out var t))
            {
                if (position.TryGetValue(t, out var ti))
                {
                    original[i] = ti;
                }
                else
                {
                    removedTerritory[i] = true;
                }
            }
        }

        var engine = new DesignEngine(problem, k, _options.Seed, StopAt(started, 0.9, cancellationToken));
        MarkFixed(engine, pinned);
        var lowerBound = RealignmentBound.Volume(problem, engine, original, removedTerritory, k);
        var start = (int[])original.Clone();
        for (var i = 0; i < problem.N; i++)
        {
            if (pinned[i] >= 0)
            {
                start[i] = pinned[i];
            }
        }

        var structural = removedTerritory.Any(r => r) || original.Any(o => o < 0) || Enumerable.Range(0, k).Any(t => !start.Contains(t));
        if (structural)
        {
            SeedEmptyTerritories(problem, engine, start);
            RegionGrowing.Grow(problem.Graph, engine.Normalised, problem.M, k, start, null);
            AttachLeftovers(problem, start);
        }

        var of = engine.Repair(start, original, _options.MaxRounds);
        var design = Result(problem, of, ids, null, engine.Stopped);
        var moved = Enumerable.Range(0, problem.N).Where(i => (original[i] >= 0 || removedTerritory[i]) && of[i] != original[i]).ToList();
        var volume = problem.Totals(moved);
        var realigned = new RealignmentResult(design, [.. moved.Select(problem.Id)], [.. volume], [.. lowerBound]);
        return design.Report.IsBalanced ? realigned : new DesignFailure([ToleranceError(problem, k, design.Report)], design) { BestRealignment = realigned };
    }

    /// <summary>
    /// Checks, without searching, whether any contiguous plan can meet the options' tolerances with
    /// the options' territory count: a lower bound on each attribute's deviation, and a proof when the
    /// tolerances together cannot be met.
    /// </summary>
    /// <remarks>
    /// Sound, not complete: a proof means no contiguous plan exists; no proof does not promise one.
    /// The proof follows cut units of the unit graph (see <see cref="ToleranceCheck"/>). O(units + links)
    /// plus a small search per cut unit.
    /// </remarks>
    /// <param name="input">The units.</param>
    /// <returns>The check; or a failure listing input problems as for <see cref="Design"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The options give neither a territory count, a target per territory, nor territory ids.</exception>
    public OneOf<ToleranceCheck, DesignFailure> CheckTolerance(DesignInput input)
    {
        Guard.NotNull(input);
        Guard.That(_options.TerritoryCount is not null || _options.TargetPerTerritory is not null || _options.TerritoryIds.Count > 0,
            "DesignOptions must give TerritoryCount, TargetPerTerritory or TerritoryIds.", nameof(input));
        var errors = new List<DesignError>();
        var problem = DesignProblem.Create(input, _options, errors);
        if (problem is null)
        {
            return Fail(errors);
        }

        var k = TerritoryCount(problem, errors);
        CheckSomethingToBalance(problem, errors);
        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        var bounds = problem.Bounds(k);
        var refutation = bounds.Refute(problem.Tolerance);
        return new ToleranceCheck(input.AttributeNames, [.. problem.Tolerance], [.. bounds.DeviationLowerBounds()], refutation?.Unit, refutation?.Proof);
    }

    /// <summary>
    /// The unit graph the designer works on: every pair of units it treats as neighbours, so that they
    /// may sit in one contiguous territory together.
    /// </summary>
    /// <remarks>
    /// The pairs are the input's own links, units whose shapes share a border, neighbours in the
    /// Delaunay graph of point units (up to <see cref="DesignOptions.MaxLinkLength"/>), and the links
    /// that tie islands to the mainland (also in <see cref="DesignReport.IslandLinks"/>). Each pair is listed once, the smaller id (ordinal) in
    /// <see cref="UnitLink.From"/>, sorted by <c>From</c> then <c>To</c>: the same input gives the same
    /// list. Use it to draw the graph, to check a plan's contiguity elsewhere, or to give another
    /// solver the same problem. Costs what the start of <see cref="Design"/> costs: building the graph.
    /// </remarks>
    /// <param name="input">The units.</param>
    /// <returns>The pairs; or a failure listing input problems as for <see cref="Design"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public OneOf<ImmutableArray<UnitLink>, DesignFailure> Neighbours(DesignInput input)
    {
        Guard.NotNull(input);
        var errors = new List<DesignError>();
        var problem = DesignProblem.Create(input, _options, errors);
        if (problem is null)
        {
            return Fail(errors);
        }

        var graph = problem.Graph;
        var links = new List<UnitLink>(graph.Neighbours.Length / 2);
        for (var e = 0; e < graph.Neighbours.Length; e++)
        {
            var a = problem.Id(graph.Owner[e]);
            var b = problem.Id(graph.Neighbours[e]);
            if (string.CompareOrdinal(a, b) < 0)
            {
                links.Add(new UnitLink(a, b));
            }
        }

        links.Sort((x, y) => string.CompareOrdinal(x.From, y.From) is var c and not 0 ? c : string.CompareOrdinal(x.To, y.To));
        return links.ToImmutableArray();
    }

    /// <summary>Scores an alignment of the units of <paramref name="input"/>, with the options' tolerances.</summary>
    /// <returns>The report; or a failure naming units that are unaligned or unknown, and other input problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="alignment"/> is null.</exception>
    public OneOf<DesignReport, DesignFailure> Evaluate(DesignInput input, Alignment alignment)
    {
        Guard.NotNull(input);
        Guard.NotNull(alignment);
        var errors = new List<DesignError>();
        var problem = DesignProblem.Create(input, _options, errors);
        if (problem is null)
        {
            return Fail(errors);
        }

        var of = Indexed(problem, alignment, errors, out var ids);
        return errors.Count > 0 ? Fail(errors) : DesignScorer.Score(problem, of!, ids);
    }

    /// <summary>Compares two alignments of the same units side by side (a what-if).</summary>
    /// <returns>Both reports and the units that changed hands; or a failure as for <see cref="Evaluate"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OneOf<AlignmentComparison, DesignFailure> Compare(DesignInput input, Alignment first, Alignment second)
    {
        Guard.NotNull(input);
        Guard.NotNull(first);
        Guard.NotNull(second);
        var errors = new List<DesignError>();
        var problem = DesignProblem.Create(input, _options, errors);
        if (problem is null)
        {
            return Fail(errors);
        }

        var a = Indexed(problem, first, errors, out var idsA);
        var b = Indexed(problem, second, errors, out var idsB);
        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        var changes = new List<UnitChange>();
        var changedUnits = new List<int>();
        foreach (var unit in first.Entries.Select(e => e.Key).Union(second.Entries.Select(e => e.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            TerritoryId? from = first.TryGetTerritory(unit, out var f) ? f : default(TerritoryId?);
            TerritoryId? to = second.TryGetTerritory(unit, out var t) ? t : default(TerritoryId?);
            if (from != to)
            {
                changes.Add(new UnitChange(unit, from, to));
                if (problem.Index.TryGetValue(unit, out var i))
                {
                    changedUnits.Add(i);
                }
            }
        }

        return new AlignmentComparison(DesignScorer.Score(problem, a!, idsA), DesignScorer.Score(problem, b!, idsB), [.. changes], [.. problem.Totals(changedUnits)]);
    }

    private static int[]? Indexed(DesignProblem problem, Alignment alignment, List<DesignError> errors, out List<TerritoryId> ids)
    {
        ids = [.. alignment.Territories];
        var position = ids.Select((id, t) => (id, t)).ToDictionary(e => e.id, e => e.t);
        var of = new int[problem.N];
        var unaligned = new List<string>();
        for (var i = 0; i < problem.N; i++)
        {
            if (alignment.TryGetTerritory(problem.Id(i), out var t))
            {
                of[i] = position[t];
            }
            else
            {
                unaligned.Add(problem.Id(i));
            }
        }

        var unknown = alignment.Entries.Where(e => !problem.Index.ContainsKey(e.Key)).Select(e => e.Key).ToImmutableArray();
        if (unaligned.Count > 0)
        {
            errors.Add(new DesignError(DesignErrorCode.UnalignedUnit, ItemRef.Units(unaligned), "Alignment", null, $"{unaligned.Count} unit(s) have no territory; first: {unaligned[0]}."));
        }

        if (!unknown.IsEmpty)
        {
            errors.Add(new DesignError(DesignErrorCode.UnknownUnit, ItemRef.Units(unknown), "Alignment", null, $"{unknown.Length} aligned unit(s) are not in the input; first: {unknown[0]}."));
        }

        return errors.Count > 0 ? null : of;
    }

    private List<TerritoryId> TerritoriesAfter(DesignProblem problem, Alignment current, IEnumerable<TerritoryId>? territories)
    {
        if (territories is not null)
        {
            return [.. territories.Distinct()];
        }

        if (_options.TerritoryIds.Count > 0)
        {
            return [.. _options.TerritoryIds];
        }

        var ids = current.Territories.ToList();
        var wanted = _options.TerritoryCount ?? ids.Count;
        for (var n = 1; ids.Count < wanted; n++)
        {
            var id = new TerritoryId("T" + (ids.Count + n).ToString("D2", CultureInfo.InvariantCulture));
            if (!ids.Contains(id))
            {
                ids.Add(id);
                n = 0;
            }
        }

        if (ids.Count > wanted)
        {
            var load = ids.ToDictionary(id => id, _ => 0.0);
            for (var i = 0; i < problem.N; i++)
            {
                if (current.TryGetTerritory(problem.Id(i), out var t) && load.ContainsKey(t))
                {
                    load[t] += problem.Raw[i * problem.M];
                }
            }

            var locked = new HashSet<TerritoryId>(_options.LockedUnits.Values);
            ids = [.. ids.OrderBy(id => locked.Contains(id)).ThenBy(id => load[id]).ThenBy(id => id).Skip(ids.Count - wanted).Order()];
        }

        return ids;
    }

    private static void SeedEmptyTerritories(DesignProblem problem, DesignEngine engine, int[] of)
    {
        var g = problem.Graph;
        var m = problem.M;
        for (var t = 0; t < engine.K; t++)
        {
            if (of.Contains(t))
            {
                continue;
            }

            var free = Enumerable.Range(0, problem.N).Where(i => of[i] < 0 && !engine.Fixed[i]).ToList();
            int seed;
            if (free.Count > 0)
            {
                seed = free[0];
            }
            else
            {
                var load = new double[engine.K];
                for (var i = 0; i < problem.N; i++)
                {
                    load[of[i]] += engine.Normalised[i * m];
                }

                var donor = Enumerable.Range(0, engine.K).MaxBy(d => load[d]);
                var members = Enumerable.Range(0, problem.N).Where(i => of[i] == donor && !engine.Fixed[i]).ToList();
                if (members.Count < 2)
                {
                    continue;
                }

                if (g.HasCoordinates)
                {
                    var cx = members.Average(i => g.X![i]);
                    var cy = members.Average(i => g.Y![i]);
                    seed = members.MaxBy(i => ((g.X![i] - cx) * (g.X![i] - cx)) + ((g.Y![i] - cy) * (g.Y![i] - cy)));
                }
                else
                {
                    seed = members[^1];
                }
            }

            of[seed] = t;
        }
    }

    private static void AttachLeftovers(DesignProblem problem, int[] of)
    {
        var g = problem.Graph;
        var placed = Enumerable.Range(0, problem.N).Where(i => of[i] >= 0).ToArray();
        for (var i = 0; i < problem.N; i++)
        {
            if (of[i] < 0)
            {
                var nearest = g.HasCoordinates ? placed.MinBy(j => Math.Pow(g.X![i] - g.X![j], 2) + Math.Pow(g.Y![i] - g.Y![j], 2)) : placed[0];
                of[i] = of[nearest];
            }
        }
    }

    private (int[] Pinned, int[] SeedUnit) Pins(DesignProblem problem, List<TerritoryId> ids, List<DesignError> errors)
    {
        var position = ids.Select((id, t) => (id, t)).ToDictionary(e => e.id, e => e.t);
        var pinned = Enumerable.Repeat(-1, problem.N).ToArray();
        var seedUnit = Enumerable.Repeat(-1, ids.Count).ToArray();
        foreach (var (unit, territory) in _options.LockedUnits.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!problem.Index.TryGetValue(unit, out var i))
            {
                errors.Add(new DesignError(DesignErrorCode.UnknownUnit, [ItemRef.Unit(unit)], "LockedUnits", unit, $"Locked unit '{unit}' is not in the input."));
            }
            else if (!position.TryGetValue(territory, out var t))
            {
                errors.Add(new DesignError(DesignErrorCode.UnknownTerritory, [ItemRef.Of(territory), ItemRef.Unit(unit)], "LockedUnits", territory.Value, $"Unit '{unit}' is locked to '{territory}', which is not designed."));
            }
            else
            {
                pinned[i] = t;
            }
        }

        foreach (var (territory, unit) in _options.Seeds.OrderBy(e => e.Key))
        {
            if (!position.TryGetValue(territory, out var t))
            {
                errors.Add(new DesignError(DesignErrorCode.UnknownTerritory, [ItemRef.Of(territory), ItemRef.Unit(unit)], "Seeds", territory.Value, $"Seed territory '{territory}' is not designed."));
            }
            else if (!problem.Index.TryGetValue(unit, out var i))
            {
                errors.Add(new DesignError(DesignErrorCode.UnknownUnit, [ItemRef.Unit(unit), ItemRef.Of(territory)], "Seeds", unit, $"Seed unit '{unit}' is not in the input."));
            }
            else if ((pinned[i] >= 0 && pinned[i] != t) || seedUnit.Contains(i))
            {
                errors.Add(new DesignError(DesignErrorCode.ConflictingSeed, [ItemRef.Unit(unit), ItemRef.Of(territory)], "Seeds", unit, $"Seed unit '{unit}' of '{territory}' is locked to or seeds another territory."));
            }
            else
            {
                seedUnit[t] = i;
                pinned[i] = t;
            }
        }

        return (pinned, seedUnit);
    }

    private static void CheckSomethingToBalance(DesignProblem problem, List<DesignError> errors)
    {
        if (problem.Totals().All(t => t <= 0))
        {
            errors.Add(new DesignError(DesignErrorCode.NothingToBalance, [.. problem.Input.AttributeNames.Select(ItemRef.Attribute)], "Attributes", "0", "Every attribute totals zero; there is nothing to balance."));
        }
    }

    private static void MarkFixed(DesignEngine engine, int[] pinned)
    {
        for (var i = 0; i < pinned.Length; i++)
        {
            engine.Fixed[i] = pinned[i] >= 0;
        }
    }

    private DesignResult Result(DesignProblem problem, int[] of, List<TerritoryId> ids, DesignReport? baseline, bool stopped)
    {
        var alignment = Alignment.Create(Enumerable.Range(0, problem.N).Select(i => KeyValuePair.Create(problem.Id(i), ids[of[i]])));
        return new DesignResult(alignment, DesignScorer.Territories(problem, of, ids, _options.ComputeBoundaries), DesignScorer.Score(problem, of, ids), baseline, stopped);
    }

    private static DesignError ToleranceError(DesignProblem problem, int k, DesignReport report)
    {
        var failing = report.Balance.Where(b => !b.IsWithinTolerance).ToList();
        var text = string.Join("; ", failing.Select(b => string.Create(CultureInfo.InvariantCulture,
            $"{b.Attribute}: best {b.MaxRelativeDeviation:P2} against ±{b.Tolerance:P2} (no contiguous plan can beat {b.DeviationLowerBound:P2})")));
        var proof = problem.Bounds(k).Refute(problem.Tolerance) is { } refutation ? " No contiguous plan meets the tolerances: " + refutation.Proof : "";
        return new DesignError(DesignErrorCode.ToleranceNotMet, [.. failing.Select(b => ItemRef.Attribute(b.Attribute))], "Tolerance",
            report.MaxRelativeDeviation.ToString("R", CultureInfo.InvariantCulture), "Balance tolerance not met. " + text + "." + proof);
    }

    private int TerritoryCount(DesignProblem problem, List<DesignError> errors)
    {
        var k = _options.TerritoryIds.Count > 0 ? _options.TerritoryIds.Count
            : _options.TerritoryCount ?? Math.Max(1, (int)Math.Round(problem.Totals()[0] / _options.TargetPerTerritory!.Value));
        if (k > problem.N)
        {
            errors.Add(new DesignError(DesignErrorCode.TooManyTerritories, [], "TerritoryCount", k.ToString(CultureInfo.InvariantCulture),
                $"{k} territories are asked for but there are only {problem.N} units."));
        }

        return k;
    }

    private static List<TerritoryId> GeneratedIds(int k)
    {
        var width = Math.Max(2, k.ToString(CultureInfo.InvariantCulture).Length);
        return [.. Enumerable.Range(1, k).Select(t => new TerritoryId("T" + t.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)))];
    }

    /// <summary>
    /// The problem, or null with the errors; also null, with a <see cref="DesignErrorCode.Cancelled"/> or
    /// <see cref="DesignErrorCode.TimeLimitReached"/> error, when the token or the time limit stops the
    /// preparation (the unit graph of 20,000 units takes seconds), as no plan exists yet.
    /// </summary>
    private DesignProblem? Prepare(DesignInput input, List<DesignError> errors, long started, CancellationToken cancellationToken)
    {
        try
        {
            return DesignProblem.Create(input, _options, errors, StopAt(started, 0.9, cancellationToken));
        }
        catch (DesignStoppedException stopped)
        {
            errors.Add(StoppedError(stopped.Reason, "preparing the units' graph"));
            return null;
        }
    }

    /// <summary>The error of a design stopped by the token or the time limit while <paramref name="doing"/>, before any plan existed.</summary>
    private DesignError StoppedError(StopReason reason, string doing) => reason == StopReason.Cancelled
        ? new DesignError(DesignErrorCode.Cancelled, [], "cancellationToken", null, $"Cancelled while {doing}, before any plan existed.")
        : new DesignError(DesignErrorCode.TimeLimitReached, [], "TimeLimit", _options.TimeLimit.ToString("c", CultureInfo.InvariantCulture),
            $"The time limit ({_options.TimeLimit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s) was reached while {doing}, before any plan existed.");

    private StopCondition StopAt(long started, double share, CancellationToken cancellationToken) =>
        StopCondition.Any(StopCondition.TimeLimit(_time, started, _options.TimeLimit * share), StopCondition.Cancellation(cancellationToken));

    private static DesignFailure Fail(List<DesignError> errors) => new([.. errors], null);
}

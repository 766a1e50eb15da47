using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;
using Territories.Travel;

namespace Territories.Journeys.Sequencing;

/// <summary>Orders one position's visits on one day: the shortest route from its base and back that meets every account's opening hours and the working hours.</summary>
/// <remarks>
/// <para>
/// A travelling-salesman problem with time windows. Each account is served for its visit
/// requirement's duration (its <see cref="Account.ServiceTime"/> when that is not given) inside one of
/// its opening windows on the weekday (whole visit or start only, see
/// <see cref="DaySequencerOptions.OpeningHoursRule"/>); the route leaves the base no earlier than the
/// position's <see cref="SalesPosition.DailyHours"/> start and is back by their end less the
/// <see cref="SalesPosition.Break"/>. The position waits when it arrives before an account opens; the
/// route leaves at the departure that makes the day shortest, so it does not wait for the first account
/// (nor for a later one a later departure can absorb).
/// Daily visit and load caps are the planner's concern and are not applied here.
/// </para>
/// <para>
/// Accounts that cannot be fitted come back in <see cref="DaySequence.Unfitted"/> with the reason: closed
/// that day, opening too short for the visit, unreachable even alone, or crowded out by the others (the
/// sequencer then drops, one at a time, the visit whose removal most reduces lateness, and afterwards
/// puts back any it can). A position that cannot work at all (no base, vacant, no working time) gives a
/// <see cref="DaySequencingFailure"/>.
/// </para>
/// <para>
/// The search is an iterated local search (2-opt and Or-opt over neighbour lists for plain days,
/// time-checked relocation, 2-opt and swap moves when windows bind), bounded by the options. Accounts
/// are taken in id order, so the result does not depend on the order they are passed in; with the
/// same seed the result is the same unless the time limit or cancellation ends the search
/// (<see cref="DaySequence.StoppedEarly"/>). Thread-safe: every call has its own state.
/// </para>
/// </remarks>
public sealed class DaySequencer
{
    private readonly ITravelModel _travel;
    private readonly DaySequencerOptions _options;
    private readonly TimeProvider _time;

    /// <summary>A sequencer over <paramref name="travel"/> with the given options (copied).</summary>
    /// <param name="travel">Distances and travel times between locations.</param>
    /// <param name="options">Search options; null for the defaults.</param>
    /// <param name="timeProvider">The clock the time limit reads; null for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range (the message lists every one).</exception>
    public DaySequencer(ITravelModel travel, DaySequencerOptions? options = null, TimeProvider? timeProvider = null)
    {
        _travel = Guard.NotNull(travel);
        _options = EngineOptions.Checked(options);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Sequences <paramref name="accounts"/> for <paramref name="position"/> on <paramref name="day"/>.</summary>
    /// <param name="position">The position: its base, daily hours and break are used.</param>
    /// <param name="day">The weekday, which selects the accounts' opening hours.</param>
    /// <param name="accounts">The accounts to visit that day; distinct ids, finite coordinates.</param>
    /// <param name="cancellationToken">Ends the search early; the best route so far is returned.</param>
    /// <returns>The day's sequence, or the reasons the position cannot work at all.</returns>
    /// <exception cref="ArgumentNullException">An argument or an account is null.</exception>
    /// <exception cref="ArgumentException">Two accounts share an id, a location is not finite, a service time is negative, or the travel model answers with the wrong size.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a weekday.</exception>
    public OneOf<DaySequence, DaySequencingFailure> Sequence(
        SalesPosition position, DayOfWeek day, IEnumerable<Account> accounts, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(position);
        Guard.NotNull(accounts);
        var started = _time.GetTimestamp();

        // Limits on iterations first: a search that used its whole budget did not stop early, even if time ran out meanwhile.
        var stop = StopCondition.Any(
            StopCondition.Iterations(_options.MaxIterations),
            StopCondition.NoImprovement(_options.MaxIterationsWithoutImprovement),
            StopCondition.TimeLimit(_time, started, _options.TimeLimit),
            StopCondition.Cancellation(cancellationToken));
        if (!Enum.IsDefined(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week.");
        }

        var sorted = SortedAccounts(accounts);
        var errors = CheckPosition(position);
        if (errors.Count > 0)
        {
            return new DaySequencingFailure([.. errors]);
        }

        var basePoint = position.Base!.Value;
        Guard.That(basePoint.IsFinite, $"The base of position '{position.Id}' has a coordinate that is not finite: {basePoint}.", nameof(position));
        var dayStart = position.DailyHours.Start.TotalSeconds;
        var dayEnd = (position.DailyHours.End - position.Break).TotalSeconds;
        var unfitted = new List<UnfittedAccount>();
        var candidates = new List<(Account Account, double Service, List<(double Start, double End)> Windows)>();
        foreach (var account in sorted)
        {
            var service = (account.Visit?.Duration ?? account.ServiceTime).TotalSeconds;
            var windows = StartWindowsOn(account, day, service, out var reason);
            if (reason is { } r)
            {
                unfitted.Add(new UnfittedAccount(account.Id, r, r == UnfittedReason.ClosedOnDay
                    ? $"Account '{account.Id}' is closed on {day}."
                    : $"Every opening window of account '{account.Id}' on {day} is shorter than its {TimeSpan.FromSeconds(service)} visit."));
            }
            else
            {
                candidates.Add((account, service, windows));
            }
        }

        var full = BuildProblem(basePoint, candidates, dayStart, dayEnd);
        var reachable = new List<int>();
        for (var node = 1; node < full.Count; node++)
        {
            if (full.Lateness([node]) > 0)
            {
                var id = candidates[node - 1].Account.Id;
                unfitted.Add(new UnfittedAccount(id, UnfittedReason.UnreachableInWorkingHours,
                    $"Even alone, a visit to account '{id}' cannot meet its opening hours on {day} and return to the base within {position.DailyHours} less a {position.Break} break."));
            }
            else
            {
                reachable.Add(node);
            }
        }

        var random = new Random(_options.Seed);
        var (order, stoppedEarly) = Solve(full, reachable, stop, random, out var crowdedOut);
        foreach (var node in crowdedOut)
        {
            var id = candidates[node - 1].Account.Id;
            unfitted.Add(new UnfittedAccount(id, UnfittedReason.DayFull,
                $"Account '{id}' fits alone but not together with the day's other visits within {position.DailyHours}."));
        }

        unfitted.Sort((a, b) => a.Account.CompareTo(b.Account));
        return Schedule(position, day, basePoint, full, candidates, order, unfitted, stoppedEarly);
    }

    private static List<Account> SortedAccounts(IEnumerable<Account> accounts)
    {
        var list = new List<Account>();
        foreach (var account in accounts)
        {
            Guard.That(account is not null, "The accounts contain null.", nameof(accounts));
            Guard.That(account!.Location.IsFinite, $"Account '{account.Id}' has a coordinate that is not finite: {account.Location}.", nameof(accounts));
            var service = account.Visit?.Duration ?? account.ServiceTime;
            Guard.That(service >= TimeSpan.Zero, $"Account '{account.Id}' has a negative service time {service}.", nameof(accounts));
            list.Add(account);
        }

        list.Sort((a, b) => a.Id.CompareTo(b.Id));
        for (var i = 1; i < list.Count; i++)
        {
            Guard.That(list[i - 1].Id != list[i].Id, $"Account id '{list[i].Id}' is listed twice.", nameof(accounts));
        }

        return list;
    }

    private static List<DaySequencingError> CheckPosition(SalesPosition position)
    {
        var errors = new List<DaySequencingError>();
        var id = position.Id.Value;
        if (position.Base is null)
        {
            errors.Add(new DaySequencingError(DaySequencingErrorCode.PositionHasNoBase, [ItemRef.Of(position.Id)], nameof(SalesPosition.Base), null,
                $"Position '{id}' has no base, so no route can start; give it a home or distributor location."));
        }

        if (position.IsVacant)
        {
            errors.Add(new DaySequencingError(DaySequencingErrorCode.PositionIsVacant, [ItemRef.Of(position.Id)], nameof(SalesPosition.IsVacant), "true",
                $"Position '{id}' is vacant; a vacant position is not planned."));
        }

        if (!position.DailyHours.IsValid || position.Break < TimeSpan.Zero || position.Break >= position.DailyHours.Duration)
        {
            errors.Add(new DaySequencingError(DaySequencingErrorCode.NoWorkingTime, [ItemRef.Of(position.Id)], nameof(SalesPosition.DailyHours),
                $"{position.DailyHours} break {position.Break}",
                $"Position '{id}' has daily hours {position.DailyHours} with a {position.Break} break, which leaves no working time."));
        }

        return errors;
    }

    /// <summary>The windows for the start of service on <paramref name="day"/>; an empty list means no window constraint.</summary>
    private List<(double Start, double End)> StartWindowsOn(Account account, DayOfWeek day, double service, out UnfittedReason? reason)
    {
        reason = null;
        if (account.OpeningHours.IsAlwaysOpen)
        {
            return [];
        }

        var result = StartWindows.FromOpening(account.OpeningHours.On(day), service, _options.OpeningHoursRule, out var any);
        if (result.Count == 0)
        {
            reason = any ? UnfittedReason.VisitLongerThanOpening : UnfittedReason.ClosedOnDay;
        }

        return result;
    }

    private SequencingProblem BuildProblem(
        GeoPoint basePoint, List<(Account Account, double Service, List<(double Start, double End)> Windows)> candidates, double dayStart, double dayEnd)
    {
        var count = candidates.Count + 1;
        var locations = new GeoPoint[count];
        locations[0] = basePoint;
        var service = new double[count];
        var offsets = new int[count + 1];
        var starts = new List<double>();
        var ends = new List<double>();
        for (var i = 1; i < count; i++)
        {
            var (account, seconds, windows) = candidates[i - 1];
            locations[i] = account.Location;
            service[i] = seconds;
            offsets[i] = starts.Count;
            foreach (var (start, end) in windows)
            {
                starts.Add(start);
                ends.Add(end);
            }
        }

        offsets[count] = starts.Count;
        var matrix = _travel.Matrix(locations);
        Guard.That(matrix is not null && matrix.Count == count, $"The travel model returned a matrix of the wrong size for {count} locations.", "travel");
        var distance = new double[count * count];
        var duration = new double[count * count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < count; j++)
            {
                distance[(i * count) + j] = matrix!.DistanceMetres(i, j);
                duration[(i * count) + j] = matrix.DurationSeconds(i, j);
            }
        }

        return SequencingProblem.Create(count, distance, duration, service, offsets, [.. starts], [.. ends], dayStart, dayEnd);
    }

    /// <summary>Orders the reachable stops; drops the fewest it must (greedily) when they do not all fit, then puts back what it can.</summary>
    private static (List<int> Order, bool StoppedEarly) Solve(SequencingProblem full, List<int> reachable, StopCondition stop, Random random, out List<int> crowdedOut)
    {
        crowdedOut = [];
        var (order, stoppedEarly) = Improve(full, reachable, construct: true, stop, random);
        if (full.Lateness(order.ToArray()) <= 0)
        {
            return (order, stoppedEarly);
        }

        var scratch = new int[order.Count];
        while (order.Count > 0 && full.Lateness(order.ToArray()) > 0)
        {
            var bestAt = -1;
            var bestLateness = double.PositiveInfinity;
            var bestDistance = double.PositiveInfinity;
            for (var skip = 0; skip < order.Count; skip++)
            {
                var w = 0;
                for (var s = 0; s < order.Count; s++)
                {
                    if (s != skip)
                    {
                        scratch[w++] = order[s];
                    }
                }

                var span = scratch.AsSpan(0, w);
                var lateness = full.Lateness(span);
                var distance = full.RouteDistance(span);
                if (ConstrainedTourSearch.IsBetter(lateness, distance, bestLateness, bestDistance))
                {
                    (bestAt, bestLateness, bestDistance) = (skip, lateness, distance);
                }
            }

            crowdedOut.Add(order[bestAt]);
            order.RemoveAt(bestAt);
        }

        var (polished, more) = Improve(full, order, construct: false, stop, random);
        stoppedEarly |= more;
        var feasible = order.ToArray();
        var candidate = polished.ToArray();
        if (full.Lateness(candidate) <= 0 && full.RouteDistance(candidate) <= full.RouteDistance(feasible))
        {
            order = polished;
        }

        crowdedOut.Sort();
        for (var c = 0; c < crowdedOut.Count; c++)
        {
            if (TryInsert(full, order, crowdedOut[c]))
            {
                crowdedOut.RemoveAt(c--);
            }
        }

        return (order, stoppedEarly);
    }

    /// <summary>Improves the route through <paramref name="nodes"/>, from a fresh construction or from their order as given.</summary>
    private static (List<int> Order, bool StoppedEarly) Improve(SequencingProblem full, List<int> nodes, bool construct, StopCondition stop, Random random)
    {
        var sub = full.Subset(nodes.ToArray());
        var start = nodes.Count == 0 ? [] : construct ? TourSearch.Construct(sub) : [.. Enumerable.Range(1, nodes.Count)];
        var result = TourSearch.Improve(sub, start, stop, random);
        return (result.Order.Select(k => nodes[k - 1]).ToList(), result.StoppedEarly);
    }

    /// <summary>Inserts <paramref name="node"/> at the shortest place that keeps the route feasible, if there is one.</summary>
    private static bool TryInsert(SequencingProblem full, List<int> order, int node)
    {
        var candidate = new int[order.Count + 1];
        var bestAt = -1;
        var bestDistance = double.PositiveInfinity;
        for (var at = 0; at <= order.Count; at++)
        {
            order.CopyTo(0, candidate, 0, at);
            candidate[at] = node;
            order.CopyTo(at, candidate, at + 1, order.Count - at);
            if (full.Lateness(candidate) <= 0)
            {
                var distance = full.RouteDistance(candidate);
                if (distance < bestDistance)
                {
                    (bestAt, bestDistance) = (at, distance);
                }
            }
        }

        if (bestAt < 0)
        {
            return false;
        }

        order.Insert(bestAt, node);
        return true;
    }

    private static DaySequence Schedule(
        SalesPosition position,
        DayOfWeek day,
        GeoPoint basePoint,
        SequencingProblem full,
        List<(Account Account, double Service, List<(double Start, double End)> Windows)> candidates,
        List<int> order,
        List<UnfittedAccount> unfitted,
        bool stoppedEarly)
    {
        var n = full.Count;
        var visits = ImmutableArray.CreateBuilder<SequencedVisit>(order.Count);
        // Leave later rather than wait for an account to open: the departure that makes the day shortest.
        var leave = Leave(full, order);
        var time = leave;
        var previous = 0;
        double totalDistance = 0, totalTravel = 0, totalService = 0, totalWaiting = 0;
        foreach (var node in order)
        {
            var legDistance = full.Distance[(previous * n) + node];
            var legTime = full.Duration[(previous * n) + node];
            var arrival = time + legTime;
            var start = full.StartAt(node, arrival, out _);
            var departure = start + full.Service[node];
            visits.Add(new SequencedVisit(candidates[node - 1].Account.Id, Seconds(arrival), Seconds(start), Seconds(departure), legDistance, Seconds(legTime)));
            totalDistance += legDistance;
            totalTravel += legTime;
            totalService += full.Service[node];
            totalWaiting += start - arrival;
            time = departure;
            previous = node;
        }

        var returnDistance = full.Distance[previous * n];
        var returnTime = full.Duration[previous * n];
        return new DaySequence
        {
            Position = position.Id,
            Day = day,
            Base = basePoint,
            LeaveBase = Seconds(leave),
            ReturnToBase = Seconds(time + returnTime),
            Visits = visits.MoveToImmutable(),
            Unfitted = [.. unfitted],
            ReturnDistanceMetres = returnDistance,
            ReturnTravelTime = Seconds(returnTime),
            TotalDistanceMetres = totalDistance + returnDistance,
            TotalTravelTime = Seconds(totalTravel + returnTime),
            TotalServiceTime = Seconds(totalService),
            TotalWaitingTime = Seconds(totalWaiting),
            StoppedEarly = stoppedEarly,
        };
    }

    /// <summary>The departure that makes the day of <paramref name="order"/> shortest (<see cref="DayTiming.ShortestDay"/>).</summary>
    private static double Leave(SequencingProblem full, List<int> order)
    {
        var n = full.Count;
        var legs = new double[order.Count + 1];
        var service = new double[order.Count];
        var offsets = new int[order.Count + 1];
        var starts = new List<double>();
        var ends = new List<double>();
        var previous = 0;
        for (var i = 0; i < order.Count; i++)
        {
            var node = order[i];
            legs[i] = full.Duration[(previous * n) + node];
            service[i] = full.Service[node];
            for (var w = full.WindowOffsets[node]; w < full.WindowOffsets[node + 1]; w++)
            {
                starts.Add(full.WindowStart[w]);
                ends.Add(full.WindowEnd[w]);
            }

            offsets[i + 1] = starts.Count;
            previous = node;
        }

        legs[order.Count] = full.Duration[previous * n];
        return DayTiming.ShortestDay(full.DayStart, full.DayEnd, legs, service, [.. starts], [.. ends], offsets).Leave;
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);
}

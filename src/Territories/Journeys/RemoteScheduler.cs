using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys;

/// <summary>Places remote work (calls, e-mail, video) as time blocks in the free time a journey plan leaves in a position's days.</summary>
/// <remarks>
/// <para>
/// The free time of a working day of the position (a working day of the cycle, on one of its
/// weekdays, not one of its days off) runs from the end of its route (back at the base), or from the
/// start of its daily hours on a day without visits, to the end of its daily hours, and, when the route
/// leaves after the start of the daily hours (to arrive as an account opens), also from that start to the
/// departure; it holds at most the daily hours less the break less the route's working time, in whole
/// minutes, filled after the route first: blocks never
/// overlap a route or each other, and a day's route and blocks together never exceed the daily hours
/// less the break (the break stays within the daily hours, outside the blocks). A vacant position, or
/// one whose hours or break are invalid, has no free time.
/// </para>
/// <para>
/// The time is spread evenly over the days (water-filling: every day gets the same, except days with
/// less room, which are filled), in whole minutes. When not all fits, each activity gets its share of
/// the free time in proportion to the time asked (whole minutes, largest remainder, ties to the lower
/// id) and the rest is reported as not placed. Activities are laid out one after the other by id
/// (ordinal) through the days in order, so each day holds one or a few blocks rather than a sliver of
/// every activity. Deterministic; O(days + activities + blocks). Thread-safe.
/// </para>
/// </remarks>
public static class RemoteScheduler
{
    /// <summary>Schedules remote work for one position of a plan.</summary>
    /// <param name="plan">The journey plan whose routes the blocks must avoid.</param>
    /// <param name="request">The request the plan was made for: its cycle and the position's hours, break, working days and days off.</param>
    /// <param name="position">The position whose days take the blocks.</param>
    /// <param name="time">The time to place per remote activity id (for example a territory's remote target time, capped by the time its position has left).</param>
    /// <returns>The blocks placed and the time that did not fit, per activity.</returns>
    /// <exception cref="ArgumentNullException">An argument or an activity id is null.</exception>
    /// <exception cref="ArgumentException">The position is not in the request, or a time is negative.</exception>
    public static RemoteSchedule Schedule(JourneyPlan plan, JourneyPlanRequest request, PositionId position, IReadOnlyDictionary<string, TimeSpan> time)
    {
        Guard.NotNull(plan);
        Guard.NotNull(request);
        Guard.NotNull(time);
        var who = request.Positions.FirstOrDefault(p => p is not null && p.Id == position);
        Guard.That(who is not null, $"Position '{position}' is not in the request.", nameof(position));
        var asked = ImmutableSortedDictionary.CreateBuilder<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (activity, t) in time)
        {
            Guard.NotNull(activity, nameof(time));
            Guard.That(t >= TimeSpan.Zero, $"The time of '{activity}' must be zero or more.", nameof(time));
            asked[activity] = t;
        }

        var windows = FreeWindows(plan, request.Cycle, who!);
        var activities = asked.Keys.ToList();
        var total = asked.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        var room = windows.Sum(w => w.Minutes + w.Before);
        var placed = total <= TimeSpan.FromMinutes(room)
            ? [.. activities.Select(a => asked[a])]
            : Share(activities.Select(a => asked[a]).ToList(), room);

        var placedTotal = placed.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        var quotas = Fill(windows.Select(w => w.Minutes + w.Before).ToList(), (placedTotal.Ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute);
        var blocks = new List<RemoteBlock>();
        var next = 0;
        var left = placed.Count > 0 ? placed[0] : TimeSpan.Zero;
        for (var d = 0; d < windows.Count && next < activities.Count; d++)
        {
            // After the route first, then before it (a route that leaves late for an opening hour).
            var after = Math.Min(quotas[d], windows[d].Minutes);
            foreach (var (from, minutes) in new[] { (windows[d].Start, after), (windows[d].Open, quotas[d] - after) })
            {
                var cursor = from;
                var quota = TimeSpan.FromMinutes(minutes);
                while (quota > TimeSpan.Zero && next < activities.Count)
                {
                    if (left <= TimeSpan.Zero)
                    {
                        next++;
                        left = next < activities.Count ? placed[next] : TimeSpan.Zero;
                        continue;
                    }

                    var take = left < quota ? left : quota;
                    blocks.Add(new RemoteBlock(position, windows[d].Day, cursor, cursor + take, activities[next]));
                    cursor += take;
                    quota -= take;
                    left -= take;
                }
            }
        }

        blocks.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Start.CompareTo(b.Start));
        var notPlaced = activities.Select((a, i) => KeyValuePair.Create(a, asked[a] - placed[i])).ToImmutableSortedDictionary(StringComparer.Ordinal);
        return new RemoteSchedule([.. blocks], asked.ToImmutable(), notPlaced);
    }

    /// <summary>One day's free time: after the route (from <paramref name="Start"/>, <paramref name="Minutes"/> whole minutes) and before it (from <paramref name="Open"/>, the start of the daily hours, <paramref name="Before"/> whole minutes).</summary>
    private readonly record struct FreeWindow(int Day, TimeSpan Start, long Minutes, TimeSpan Open, long Before);

    private static List<FreeWindow> FreeWindows(JourneyPlan plan, JourneyCycle cycle, SalesPosition position)
    {
        var windows = new List<FreeWindow>();
        var hours = position.DailyHours;
        if (position.IsVacant || !hours.IsValid || position.Break < TimeSpan.Zero || position.Break >= hours.Duration)
        {
            return windows;
        }

        var routes = plan.Routes.Where(r => r is not null && r.Position == position.Id && !r.Visits.IsDefaultOrEmpty).ToLookup(r => r.Day);
        for (var d = 0; d < cycle.DayCount; d++)
        {
            if (!position.WorksOn(cycle, d))
            {
                continue;
            }

            var start = hours.Start;
            var leave = hours.End;
            var working = TimeSpan.Zero;
            foreach (var route in routes[d])
            {
                start = route.End > start ? route.End : start;
                leave = route.Start < leave ? route.Start : leave;
                working += route.WorkingTime;
            }

            var byHours = hours.Duration - position.Break - working;
            var minutes = Whole(Min(hours.End - start, byHours));
            var before = routes[d].Any() ? Whole(Min(leave - hours.Start, byHours - TimeSpan.FromMinutes(minutes))) : 0;
            if (minutes + before > 0)
            {
                windows.Add(new FreeWindow(d, start, minutes, hours.Start, before));
            }
        }

        return windows;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static long Whole(TimeSpan t) => t > TimeSpan.Zero ? (long)Math.Floor(t.TotalMinutes) : 0;

    /// <summary>Shares <paramref name="minutes"/> whole minutes over the asked times in proportion, each at most its asked whole minutes (largest remainder, ties to the lower index).</summary>
    private static List<TimeSpan> Share(List<TimeSpan> asked, long minutes)
    {
        var caps = asked.Select(a => (long)Math.Floor(a.TotalMinutes)).ToList();
        var total = Math.Min(minutes, caps.Sum());
        var weight = asked.Sum(a => (double)a.Ticks);
        var given = new long[asked.Count];
        var remainders = new double[asked.Count];
        for (var i = 0; i < asked.Count; i++)
        {
            var exact = weight > 0 ? total * (asked[i].Ticks / weight) : 0;
            given[i] = Math.Min(caps[i], (long)Math.Floor(exact));
            remainders[i] = exact - given[i];
        }

        var rest = total - given.Sum();
        while (rest > 0)
        {
            var best = -1;
            for (var i = 0; i < asked.Count; i++)
            {
                if (given[i] < caps[i] && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }

            given[best]++;
            remainders[best]--;
            rest--;
        }

        return [.. given.Select(g => TimeSpan.FromMinutes(g))];
    }

    /// <summary>Water-fills <paramref name="total"/> minutes over days of the given room: the same level everywhere, days with less room full; extra minutes to the earlier days.</summary>
    private static long[] Fill(List<long> room, long total)
    {
        var quotas = new long[room.Count];
        var order = Enumerable.Range(0, room.Count).OrderBy(i => room[i]).ThenBy(i => i).ToList();
        var left = total;
        for (var k = 0; k < order.Count; k++)
        {
            var days = order.Count - k;
            if (room[order[k]] * days <= left)
            {
                quotas[order[k]] = room[order[k]];
                left -= room[order[k]];
                continue;
            }

            var level = left / days;
            var extra = left % days;
            foreach (var i in order.Skip(k).Order())
            {
                quotas[i] = level + (extra-- > 0 ? 1 : 0);
            }

            break;
        }

        return quotas;
    }
}

using System.Collections.Immutable;
using Territories.IO.Calendar;
using Territories.Journeys;
using Territories.Model;
using Territories.Spatial;

namespace Territories.IO.Map;

/// <summary>Turns a journey plan into the data the sales map and the GeoJSON export show.</summary>
/// <remarks>
/// <para>
/// Territories are those of the request (with their boundaries) plus any other territory an account
/// belongs to (listed without a boundary), each with the metrics <c>accounts</c> (accounts in it),
/// <c>planned_visits</c> (visits to them per cycle), <c>unplanned</c> (its accounts listed as unplanned),
/// <c>service_hours</c> (time on site per cycle) and <c>positions</c> (distinct positions visiting them).
/// An account's territory is the one of the assignment when given (geographic or named
/// assignment), else <see cref="Account.Territory"/>.
/// </para>
/// <para>
/// Every account of the request is shown, with the position that visits it (the first by id when
/// several do) and the days of its visits (<c>Tue</c> or, for cycles of more than one week,
/// <c>W1 Tue, W3 Tue</c>). Every position with a base is shown. Each route is a <see cref="MapRoute"/>
/// labelled <c>W1 Tue</c>, starting and ending at the base, its stops the visits in order with their
/// planned arrival (none for an arrival at or after midnight), its distance and its working time.
/// </para>
/// <para>Stateless and thread-safe; O(visits + accounts). The output does not depend on the order of the input collections.</para>
/// </remarks>
public static class JourneyPlanMap
{
    /// <summary>The map data of <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="request">The request the plan answers: accounts, positions, cycle and territories.</param>
    /// <param name="assignment">The territory of every account, from <see cref="TerritoryMap.Assign"/>; null to use each account's own territory.</param>
    /// <returns>The map data.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A visit names an account that is not in the request, or a route's day is outside the cycle.</exception>
    public static SalesMapData FromPlan(JourneyPlan plan, JourneyPlanRequest request, AssignmentResult? assignment = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        var cycle = request.Cycle;
        var accounts = request.Accounts.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var positions = request.Positions.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        TerritoryId? TerritoryOf(Account a) => assignment is null ? a.Territory : assignment.Find(a.Id)?.Territory;

        var visitsOf = new Dictionary<AccountId, List<(PositionId Position, int Day)>>();
        var routes = new List<MapRoute>();
        var stats = new Dictionary<TerritoryId, Stats>();
        foreach (var route in plan.Routes)
        {
            if (route.Day < 0 || route.Day >= cycle.DayCount)
            {
                throw new ArgumentException($"The route of {route.Position} on day {route.Day} is outside the cycle (0 to {cycle.DayCount - 1}).", nameof(plan));
            }

            var stops = ImmutableArray.CreateBuilder<MapRouteStop>(route.Visits.Length);
            foreach (var visit in route.Visits)
            {
                if (!accounts.TryGetValue(visit.Account, out var account))
                {
                    throw new ArgumentException($"The plan visits account {visit.Account}, which is not in the request.", nameof(request));
                }

                stops.Add(new MapRouteStop(account.Location, account.Id)
                {
                    Arrival = visit.Arrival >= TimeSpan.Zero && visit.Arrival < TimeSpan.FromDays(1) ? TimeOnly.FromTimeSpan(visit.Arrival) : null,
                });
                if (!visitsOf.TryGetValue(account.Id, out var list))
                {
                    visitsOf[account.Id] = list = [];
                }

                list.Add((route.Position, route.Day));
                if (TerritoryOf(account) is { } territory)
                {
                    if (!stats.TryGetValue(territory, out var s))
                    {
                        stats[territory] = s = new Stats();
                    }

                    s.Positions.Add(route.Position);
                    s.Visits++;
                    s.Service += visit.Departure - visit.Start;
                }
            }

            var home = positions.TryGetValue(route.Position, out var position) ? position.Base : null;
            routes.Add(new MapRoute(route.Position, route.Day)
            {
                DayLabel = JourneyPlanCalendarWriter.DayLabel(cycle, route.Day),
                Start = home,
                End = home,
                Stops = stops.MoveToImmutable(),
                DistanceMetres = route.DistanceMetres,
                Duration = route.WorkingTime,
            });
        }

        var unplanned = plan.Unplanned.Select(u => u.Account).ToHashSet();
        var mapAccounts = new List<MapAccount>();
        var counts = new Dictionary<TerritoryId, (int Accounts, int Unplanned)>();
        foreach (var account in accounts.Values)
        {
            var territory = TerritoryOf(account);
            var view = MapAccount.FromAccount(account) with
            {
                Territory = territory,
                Frequency = account.Visit?.Frequency.ToString(),
            };
            if (visitsOf.TryGetValue(account.Id, out var visits))
            {
                view = view with
                {
                    Position = visits.Select(v => v.Position).Min(),
                    Weekday = string.Join(", ", visits.Select(v => v.Day).Distinct().Order().Select(d => cycle.Weeks > 1
                        ? JourneyPlanCalendarWriter.DayLabel(cycle, d)
                        : Csv.JourneyPlanCsvWriter.WeekdayName(cycle.WeekdayOf(d)))),
                };
            }

            mapAccounts.Add(view);
            if (territory is { } t)
            {
                var c = counts.GetValueOrDefault(t);
                counts[t] = (c.Accounts + 1, c.Unplanned + (unplanned.Contains(account.Id) ? 1 : 0));
            }
        }

        var territories = request.Territories.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => MapTerritory.FromTerritory(g.First()));
        foreach (var id in counts.Keys.Concat(stats.Keys).Where(id => !territories.ContainsKey(id)).Distinct())
        {
            territories[id] = new MapTerritory(id);
        }

        var mapTerritories = territories.Values.Select(t =>
        {
            var c = counts.GetValueOrDefault(t.Id);
            var s = stats.GetValueOrDefault(t.Id) ?? new Stats();
            return t with
            {
                Metrics =
                [
                    MapMetric.FromNumber("accounts", c.Accounts),
                    MapMetric.FromNumber("planned_visits", s.Visits),
                    MapMetric.FromNumber("unplanned", c.Unplanned),
                    MapMetric.FromNumber("service_hours", Math.Round(s.Service.TotalHours, 2)),
                    MapMetric.FromNumber("positions", s.Positions.Count),
                ],
            };
        });

        var bases = positions.Values.Select(MapPositionBase.FromPosition).OfType<MapPositionBase>();
        return new SalesMapData(mapTerritories, mapAccounts, bases, routes);
    }

    /// <summary>What the visits to one territory's accounts add up to.</summary>
    private sealed class Stats
    {
        public int Visits { get; set; }

        public TimeSpan Service { get; set; }

        public HashSet<PositionId> Positions { get; } = [];
    }
}

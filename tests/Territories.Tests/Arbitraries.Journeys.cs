using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests;

/// <summary>A position of a generated journey request: base on a 21 x 21 km grid, day from 08:00 to <see cref="EndHour"/>, an optional break and visit cap.</summary>
public sealed record PositionShape(int X, int Y, int EndHour, bool Break, int? Cap);

/// <summary>
/// An account of a generated journey request: location on the grid, opening hours (0 always open,
/// 1 split 09-12 and 14-17, 2 one window from <see cref="Open"/> to <see cref="Close"/> on all but the
/// first <see cref="Skip"/> working days), minutes on site, a frequency (index into
/// <see cref="Arbitraries.Frequencies"/>) and a load.
/// </summary>
public sealed record AccountShape(int X, int Y, int Hours, int Open, int Close, int Skip, int ServiceMinutes, int Frequency, int Load);

/// <summary>
/// A journey request as plain values, so that FsCheck can shrink a failing case structurally (fewer
/// accounts, fewer positions, one week, simpler accounts) instead of jumping between unrelated seeds.
/// </summary>
/// <param name="Weeks">Weeks of 5 days in the cycle.</param>
/// <param name="Positions">The positions, at least one.</param>
/// <param name="Accounts">The accounts, at least one.</param>
public sealed record JourneyCase(int Weeks, ImmutableArray<PositionShape> Positions, ImmutableArray<AccountShape> Accounts)
{
    /// <summary>The request: positions <c>p0</c>…, accounts <c>a00</c>…, 1 unit = 1 km at 40 km/h.</summary>
    public JourneyPlanRequest Request => Arbitraries.Build(this);

    /// <inheritdoc />
    public override string ToString() =>
        $"JourneyCase(weeks {Weeks}; positions {string.Join(" ", Positions.Select(p => $"({p.X},{p.Y} to {p.EndHour}h{(p.Break ? " break" : "")}{(p.Cap is { } c ? $" cap {c}" : "")})"))}; " +
        $"accounts {string.Join(" ", Accounts.Select(a => $"({a.X},{a.Y} h{a.Hours}:{a.Open}-{a.Close}/{a.Skip} {a.ServiceMinutes}min f{a.Frequency} l{a.Load})"))})";
}

/// <summary>One position's plan and remote time to schedule, generated from a seed.</summary>
/// <param name="Seed">The seed the case is built from.</param>
public sealed record RemoteCase(int Seed)
{
    private readonly (JourneyPlan Plan, JourneyPlanRequest Request, ImmutableSortedDictionary<string, TimeSpan> Time) _case = Arbitraries.RemoteScheduling(Seed);

    /// <summary>Routes of position <c>p0</c> on some days (a few overrunning its hours), and one of <c>p1</c>.</summary>
    public JourneyPlan Plan => _case.Plan;

    /// <summary>Positions <c>p0</c> (random hours, break, weekdays, days off) and <c>p1</c>; 1 to 2 weeks.</summary>
    public JourneyPlanRequest Request => _case.Request;

    /// <summary>0 to 4 remote activities of 0 to 3,000 minutes, some with seconds.</summary>
    public ImmutableSortedDictionary<string, TimeSpan> Time => _case.Time;

    /// <inheritdoc />
    public override string ToString() => $"RemoteCase({Seed})";
}

public static partial class Arbitraries
{
    /// <summary>Remote scheduling cases over seeds 0–100,000.</summary>
    public static Arbitrary<RemoteCase> RemoteCases() => Gen.Choose(0, 100_000).Select(s => new RemoteCase(s)).ToArbitrary();

    /// <summary>A plan of routes (not checked against travel: only their times matter), its request and remote time per activity, built from <paramref name="seed"/>.</summary>
    public static (JourneyPlan Plan, JourneyPlanRequest Request, ImmutableSortedDictionary<string, TimeSpan> Time) RemoteScheduling(int seed)
    {
        var random = new Random(seed);
        var cycle = JourneyCycle.Create(random.Next(1, 3));
        var start = random.Next(6, 10);
        var p0 = new SalesPosition(new PositionId("p0"))
        {
            Base = new GeoPoint(0, 0),
            DailyHours = TimeWindow.FromHours(start, 0, start + random.Next(4, 11), 0),
            Break = TimeSpan.FromMinutes(random.Next(0, 4) * 20),
            WorkingDays = random.Next(3) == 0 ? [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Thursday] : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            DaysOff = random.Next(2) == 0 ? [] : [random.Next(cycle.DayCount)],
        };
        var p1 = new SalesPosition(new PositionId("p1")) { Base = new GeoPoint(0, 0) };
        var routes = new List<JourneyRoute>();
        for (var d = 0; d < cycle.DayCount; d++)
        {
            if (random.Next(3) == 0)
            {
                continue;
            }

            var leave = p0.DailyHours.Start + TimeSpan.FromMinutes(random.Next(0, 120));
            var length = TimeSpan.FromMinutes(random.Next(10, (int)p0.DailyHours.Duration.TotalMinutes + 60));
            var visit = new PlannedVisit(new AccountId($"a{d}"), leave + TimeSpan.FromMinutes(5), leave + TimeSpan.FromMinutes(5), leave + TimeSpan.FromMinutes(6), 0, TimeSpan.FromMinutes(5), null);
            routes.Add(new JourneyRoute
            {
                Position = p0.Id,
                Day = d,
                Visits = [visit],
                Start = leave,
                End = leave + length,
                DistanceMetres = 0,
                TravelTime = TimeSpan.FromMinutes(5),
                ServiceTime = TimeSpan.FromMinutes(1),
                Load = 0,
            });
        }

        var other = new PlannedVisit(new AccountId("b"), TimeSpan.FromHours(8), TimeSpan.FromHours(8), TimeSpan.FromHours(16), 0, TimeSpan.Zero, null);
        routes.Add(new JourneyRoute
        {
            Position = p1.Id,
            Day = 0,
            Visits = [other],
            Start = TimeSpan.FromHours(8),
            End = TimeSpan.FromHours(16),
            DistanceMetres = 0,
            TravelTime = TimeSpan.Zero,
            ServiceTime = TimeSpan.FromHours(8),
            Load = 0,
        });
        var kpis = JourneyPlanKpis.FromRoutes(routes, [p0, p1], cycle);
        var plan = new JourneyPlan
        {
            Routes = [.. routes.OrderBy(r => r.Position).ThenBy(r => r.Day)],
            Unplanned = [],
            Kpis = kpis,
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
        var request = new JourneyPlanRequest([p0, p1], cycle, [], new EuclideanTravelModel(1000, 40 / 3.6));
        var time = new[] { "outbound", "inbound", "lead-generation", "enablement" }.Take(random.Next(0, 5))
            .ToImmutableSortedDictionary(a => a, _ => TimeSpan.FromMinutes(random.Next(0, 3001)) + TimeSpan.FromSeconds(random.Next(4) == 0 ? random.Next(60) : 0), StringComparer.Ordinal);
        return (plan, request, time);
    }

    /// <summary>The visit frequencies a generated account picks from.</summary>
    public static readonly VisitFrequency[] Frequencies = [VisitFrequency.PerWeek(1), VisitFrequency.PerWeek(2), VisitFrequency.EveryWeeks(2), VisitFrequency.PerCycle(1), VisitFrequency.PerCycle(3)];

    /// <summary>
    /// Journey cases: 1–2 weeks, 1–3 positions, 4–24 accounts with mixed frequencies, service times,
    /// loads and opening hours; shrinking drops accounts and positions, goes to one week and simplifies
    /// accounts (always open, 15 minutes, weekly, no load).
    /// </summary>
    public static Arbitrary<JourneyCase> JourneyCases() => Arb.From(
        from weeks in Gen.Choose(1, 2)
        from positions in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(PositionShapes, n))
        from accounts in Gen.Choose(4, 24).SelectMany(n => Gen.ArrayOf(AccountShapes, n))
        select new JourneyCase(weeks, [.. positions], [.. accounts]),
        ShrinkJourney);

    private static Gen<PositionShape> PositionShapes =>
        from x in Gen.Choose(0, 20)
        from y in Gen.Choose(0, 20)
        from end in Gen.Choose(14, 17)
        from rest in Gen.Elements(true, false)
        from cap in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(2, 5).Select(c => (int?)c)))
        select new PositionShape(x, y, end, rest, cap);

    private static Gen<AccountShape> AccountShapes =>
        from x in Gen.Choose(0, 20)
        from y in Gen.Choose(0, 20)
        from hours in Gen.Choose(0, 2)
        from open in Gen.Choose(8, 11)
        from close in Gen.Choose(13, 18)
        from skip in Gen.Choose(0, 2)
        from service in Gen.Choose(5, 45)
        from frequency in Gen.Choose(0, Frequencies.Length - 1)
        from load in Gen.Choose(0, 2)
        select new AccountShape(x, y, hours, open, close, skip, service, frequency, load);

    private static IEnumerable<JourneyCase> ShrinkJourney(JourneyCase c)
    {
        if (c.Weeks > 1)
        {
            yield return c with { Weeks = 1 };
        }

        for (var i = 0; i < c.Accounts.Length && c.Accounts.Length > 1; i++)
        {
            yield return c with { Accounts = c.Accounts.RemoveAt(i) };
        }

        for (var i = 0; i < c.Positions.Length && c.Positions.Length > 1; i++)
        {
            yield return c with { Positions = c.Positions.RemoveAt(i) };
        }

        var simple = new AccountShape(0, 0, 0, 8, 18, 0, 15, 0, 0);
        for (var i = 0; i < c.Accounts.Length; i++)
        {
            var a = c.Accounts[i];
            var plain = a with { Hours = simple.Hours, ServiceMinutes = simple.ServiceMinutes, Frequency = simple.Frequency, Load = simple.Load };
            if (plain != a)
            {
                yield return c with { Accounts = c.Accounts.SetItem(i, plain) };
            }
        }
    }

    /// <summary>The request a <see cref="JourneyCase"/> describes.</summary>
    public static JourneyPlanRequest Build(JourneyCase c)
    {
        var cycle = JourneyCycle.Create(c.Weeks);
        var positions = c.Positions.Select((p, i) => new SalesPosition(new PositionId($"p{i}"))
        {
            Base = new GeoPoint(p.X, p.Y),
            DailyHours = TimeWindow.FromHours(8, 0, p.EndHour, 0),
            Break = p.Break ? TimeSpan.FromMinutes(30) : TimeSpan.Zero,
            MaxVisitsPerDay = p.Cap,
        }).ToImmutableArray();
        var accounts = c.Accounts.Select((a, i) => new Account(new AccountId($"a{i:00}"), new GeoPoint(a.X, a.Y))
        {
            OpeningHours = a.Hours switch
            {
                0 => OpeningHours.AlwaysOpen,
                1 => OpeningHours.Weekly(cycle.WorkingDays, TimeWindow.FromHours(9, 0, 12, 0), TimeWindow.FromHours(14, 0, 17, 0)),
                _ => OpeningHours.Weekly(cycle.WorkingDays.Skip(a.Skip), TimeWindow.FromHours(a.Open, 0, a.Close, 0)),
            },
            ServiceTime = TimeSpan.FromMinutes(a.ServiceMinutes),
            Visit = VisitRequirement.Of(Frequencies[a.Frequency]) with { Load = a.Load },
        }).ToImmutableArray();
        return new JourneyPlanRequest(positions, cycle, accounts, new EuclideanTravelModel(1000, 40 / 3.6));
    }

    /// <summary>A small valid journey request on planar coordinates (1 unit = 1 km at 40 km/h), built from <paramref name="seed"/>.</summary>
    public static JourneyPlanRequest JourneyRequest(int seed)
    {
        var random = new Random(seed);
        var weeks = random.Next(1, 3);
        var cycle = JourneyCycle.Create(weeks);
        var positions = Enumerable.Range(0, random.Next(1, 4)).Select(p => new SalesPosition(new PositionId($"p{p}"))
        {
            Base = new GeoPoint(random.NextDouble() * 20, random.NextDouble() * 20),
            DailyHours = TimeWindow.FromHours(8, 0, random.Next(14, 18), 0),
            Break = random.Next(2) == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(30),
            MaxVisitsPerDay = random.Next(3) == 0 ? random.Next(2, 6) : null,
        }).ToImmutableArray();
        var frequencies = Frequencies;
        var accounts = Enumerable.Range(0, random.Next(4, 25)).Select(i =>
        {
            var hours = random.Next(3) switch
            {
                0 => OpeningHours.AlwaysOpen,
                1 => OpeningHours.Weekly(cycle.WorkingDays, TimeWindow.FromHours(9, 0, 12, 0), TimeWindow.FromHours(14, 0, 17, 0)),
                _ => OpeningHours.Weekly(cycle.WorkingDays.Skip(random.Next(3)), TimeWindow.FromHours(random.Next(8, 12), 0, random.Next(13, 19), 0)),
            };
            return new Account(new AccountId($"a{i:00}"), new GeoPoint(random.NextDouble() * 20, random.NextDouble() * 20))
            {
                OpeningHours = hours,
                ServiceTime = TimeSpan.FromMinutes(random.Next(5, 46)),
                Visit = VisitRequirement.Of(frequencies[random.Next(frequencies.Length)]) with { Load = random.Next(0, 3) },
            };
        }).ToImmutableArray();
        return new JourneyPlanRequest(positions, cycle, accounts, new EuclideanTravelModel(1000, 40 / 3.6));
    }
}

using System.Collections.Immutable;
using System.Globalization;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>Suggests, for every unplanned account of a plan, concrete fixes with figures, each confirmed by re-planning.</summary>
/// <remarks>
/// <para>
/// Candidates per account: a lower frequency (one visit less per period, or the same visit over a longer
/// period; the service minutes it frees), a longer working day for the eligible positions nearest to it
/// (enough for its service plus a detour of twice the travel from the nearest stop of the route on each
/// of its pattern's days, in whole quarter hours), a neighbouring territory whose positions have slack
/// (when the request has territories), and an added short-day position at the base of the nearest
/// eligible one (the hours per cycle it adds). A candidate is suggested only if re-planning the changed
/// request from the plan with <see cref="JourneyReplanner"/> and these options, moving no kept account
/// (<see cref="ReplanRequest.MaxMovedAccounts"/> = 0), plans the account. So applying a suggested fix
/// (<see cref="UnplannedFix.Apply"/>) and re-planning the same way plans the account, deterministically
/// under an iteration limit.
/// </para>
/// <para>
/// Cost: one re-plan per candidate (at most seven per account); give the options an iteration limit.
/// Thread-safe: the fixer holds only its copied options.
/// </para>
/// </remarks>
public sealed class UnplannedFixer
{
    private readonly JourneyPlannerOptions _options;

    /// <summary>A fixer that re-plans with the given planner options (copied), or the defaults.</summary>
    /// <param name="options">The options of the confirming re-plans.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every failure.</exception>
    public UnplannedFixer(JourneyPlannerOptions? options = null)
    {
        _options = EngineOptions.Checked(options);
    }

    /// <summary>The verified fixes for every unplanned account of <paramref name="plan"/>.</summary>
    /// <param name="request">The request the plan answers.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Stops early; the accounts not yet examined come back without fixes.</param>
    /// <returns>One entry per unplanned account, in the plan's order, or every problem with the request and plan.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OneOf<ImmutableArray<AccountFixes>, ReplanFailure> Suggest(JourneyPlanRequest request, JourneyPlan plan, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        Guard.NotNull(plan);
        var errors = ReplanCheck.Check(new ReplanRequest(plan, request), _options.KeepPositionPerAccount);
        if (!errors.IsEmpty)
        {
            return new ReplanFailure(errors);
        }

        var replanner = new JourneyReplanner(_options);
        var accounts = new Dictionary<AccountId, Account>();
        foreach (var a in request.Accounts)
        {
            accounts.TryAdd(a.Id, a);
        }

        var result = ImmutableArray.CreateBuilder<AccountFixes>(plan.Unplanned.Length);
        foreach (var unplanned in plan.Unplanned)
        {
            if (cancellationToken.IsCancellationRequested || !accounts.TryGetValue(unplanned.Account, out var account) || account.Visit is null)
            {
                result.Add(new AccountFixes(unplanned, []));
                continue;
            }

            var verified = Candidates(request, plan, account)
                .Where(fix => Plans(replanner, request, plan, fix, cancellationToken))
                .ToImmutableArray();
            result.Add(new AccountFixes(unplanned, verified));
        }

        return result.MoveToImmutable();
    }

    private static bool Plans(JourneyReplanner replanner, JourneyPlanRequest request, JourneyPlan plan, UnplannedFix fix, CancellationToken token)
    {
        var changed = fix.Apply(request);
        return replanner.Replan(new ReplanRequest(plan, changed) { MaxMovedAccounts = 0 }, null, token).Match(
            r => r.Plan.Unplanned.All(u => u.Account != fix.Account),
            _ => false);
    }

    private IEnumerable<UnplannedFix> Candidates(JourneyPlanRequest request, JourneyPlan plan, Account account)
    {
        var inv = CultureInfo.InvariantCulture;
        var cycle = request.Cycle;
        var visit = account.Visit!;
        var service = visit.Duration ?? account.ServiceTime;
        var travel = request.TravelModel;

        if (visit.Frequency is { } f)
        {
            var before = f.VisitsPerCycle(cycle) ?? f.Visits;
            foreach (var lower in Lower(f).Distinct())
            {
                if (lower.VisitsPerCycle(cycle) is not { } after || after >= before && before > 0 && !visit.AllowedPatterns(cycle).IsEmpty)
                {
                    continue;
                }

                var freed = Math.Max(0, before - after) * service.TotalMinutes;
                yield return new UnplannedFix(account.Id, FixKind.LowerFrequency,
                    string.Create(inv, $"Account {account.Id}: lower its frequency from {f} to {lower} ({after} visits per cycle), which frees {freed:0} minutes of service per cycle."))
                { Frequency = lower, FreedMinutes = freed };
            }
        }

        var eligible = Eligible(request, account).OrderBy(p => travel.DistanceMetres(p.Base!.Value, account.Location)).ThenBy(p => p.Id).ToList();
        var patterns = visit.AllowedPatterns(cycle);
        foreach (var position in eligible.Take(2))
        {
            var best = TimeSpan.MaxValue;
            ImmutableArray<int> days = [];
            foreach (var pattern in patterns.Where(pt => pt.Days.All(d => d < cycle.DayCount && position.WorksOn(cycle, d))))
            {
                var need = pattern.Days.Max(d => Detour(request, plan, position, d, account) + service);
                if (need < best)
                {
                    (best, days) = (need, [.. pattern.Days]);
                }
            }

            if (best == TimeSpan.MaxValue)
            {
                continue;
            }

            var extension = TimeSpan.FromMinutes(Math.Ceiling(best.TotalMinutes / 15) * 15);
            yield return new UnplannedFix(account.Id, FixKind.ExtendWorkingHours,
                string.Create(inv, $"Account {account.Id}: extend the working day of {position.Id} by {extension.TotalMinutes:0} minutes (needed on cycle days {string.Join(", ", days)})."))
            { Position = position.Id, Days = days, Extension = extension };
        }

        foreach (var fix in Territories(request, plan, account))
        {
            yield return fix;
        }

        if (visit.FixedPosition is null && eligible.Count > 0)
        {
            var model = eligible[0];
            var roundTrip = travel.Duration(model.Base!.Value, account.Location) + travel.Duration(account.Location, model.Base!.Value);
            var day = TimeSpan.FromMinutes(Math.Ceiling((service + roundTrip).TotalMinutes / 15) * 15);
            var added = model with
            {
                Id = new PositionId(model.Id.Value + "+" + account.Id.Value),
                Name = null,
                DailyHours = new TimeWindow(model.DailyHours.Start, model.DailyHours.Start + day),
                Break = TimeSpan.Zero,
            };
            var visits = patterns.IsEmpty ? 0 : patterns.Min(p => p.Days.Length);
            var hours = visits * day.TotalHours;
            yield return new UnplannedFix(account.Id, FixKind.AddCapacity,
                string.Create(inv, $"Account {account.Id}: add {hours:0.#} hours of capacity per cycle ({visits} days of {day.TotalMinutes:0} minutes from the base of {model.Id})."))
            { Position = model.Id, AddedPosition = added, CapacityHours = hours };
        }
    }

    /// <summary>Other territories whose positions have slack in the plan, nearest first (at most two).</summary>
    private static IEnumerable<UnplannedFix> Territories(JourneyPlanRequest request, JourneyPlan plan, Account account)
    {
        if (request.Territories.IsEmpty || account.Visit!.FixedPosition is not null || request.Territories.Any(t => t.NamedAccounts.Contains(account.Id)))
        {
            yield break;
        }

        var positions = request.Positions.Where(p => !p.IsVacant && p.Base is not null).ToDictionary(p => p.Id);
        var worked = plan.Routes.GroupBy(r => r.Position).ToDictionary(g => g.Key, g => g.Sum(r => r.WorkingTime.TotalHours));
        var candidates = new List<(double Distance, Territory Territory, double Slack)>();
        foreach (var territory in request.Territories.Where(t => t.Id != account.Territory))
        {
            var covering = territory.Positions.Where(positions.ContainsKey).Select(id => positions[id]).ToList();
            if (covering.Count == 0)
            {
                continue;
            }

            var slack = covering.Sum(p => (Enumerable.Range(0, request.Cycle.DayCount).Count(d => p.WorksOn(request.Cycle, d)) * (p.DailyHours.Duration - p.Break).TotalHours) - worked.GetValueOrDefault(p.Id));
            if (slack <= 0)
            {
                continue;
            }

            candidates.Add((covering.Min(p => request.TravelModel.DistanceMetres(p.Base!.Value, account.Location)), territory, slack));
        }

        foreach (var (_, territory, slack) in candidates.OrderBy(c => c.Distance).ThenBy(c => c.Territory.Id).Take(2))
        {
            yield return new UnplannedFix(account.Id, FixKind.MoveToTerritory,
                string.Create(CultureInfo.InvariantCulture, $"Account {account.Id}: move it to neighbouring territory {territory.Id}, whose positions have {slack:0.#} hours per cycle to spare."))
            { Territory = territory.Id, SlackHours = slack };
        }
    }

    /// <summary>The planned positions that may visit the account: its fixed position, or those covering its territory, or all.</summary>
    private IEnumerable<SalesPosition> Eligible(JourneyPlanRequest request, Account account)
    {
        var planned = request.Positions.Where(p => !p.IsVacant && p.Base is not null);
        if (account.Visit!.FixedPosition is { } fixedId)
        {
            return planned.Where(p => p.Id == fixedId);
        }

        var territory = request.Territories.Where(t => t.NamedAccounts.Contains(account.Id)).OrderBy(t => t.Id.Value, StringComparer.Ordinal).FirstOrDefault()
            ?? request.Territories.FirstOrDefault(t => t.Id == account.Territory);
        return territory is null || _options.TerritoryRule != TerritoryRule.Hard ? planned : planned.Where(p => territory.Positions.Contains(p.Id));
    }

    /// <summary>Twice the travel time from the nearest stop of the position's route that day (or its base) to the account.</summary>
    private static TimeSpan Detour(JourneyPlanRequest request, JourneyPlan plan, SalesPosition position, int day, Account account)
    {
        var travel = request.TravelModel;
        var locations = request.Accounts.ToDictionary(a => a.Id, a => a.Location);
        var nearest = travel.Duration(position.Base!.Value, account.Location);
        foreach (var route in plan.Routes.Where(r => r.Position == position.Id && r.Day == day))
        {
            foreach (var v in route.Visits)
            {
                if (locations.TryGetValue(v.Account, out var at))
                {
                    var t = travel.Duration(at, account.Location);
                    nearest = t < nearest ? t : nearest;
                }
            }
        }

        return nearest + nearest;
    }

    /// <summary>Lower frequencies, the smallest reduction first: one visit less per period, then one visit over a period twice as long, then once per cycle.</summary>
    private static IEnumerable<VisitFrequency> Lower(VisitFrequency f)
    {
        if (f.PeriodWeeks == 0)
        {
            if (f.Visits > 1)
            {
                yield return VisitFrequency.PerCycle(f.Visits - 1);
            }

            yield break;
        }

        if (f.Visits > 1)
        {
            yield return VisitFrequency.Every(f.Visits - 1, f.PeriodWeeks);
        }

        yield return VisitFrequency.Every(f.Visits, f.PeriodWeeks * 2);
        yield return VisitFrequency.PerCycle(1);
    }
}

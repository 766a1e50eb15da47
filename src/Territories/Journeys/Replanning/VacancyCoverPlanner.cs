using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>Covers a vacant position's visits over a period with its neighbouring positions, within their working hours, without moving any of their own visits.</summary>
/// <remarks>
/// <para>
/// The vacant position's visits on the cycle days of the period are placed one at a time, by priority
/// class (ordinal order of <see cref="Account.Class"/>: A before B before C; accounts without a class
/// last), then day, then account id. Each goes to the neighbour (the <c>neighbours</c> positions whose
/// bases are nearest the vacant one's) and place on the same day that add the least working time, as
/// <see cref="VisitFitter"/> ranks them; territory lines do not bind a cover. A visit placed changes the
/// route for the next ones. Visits that fit nowhere are reported uncovered.
/// </para>
/// <para>Deterministic; stateless and thread-safe. O(V × K × n²) for V visits, K neighbours, n visits per route.</para>
/// </remarks>
public sealed class VacancyCoverPlanner
{
    private readonly JourneyPlannerOptions _options;

    /// <summary>A cover planner with the opening-hours rule of the given planner options, or the defaults.</summary>
    /// <param name="options">The planner options the plan was made with.</param>
    public VacancyCoverPlanner(JourneyPlannerOptions? options = null) => _options = EngineOptions.Checked(options);

    /// <summary>Covers the visits of <paramref name="vacant"/> on cycle days <paramref name="fromDay"/> to <paramref name="toDay"/> (exclusive).</summary>
    /// <param name="request">The request the plan answers.</param>
    /// <param name="plan">The plan in force.</param>
    /// <param name="vacant">The position that becomes vacant.</param>
    /// <param name="fromDay">The first cycle day of the period.</param>
    /// <param name="toDay">The day after the period (the cycle's day count for the rest of the cycle).</param>
    /// <param name="neighbours">How many positions, nearest base first, may cover; 3 by default.</param>
    /// <returns>Who covers what and what stays uncovered, or the problems: an unknown position, a period outside the cycle, no neighbour allowed, a plan that names accounts the request lacks.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OneOf<VacancyCover, ReplanFailure> Cover(JourneyPlanRequest request, JourneyPlan plan, PositionId vacant, int fromDay, int toDay, int neighbours = 3)
    {
        Guard.NotNull(request);
        Guard.NotNull(plan);
        var errors = new List<ReplanError>();
        var position = request.Positions.FirstOrDefault(p => p.Id == vacant);
        if (position is null || position.Base is null)
        {
            errors.Add(new ReplanError(ReplanErrorCode.UnknownPosition, [ItemRef.Of(vacant)], "Vacant", vacant.Value, $"Position {vacant} is not in the request or has no base."));
        }

        var days = request.Cycle.DayCount;
        if (fromDay < 0 || toDay > days || fromDay >= toDay)
        {
            errors.Add(new ReplanError(ReplanErrorCode.DayOutsideCycle, [ItemRef.Of(vacant)], "Period", $"{fromDay}..{toDay}", $"The period {fromDay} to {toDay} (exclusive) is not a non-empty part of the cycle of {days} days."));
        }

        if (neighbours < 1)
        {
            errors.Add(new ReplanError(ReplanErrorCode.NegativeBudget, [ItemRef.Of(vacant)], "Neighbours", neighbours.ToString(System.Globalization.CultureInfo.InvariantCulture), "At least one neighbouring position must be allowed to cover."));
        }

        if (errors.Count > 0)
        {
            return new ReplanFailure([.. errors]);
        }

        var home = position!.Base!.Value;
        var near = request.Positions.Where(p => p.Id != vacant && !p.IsVacant && p.Base is not null)
            .OrderBy(p => request.TravelModel.DistanceMetres(home, p.Base!.Value)).ThenBy(p => p.Id).Take(neighbours).Select(p => p.Id).ToHashSet();

        // The fitter sees only the neighbours, and ignores territory lines and fixed positions.
        var view = request with
        {
            Positions = [.. request.Positions.Select(p => near.Contains(p.Id) ? p : p with { IsVacant = true })],
            Territories = [],
        };
        var fitter = new VisitFitter(new JourneyPlannerOptions { OpeningHoursRule = _options.OpeningHoursRule, TerritoryRule = TerritoryRule.Soft });
        var accounts = new Dictionary<AccountId, Account>();
        foreach (var a in request.Accounts)
        {
            accounts.TryAdd(a.Id, a);
        }

        var visits = plan.Routes.Where(r => r.Position == vacant && r.Day >= fromDay && r.Day < toDay)
            .SelectMany(r => r.Visits.Select(v => (r.Day, v.Account)))
            .Select(x => (x.Day, x.Account, Class: accounts.TryGetValue(x.Account, out var a) ? a.Class : null))
            .OrderBy(x => x.Class is null ? 1 : 0).ThenBy(x => x.Class, StringComparer.Ordinal).ThenBy(x => x.Day).ThenBy(x => x.Account)
            .ToList();
        var routes = plan.Routes.Where(r => near.Contains(r.Position)).ToList();
        var covered = ImmutableArray.CreateBuilder<CoveredVisit>();
        var uncovered = ImmutableArray.CreateBuilder<UncoveredVisit>();
        foreach (var (day, id, cls) in visits)
        {
            if (!accounts.TryGetValue(id, out var account))
            {
                return new ReplanFailure([new ReplanError(ReplanErrorCode.UnknownAccount, [ItemRef.Of(id)], "Routes.Visits.Account", id.Value, $"The plan visits account {id}, which is not in the request.")]);
            }

            var current = plan with { Routes = [.. routes] };
            var single = account with { Visit = account.Visit is null ? null : account.Visit with { FixedPosition = null } };
            var fits = fitter.Fit(view, current, single);
            if (fits.TryPickT1(out var failure, out var places))
            {
                return failure;
            }

            var fit = places.FirstOrDefault(f => f.Day == day);
            if (fit is null)
            {
                uncovered.Add(new UncoveredVisit(id, day, cls));
                continue;
            }

            covered.Add(new CoveredVisit(id, day, fit.Position, fit.Sequence, fit.AddedWorkingTime, fit.DayLength));
            var k = routes.FindIndex(r => r.Position == fit.Position && r.Day == day);
            var visit = new PlannedVisit(id, fit.Start, fit.Start, fit.Start, 0, TimeSpan.Zero, account.Visit?.Activity);
            if (k < 0)
            {
                routes.Add(new JourneyRoute
                {
                    Position = fit.Position,
                    Day = day,
                    Visits = [visit],
                    Start = TimeSpan.Zero,
                    End = fit.DayLength,
                    DistanceMetres = 0,
                    TravelTime = TimeSpan.Zero,
                    ServiceTime = TimeSpan.Zero,
                    Load = 0,
                });
            }
            else
            {
                routes[k] = routes[k] with { Visits = routes[k].Visits.Insert(fit.Sequence - 1, visit) };
            }
        }

        return new VacancyCover(vacant, covered.ToImmutable(), uncovered.ToImmutable());
    }
}

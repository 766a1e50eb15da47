using System.Collections.Immutable;
using System.Globalization;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>Checks a re-plan request before any search: the request's data, the budget, the freeze window, the previous plan against the request, and the locks.</summary>
internal static class ReplanCheck
{
    public static ImmutableArray<ReplanError> Check(ReplanRequest request, bool keepPosition)
    {
        var errors = new List<ReplanError>();
        foreach (var e in request.Request.Validate())
        {
            errors.Add(new ReplanError(ReplanErrorCode.InvalidRequest, e.Items, e.Field, e.Value, e.Message));
        }

        if (errors.Count > 0)
        {
            return [.. errors];
        }

        var cycle = request.Request.Cycle;
        var D = cycle.DayCount;
        if (request.MaxMovedAccounts is < 0)
        {
            errors.Add(new ReplanError(ReplanErrorCode.NegativeBudget, [], nameof(ReplanRequest.MaxMovedAccounts), Text(request.MaxMovedAccounts.Value),
                $"The change budget must be 0 or more accounts (was {Text(request.MaxMovedAccounts.Value)})."));
        }

        if (!double.IsFinite(request.PricePerMovedVisit) || request.PricePerMovedVisit < 0)
        {
            errors.Add(new ReplanError(ReplanErrorCode.NegativeBudget, [], nameof(ReplanRequest.PricePerMovedVisit), request.PricePerMovedVisit.ToString(CultureInfo.InvariantCulture),
                $"The price per moved visit must be a finite number, 0 or more (was {request.PricePerMovedVisit.ToString(CultureInfo.InvariantCulture)})."));
        }

        if (request.FreezeDays < 0 || request.FreezeDays > D)
        {
            errors.Add(new ReplanError(ReplanErrorCode.FreezeOutsideCycle, [], nameof(ReplanRequest.FreezeDays), Text(request.FreezeDays),
                $"The freeze window must be 0 to {D} days, the length of the cycle (was {Text(request.FreezeDays)})."));
        }

        var positions = new Dictionary<PositionId, SalesPosition>();
        foreach (var p in request.Request.Positions)
        {
            positions.TryAdd(p.Id, p);
        }

        foreach (var route in request.Previous.Routes.OrderBy(r => r.Position).ThenBy(r => r.Day))
        {
            if (!positions.ContainsKey(route.Position))
            {
                errors.Add(new ReplanError(ReplanErrorCode.UnknownPosition, [ItemRef.Of(route.Position)], "Routes.Position", route.Position.Value,
                    $"The previous plan has a route of position {route.Position}, which is not in the request; keep a position that leaves in the request as vacant."));
            }

            if (route.Day < 0 || route.Day >= D)
            {
                errors.Add(new ReplanError(ReplanErrorCode.DayOutsideCycle, [ItemRef.Of(route.Position)], "Routes.Day", Text(route.Day),
                    $"The previous plan has a route of position {route.Position} on day {Text(route.Day)}, outside the request's cycle of {Text(D)} days."));
            }
        }

        var accounts = new Dictionary<AccountId, Account>();
        foreach (var a in request.Request.Accounts)
        {
            accounts.TryAdd(a.Id, a);
        }

        var frozen = new Dictionary<(AccountId, int), PositionId>();
        var before = new HashSet<AccountId>();
        foreach (var route in request.Previous.Routes)
        {
            foreach (var v in route.Visits)
            {
                before.Add(v.Account);
                if (route.Day < request.FreezeDays)
                {
                    frozen.TryAdd((v.Account, route.Day), route.Position);
                }
            }
        }

        var seen = new HashSet<(AccountId, int)>();
        foreach (var group in request.Locks.GroupBy(l => l.Account).OrderBy(g => g.Key))
        {
            var id = group.Key;
            var locks = group.OrderBy(l => l.Day).ThenBy(l => l.Position).ToList();
            if (!accounts.TryGetValue(id, out var account) || account.Visit is null)
            {
                errors.Add(new ReplanError(ReplanErrorCode.UnknownAccount, [ItemRef.Of(id)], "Locks.Account", id.Value,
                    $"A lock names account {id}, which is not in the request or has no visit requirement."));
                continue;
            }

            var sound = true;
            foreach (var l in locks)
            {
                var day = Text(l.Day);
                if (!seen.Add((id, l.Day)))
                {
                    errors.Add(new ReplanError(ReplanErrorCode.DuplicateLock, [ItemRef.Of(id), ItemRef.Of(l.Position)], "Locks.Day", day,
                        $"Account {id} has two locks on day {day}."));
                    sound = false;
                }

                if (l.Day < 0 || l.Day >= D)
                {
                    errors.Add(new ReplanError(ReplanErrorCode.DayOutsideCycle, [ItemRef.Of(id), ItemRef.Of(l.Position)], "Locks.Day", day,
                        $"The lock of account {id} is on day {day}, outside the cycle of {Text(D)} days."));
                    sound = false;
                    continue;
                }

                if (!positions.TryGetValue(l.Position, out var position))
                {
                    errors.Add(new ReplanError(ReplanErrorCode.UnknownPosition, [ItemRef.Of(id), ItemRef.Of(l.Position)], "Locks.Position", l.Position.Value,
                        $"The lock of account {id} on day {day} names position {l.Position}, which is not in the request."));
                    sound = false;
                    continue;
                }

                if (position.IsVacant || position.Base is null || !position.WorksOn(cycle, l.Day))
                {
                    errors.Add(new ReplanError(ReplanErrorCode.LockNotWorkable, [ItemRef.Of(id), ItemRef.Of(l.Position)], "Locks.Position", l.Position.Value,
                        $"The lock of account {id} on day {day} names position {l.Position}, which is vacant, has no base or does not work that day."));
                    sound = false;
                }

                if (l.Day < request.FreezeDays && before.Contains(id) && (!frozen.TryGetValue((id, l.Day), out var was) || was != l.Position))
                {
                    errors.Add(new ReplanError(ReplanErrorCode.LockContradictsFreeze, [ItemRef.Of(id), ItemRef.Of(l.Position)], "Locks.Day", day,
                        $"The lock of account {id} on frozen day {day} by {l.Position} differs from its previous visits there, which the freeze keeps."));
                    sound = false;
                }
            }

            if (!sound)
            {
                continue;
            }

            var days = locks.Select(l => l.Day).ToHashSet();
            if (!account.Visit.AllowedPatterns(cycle).Any(p => days.IsSubsetOf(p.Days)))
            {
                errors.Add(new ReplanError(ReplanErrorCode.LockContradictsPattern, [ItemRef.Of(id)], "Locks.Day", string.Join(' ', days.Order().Select(Text)),
                    $"The locks of account {id} on days {string.Join(", ", days.Order().Select(Text))} fit none of its allowed day patterns."));
            }
            else if (keepPosition && locks.Select(l => l.Position).Distinct().Count() > 1)
            {
                errors.Add(new ReplanError(ReplanErrorCode.LockContradictsPattern, [ItemRef.Of(id), .. locks.Select(l => ItemRef.Of(l.Position)).Distinct()], "Locks.Position", null,
                    $"The locks of account {id} name several positions, while every account keeps one position (KeepPositionPerAccount)."));
            }
        }

        return [.. errors];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

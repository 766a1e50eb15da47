using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>What changed between two journey plans: per visit, per account and per position, visits added, removed, moved to another day or position, and sequence-only changes within a day, kept apart.</summary>
/// <remarks>
/// <para>
/// Visits are matched per account, as a multiset of (position, day) places: first the places both
/// plans share; then, of the rest, a visit on the same day by another position
/// (<see cref="PlanChangeKind.MovedPosition"/>); then one by the same position on another day, then any
/// other (<see cref="PlanChangeKind.MovedDay"/>), each time in order of position id and day. What is
/// left is <see cref="PlanChangeKind.Removed"/> or <see cref="PlanChangeKind.Added"/>. So an account that
/// keeps its number of visits is never reported as removed and added. Within a route both plans have,
/// the visits kept there that are not on a longest common order of the two routes are
/// <see cref="PlanChangeKind.Resequenced"/>: moving one stop to the end of a day reports that one stop,
/// not every stop after it.
/// </para>
/// <para>
/// Deterministic and independent of how the plans were built; O(V log V) for V visits. Immutable;
/// every list is sorted (changes by account, kind, then places; accounts and positions by id) and
/// lists only accounts and positions with a change.
/// </para>
/// </remarks>
public sealed class PlanDiff
{
    private PlanDiff(ImmutableArray<VisitChange> changes, ImmutableArray<AccountDiff> accounts, ImmutableArray<PositionDiff> positions, int unchanged)
    {
        Changes = changes;
        Accounts = accounts;
        Positions = positions;
        UnchangedVisits = unchanged;
    }

    /// <summary>Every visit that changed, sorted by account, kind, then the earlier and later places.</summary>
    public ImmutableArray<VisitChange> Changes { get; }

    /// <summary>Per account with a change, its counts; sorted by id.</summary>
    public ImmutableArray<AccountDiff> Accounts { get; }

    /// <summary>Per position with a change, its counts; sorted by id.</summary>
    public ImmutableArray<PositionDiff> Positions { get; }

    /// <summary>Visits on the same position, day and relative order in both plans.</summary>
    public int UnchangedVisits { get; }

    /// <summary>Whether the two plans make the same visits in the same order.</summary>
    public bool IsEmpty => Changes.IsEmpty;

    /// <summary>How many visits changed in the given way.</summary>
    /// <param name="kind">The kind of change.</param>
    /// <returns>The number of <see cref="Changes"/> of that kind.</returns>
    public int Count(PlanChangeKind kind) => Changes.Count(c => c.Kind == kind);

    /// <summary>The accounts with a visit moved to another day or position, sorted by id.</summary>
    public ImmutableArray<AccountId> MovedAccounts => [.. Accounts.Where(a => a.IsMoved).Select(a => a.Account)];

    /// <summary>Compares two plans.</summary>
    /// <param name="previous">The earlier plan.</param>
    /// <param name="current">The later plan.</param>
    /// <returns>What changed from <paramref name="previous"/> to <paramref name="current"/>.</returns>
    /// <exception cref="ArgumentNullException">A plan is null.</exception>
    public static PlanDiff Between(JourneyPlan previous, JourneyPlan current)
    {
        Guard.NotNull(previous);
        Guard.NotNull(current);
        var before = Places(previous);
        var after = Places(current);
        var changes = new List<VisitChange>();
        var stays = new Dictionary<(PositionId Position, int Day), List<(AccountId Account, int From, int To)>>();
        var unchanged = 0;
        foreach (var account in before.Keys.Union(after.Keys).Order())
        {
            var from = before.TryGetValue(account, out var f) ? f : [];
            var to = after.TryGetValue(account, out var t) ? t : [];
            var usedFrom = new bool[from.Count];
            var usedTo = new bool[to.Count];

            // Same place in both plans.
            Match(from, to, usedFrom, usedTo, (a, b) => a.Position == b.Position && a.Day == b.Day, (a, b) =>
            {
                var key = (a.Position, a.Day);
                if (!stays.TryGetValue(key, out var list))
                {
                    stays[key] = list = [];
                }

                list.Add((account, a.Sequence, b.Sequence));
            });
            Match(from, to, usedFrom, usedTo, (a, b) => a.Day == b.Day, (a, b) => changes.Add(Moved(account, PlanChangeKind.MovedPosition, a, b)));
            Match(from, to, usedFrom, usedTo, (a, b) => a.Position == b.Position, (a, b) => changes.Add(Moved(account, PlanChangeKind.MovedDay, a, b)));
            Match(from, to, usedFrom, usedTo, (_, _) => true, (a, b) => changes.Add(Moved(account, PlanChangeKind.MovedDay, a, b)));
            for (var i = 0; i < from.Count; i++)
            {
                if (!usedFrom[i])
                {
                    changes.Add(new VisitChange
                    {
                        Account = account,
                        Kind = PlanChangeKind.Removed,
                        FromPosition = from[i].Position,
                        FromDay = from[i].Day,
                        FromSequence = from[i].Sequence,
                        ToPosition = null,
                        ToDay = null,
                        ToSequence = null,
                    });
                }
            }

            for (var j = 0; j < to.Count; j++)
            {
                if (!usedTo[j])
                {
                    changes.Add(new VisitChange
                    {
                        Account = account,
                        Kind = PlanChangeKind.Added,
                        FromPosition = null,
                        FromDay = null,
                        FromSequence = null,
                        ToPosition = to[j].Position,
                        ToDay = to[j].Day,
                        ToSequence = to[j].Sequence,
                    });
                }
            }
        }

        foreach (var ((position, day), list) in stays)
        {
            list.Sort((a, b) => a.From.CompareTo(b.From));
            var kept = LongestIncreasing(list.Select(x => x.To).ToArray());
            for (var i = 0; i < list.Count; i++)
            {
                if (kept[i])
                {
                    unchanged++;
                }
                else
                {
                    changes.Add(new VisitChange
                    {
                        Account = list[i].Account,
                        Kind = PlanChangeKind.Resequenced,
                        FromPosition = position,
                        FromDay = day,
                        FromSequence = list[i].From,
                        ToPosition = position,
                        ToDay = day,
                        ToSequence = list[i].To,
                    });
                }
            }
        }

        changes.Sort(Compare);
        var accounts = changes.GroupBy(c => c.Account).OrderBy(g => g.Key)
            .Select(g => new AccountDiff(g.Key, Of(g, PlanChangeKind.Added), Of(g, PlanChangeKind.Removed), Of(g, PlanChangeKind.MovedDay), Of(g, PlanChangeKind.MovedPosition), Of(g, PlanChangeKind.Resequenced)))
            .ToImmutableArray();
        return new PlanDiff([.. changes], accounts, PositionsOf(changes), unchanged);

        static int Of(IEnumerable<VisitChange> changes, PlanChangeKind kind) => changes.Count(c => c.Kind == kind);
    }

    private static VisitChange Moved(AccountId account, PlanChangeKind kind, Place a, Place b) =>
        new VisitChange
        {
            Account = account,
            Kind = kind,
            FromPosition = a.Position,
            FromDay = a.Day,
            FromSequence = a.Sequence,
            ToPosition = b.Position,
            ToDay = b.Day,
            ToSequence = b.Sequence,
        };

    private static void Match(List<Place> from, List<Place> to, bool[] usedFrom, bool[] usedTo, Func<Place, Place, bool> fits, Action<Place, Place> matched)
    {
        for (var i = 0; i < from.Count; i++)
        {
            if (usedFrom[i])
            {
                continue;
            }

            for (var j = 0; j < to.Count; j++)
            {
                if (!usedTo[j] && fits(from[i], to[j]))
                {
                    usedFrom[i] = true;
                    usedTo[j] = true;
                    matched(from[i], to[j]);
                    break;
                }
            }
        }
    }

    private static ImmutableArray<PositionDiff> PositionsOf(List<VisitChange> changes)
    {
        var counts = new SortedDictionary<PositionId, int[]>();
        int[] Of(PositionId? position)
        {
            var id = position!.Value;
            if (!counts.TryGetValue(id, out var c))
            {
                counts[id] = c = new int[6];
            }

            return c;
        }

        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case PlanChangeKind.Added:
                    Of(change.ToPosition)[0]++;
                    break;
                case PlanChangeKind.Removed:
                    Of(change.FromPosition)[1]++;
                    break;
                case PlanChangeKind.Resequenced:
                    Of(change.FromPosition)[5]++;
                    break;
                default:
                    if (change.FromPosition == change.ToPosition)
                    {
                        Of(change.FromPosition)[2]++;
                    }
                    else
                    {
                        Of(change.FromPosition)[4]++;
                        Of(change.ToPosition)[3]++;
                    }

                    break;
            }
        }

        return [.. counts.Select(kv => new PositionDiff(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3], kv.Value[4], kv.Value[5]))];
    }

    private static int Compare(VisitChange a, VisitChange b)
    {
        var c = a.Account.CompareTo(b.Account);
        c = c != 0 ? c : a.Kind.CompareTo(b.Kind);
        c = c != 0 ? c : Nullable.Compare(a.FromPosition, b.FromPosition);
        c = c != 0 ? c : Nullable.Compare(a.FromDay, b.FromDay);
        c = c != 0 ? c : Nullable.Compare(a.FromSequence, b.FromSequence);
        c = c != 0 ? c : Nullable.Compare(a.ToPosition, b.ToPosition);
        c = c != 0 ? c : Nullable.Compare(a.ToDay, b.ToDay);
        return c != 0 ? c : Nullable.Compare(a.ToSequence, b.ToSequence);
    }

    /// <summary>Per item, whether it is on one longest strictly increasing subsequence (patience sorting, O(n log n)).</summary>
    private static bool[] LongestIncreasing(int[] values)
    {
        var n = values.Length;
        var tails = new int[n];
        var previous = new int[n];
        var length = 0;
        for (var i = 0; i < n; i++)
        {
            int lo = 0, hi = length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (values[tails[mid]] < values[i])
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            length = Math.Max(length, lo + 1);
        }

        var on = new bool[n];
        for (var k = length > 0 ? tails[length - 1] : -1; k >= 0; k = previous[k])
        {
            on[k] = true;
        }

        return on;
    }

    private static Dictionary<AccountId, List<Place>> Places(JourneyPlan plan)
    {
        var places = new Dictionary<AccountId, List<Place>>();
        foreach (var route in plan.Routes.OrderBy(r => r.Position).ThenBy(r => r.Day))
        {
            for (var i = 0; i < route.Visits.Length; i++)
            {
                var account = route.Visits[i].Account;
                if (!places.TryGetValue(account, out var list))
                {
                    places[account] = list = [];
                }

                list.Add(new Place(route.Position, route.Day, i + 1));
            }
        }

        return places;
    }

    private readonly record struct Place(PositionId Position, int Day, int Sequence);
}

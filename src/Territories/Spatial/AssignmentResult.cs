using System.Collections.Frozen;
using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>The territory of every account given to <see cref="TerritoryMap.Assign"/>.</summary>
/// <remarks>
/// One entry per account, sorted by account id (ordinal; accounts sharing an id by longitude, then
/// latitude), so the result does not depend on the order of the input. Immutable and thread-safe.
/// </remarks>
public sealed class AssignmentResult
{
    private readonly FrozenDictionary<TerritoryId, ImmutableArray<AccountId>> _byTerritory;

    internal AssignmentResult(ImmutableArray<AccountAssignment> assignments)
    {
        Assignments = assignments;
        foreach (var a in assignments)
        {
            switch (a.Status)
            {
                case AssignmentStatus.Assigned: AssignedCount++; break;
                case AssignmentStatus.Named: NamedCount++; break;
                case AssignmentStatus.Unassigned: UnassignedCount++; break;
                case AssignmentStatus.Ambiguous: AmbiguousCount++; break;
                case AssignmentStatus.Snapped: SnappedCount++; break;
                default: InvalidLocationCount++; break;
            }
        }

        _byTerritory = assignments
            .Where(a => a.Territory is not null)
            .GroupBy(a => a.Territory!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.Select(a => a.Account).ToImmutableArray());
    }

    /// <summary>Every account's assignment, sorted by account id.</summary>
    public ImmutableArray<AccountAssignment> Assignments { get; }

    /// <summary>Accounts placed by geography.</summary>
    public int AssignedCount { get; }

    /// <summary>Accounts placed by a named-account override.</summary>
    public int NamedCount { get; }

    /// <summary>Accounts outside every territory.</summary>
    public int UnassignedCount { get; }

    /// <summary>Accounts outside every territory given the nearest, within <see cref="AssignmentOptions.SnapDistanceMetres"/>.</summary>
    public int SnappedCount { get; }

    /// <summary>Accounts claimed by several territories.</summary>
    public int AmbiguousCount { get; }

    /// <summary>Accounts whose location is not a WGS84 coordinate.</summary>
    public int InvalidLocationCount { get; }

    /// <summary>The assignment of <paramref name="account"/>, or null when it was not in the input.</summary>
    public AccountAssignment? Find(AccountId account)
    {
        int lo = 0, hi = Assignments.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var c = Assignments[mid].Account.CompareTo(account);
            if (c == 0)
            {
                while (mid > 0 && Assignments[mid - 1].Account == account)
                {
                    mid--;
                }

                return Assignments[mid];
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return null;
    }

    /// <summary>The accounts assigned (by geography or by name) to <paramref name="territory"/>, sorted by id.</summary>
    public ImmutableArray<AccountId> AccountsOf(TerritoryId territory) => _byTerritory.GetValueOrDefault(territory, []);
}

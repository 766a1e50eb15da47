using Territories.Model;

namespace PostGis;

/// <summary>
/// A plan write refused because the territory's plan changed since the writer read it (optimistic
/// concurrency on plans.version): the writer read <see cref="ExpectedVersion"/>, the database holds
/// <see cref="ActualVersion"/>. Nothing of the refused write was stored; re-read, re-plan or merge, and write again.
/// </summary>
/// <param name="Territory">The territory whose plan was being written.</param>
/// <param name="ExpectedVersion">The version the writer based its plan on (0: no plan yet).</param>
/// <param name="ActualVersion">The version stored now (0: no plan).</param>
internal sealed record PlanConflict(TerritoryId Territory, int ExpectedVersion, int ActualVersion)
{
    public override string ToString() =>
        $"The plan of territory {Territory.Value} is at version {ActualVersion}, not {ExpectedVersion} as read: another writer stored a plan first; nothing was written.";
}

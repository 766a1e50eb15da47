using System.Collections.Immutable;

namespace NationalPlan;

/// <summary>Turns a design into one <see cref="TerritoryJob"/> per territory.</summary>
internal static class NationalJobs
{
    public static ImmutableArray<TerritoryJob> Build(DesignOutcome design, int seed, long iterations) =>
    [
        .. design.Territories.Select(t => new TerritoryJob
        {
            TerritoryId = t.Territory,
            Seed = TerritoryPlanning.SeedOf(seed, t.Territory),
            Iterations = iterations,
            BaseLongitude = t.Base.Longitude,
            BaseLatitude = t.Base.Latitude,
            Accounts =
            [
                .. t.Accounts.Select(a => new AccountRow(a.Id.Value, a.Location.Longitude, a.Location.Latitude, a.Class ?? "C", (int)a.ServiceTime.TotalMinutes, NationalInstance.HoursKind(a), a.Name)),
            ],
        }),
    ];
}

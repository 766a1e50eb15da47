using Territories.Model;

namespace Territories.Workload;

/// <summary>
/// The estimate's parts in seconds: each account's whole share and its share of the travel between
/// visits, the visit-weighted mean travel time from the base, and the most visits one account needs
/// (the fewest days a plan can use).
/// </summary>
internal sealed record Estimate(int Visits, double Service, double Tour, double Stem, int Days, double[] Shares, double[] TourShares, double Radius, int MostVisits)
{
    public TerritoryWorkload Workload(int accounts, GeoPoint home, Capacity capacity) => new()
    {
        Accounts = accounts,
        Visits = Visits,
        Service = TimeSpan.FromSeconds(Service),
        Travel = TimeSpan.FromSeconds(Tour),
        Stem = TimeSpan.FromSeconds(Stem),
        Base = home,
        WorkingDays = capacity.Days,
        DaysUsed = Days,
        Available = TimeSpan.FromSeconds(capacity.Days * capacity.DaySeconds),
    };
}

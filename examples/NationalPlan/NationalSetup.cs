using Territories.Model;
using Territories.Travel;

namespace NationalPlan;

/// <summary>What every territory shares: the cycle, the travel model and the working day of a rep.</summary>
internal static class NationalSetup
{
    /// <summary>A 4-week cycle of Monday to Saturday (shops open six days, as in most beat-plan markets).</summary>
    public static readonly JourneyCycle Cycle = JourneyCycle.Create(4, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday]);

    /// <summary>Great-circle travel at 60 km/h with a circuity of 1.25, as the Quickstart's.</summary>
    public static readonly ITravelModel Travel = new GreatCircleTravelModel(60, 1.25);

    /// <summary>A territory representative working 08:00–17:00 with a 30-minute break, Monday to Saturday.</summary>
    public static SalesPosition Position(string id, GeoPoint home) => new(new PositionId(id))
    {
        Role = PositionRole.TerritoryRepresentative,
        Base = home,
        WorkingDays = Cycle.WorkingDays,
        DailyHours = TimeWindow.FromHours(8, 0, 17, 0),
        Break = TimeSpan.FromMinutes(30),
    };
}

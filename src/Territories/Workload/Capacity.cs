using Territories.Model;

namespace Territories.Workload;

/// <summary>A position's working days in a cycle and the seconds of each (daily hours less the break).</summary>
internal readonly record struct Capacity(int Days, double DaySeconds, int Weeks)
{
    public double Seconds => Days * DaySeconds;

    public static Capacity Of(SalesPosition position, JourneyCycle cycle)
    {
        var days = Enumerable.Range(0, cycle.DayCount).Count(d => position.WorksOn(cycle, d));
        var seconds = Math.Max(0, (position.DailyHours.Duration - position.Break).TotalSeconds);
        return new Capacity(days, seconds, cycle.Weeks);
    }
}

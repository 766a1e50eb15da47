using System.Collections.Immutable;
using System.Globalization;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Territories.IO.Pvrp;

/// <summary>
/// A periodic vehicle routing instance in the format of Cordeau, Gendreau &amp; Laporte (1997)
/// (instances p01–p32 and pr01–pr10), and its mapping onto a <see cref="JourneyPlanRequest"/>.
/// </summary>
/// <remarks>
/// <para>
/// Read by <see cref="CordeauReader"/>. <see cref="ToRequest"/> maps customers to accounts <c>1</c>…<c>n</c>
/// at planar coordinates with their allowed combination codes as explicit patterns
/// (<see cref="VisitPattern.FromCordeauCode"/>; the visit-frequency field of the file is not used, as
/// p11 customer 131 has 0 there); the m vehicles to m interchangeable positions at the depot, named
/// <c>v01</c>…; Q to the daily load cap; D to the working-day length. One coordinate unit is one metre
/// and takes one second (<see cref="Travel"/>), so that routes of any length fit a day and the cost in
/// metres is the published cost.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CordeauInstance
{
    internal CordeauInstance(string name, int vehicles, int customers, int days, double maxDuration, double capacity, ImmutableArray<CordeauCustomer> nodes)
    {
        (Name, Vehicles, Customers, Days, MaxDuration, Capacity, Nodes) = (name, vehicles, customers, days, maxDuration, capacity, nodes);
    }

    /// <summary>The travel model of the mapping: Euclidean, one metre and one second per coordinate unit.</summary>
    public static EuclideanTravelModel Travel { get; } = new(1, 1);

    /// <summary>The instance name (the file name without extension, or as given to <see cref="CordeauReader.Parse"/>).</summary>
    public string Name { get; }

    /// <summary>m: the vehicles available on each day.</summary>
    public int Vehicles { get; }

    /// <summary>n: the number of customers.</summary>
    public int Customers { get; }

    /// <summary>t: the days of the period.</summary>
    public int Days { get; }

    /// <summary>D: the longest route duration of a day (travel and service); 0 for no limit.</summary>
    public double MaxDuration { get; }

    /// <summary>Q: the load a vehicle may carry on one day.</summary>
    public double Capacity { get; }

    /// <summary>The depot (index 0) and the customers (index i is customer i).</summary>
    public ImmutableArray<CordeauCustomer> Nodes { get; }

    /// <summary>The journey plan request of this instance (see the remarks on the type).</summary>
    /// <returns>A request with <see cref="Vehicles"/> positions, a cycle of <see cref="Days"/> days and <see cref="Customers"/> accounts.</returns>
    public JourneyPlanRequest ToRequest()
    {
        var cycle = JourneyCycle.FromDayCount(Days);
        var depot = new GeoPoint(Nodes[0].X, Nodes[0].Y);
        var hours = MaxDuration > 0 ? new TimeWindow(TimeSpan.Zero, TimeSpan.FromSeconds(MaxDuration)) : TimeWindow.AllDay;
        var positions = Enumerable.Range(1, Vehicles).Select(v => new SalesPosition(new PositionId($"v{v:00}"))
        {
            Base = depot,
            WorkingDays = cycle.WorkingDays,
            DailyHours = hours,
            MaxLoadPerDay = Capacity,
        }).ToImmutableArray();
        var accounts = Nodes.Skip(1).Select(c => new Account(new AccountId(c.Id.ToString(CultureInfo.InvariantCulture)), new GeoPoint(c.X, c.Y))
        {
            ServiceTime = TimeSpan.FromSeconds(c.Service),
            Visit = new VisitRequirement
            {
                Patterns = [.. c.Codes.Select(code => VisitPattern.FromCordeauCode(code, Days)).Distinct()],
                Duration = TimeSpan.FromSeconds(c.Service),
                Load = c.Demand,
            },
        }).ToImmutableArray();
        return new JourneyPlanRequest(positions, cycle, accounts, Travel);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Customers} customers, {Vehicles} vehicles, {Days} days");
}

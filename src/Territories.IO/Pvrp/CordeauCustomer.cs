using System.Collections.Immutable;

namespace Territories.IO.Pvrp;

/// <summary>One node line of a Cordeau periodic routing file: the depot (node 0) or a customer.</summary>
/// <remarks>Immutable; read by <see cref="CordeauReader"/>. Coordinates are planar, in the file's unit.</remarks>
public sealed class CordeauCustomer
{
    internal CordeauCustomer(int id, double x, double y, double service, double demand, ImmutableArray<int> codes)
    {
        (Id, X, Y, Service, Demand, Codes) = (id, x, y, service, demand, codes);
    }

    /// <summary>The node number: 0 for the depot, 1 to n for the customers.</summary>
    public int Id { get; }

    /// <summary>The x coordinate.</summary>
    public double X { get; }

    /// <summary>The y coordinate.</summary>
    public double Y { get; }

    /// <summary>The service duration of one visit, in the file's time unit (one unit is one second once mapped).</summary>
    public double Service { get; }

    /// <summary>The demand of one visit, counted against the daily capacity.</summary>
    public double Demand { get; }

    /// <summary>The allowed visit combinations: t-bit numbers whose most significant bit is day 1 (see <see cref="Territories.Model.VisitPattern.FromCordeauCode"/>); empty for the depot.</summary>
    public ImmutableArray<int> Codes { get; }
}

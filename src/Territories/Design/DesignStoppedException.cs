using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// Thrown inside the designer when the time limit or the token stops it while the problem is being
/// prepared (the unit graph), before any plan exists; <see cref="TerritoryDesigner"/> turns it into a
/// <see cref="DesignFailure"/>. Never leaves the library.
/// </summary>
internal sealed class DesignStoppedException(StopReason reason) : Exception($"The designer stopped ({reason}) while preparing the problem.")
{
    public StopReason Reason { get; } = reason;
}

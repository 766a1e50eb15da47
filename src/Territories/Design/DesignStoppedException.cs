using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// Thrown inside the designer when the time limit or the token stops it before any plan exists (while
/// the unit graph is built or the first plan grown); <see cref="TerritoryDesigner"/> turns it into a
/// <see cref="DesignFailure"/>. Never leaves the library.
/// </summary>
internal sealed class DesignStoppedException(StopReason reason) : Exception($"The designer stopped ({reason}) before any plan existed.")
{
    public StopReason Reason { get; } = reason;
}

using System.Globalization;
using Territories.Model;

namespace Territories.Tests.Model;

/// <summary>
/// A sales model input that is valid by construction (drawn by <see cref="Arbitraries.ValidModels"/>):
/// every id unique, every reference resolved, hierarchies without loops, coordinates inside the
/// bounded region, durations positive, opening windows disjoint, frequencies that fit the cycle.
/// </summary>
/// <param name="Input">The model's parts, each collection in a random order.</param>
public sealed record ValidModel(SalesModelInput Input)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"ValidModel({Input.Cycle}; {Input.Accounts.Count} accounts [{string.Join(",", Input.Accounts.Select(a => a.Id))}]; "
        + $"{Input.Positions.Count} positions [{string.Join(",", Input.Positions.Select(p => $"{p.Id}{(p.IsVacant ? "*" : string.Empty)}<{p.Parent}"))}]; "
        + $"{Input.Territories.Count} territories [{string.Join(",", Input.Territories.Select(t => $"{t.Id}<{t.Parent}"))}]; "
        + $"{Input.MarketPositions.Count} market positions; {Input.ProductRoles.Count} product roles)");
}

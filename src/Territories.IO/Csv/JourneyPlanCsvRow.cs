using Territories.Model;

namespace Territories.IO.Csv;

/// <summary>A good visit row of a journey-plan CSV: its line, position, cycle day, sequence, account, stated times and activity.</summary>
internal sealed record JourneyPlanCsvRow(int Line, PositionId Position, int Day, int Sequence, Account Account, TimeSpan Arrival, TimeSpan Departure, string? Activity);

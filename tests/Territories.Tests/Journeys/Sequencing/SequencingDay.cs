using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Tests.Journeys.Sequencing;

/// <summary>A generated day to sequence on Monday: accounts around a base at the origin (planar metres).</summary>
public sealed record SequencingDay(ImmutableArray<Account> Accounts, SalesPosition Position)
{
    /// <inheritdoc />
    public override string ToString() => $"{Accounts.Length} accounts, break {Position.Break}: " + string.Join("; ", Accounts.Select(a => $"{a.Id} {a.Location} {a.ServiceTime} {a.OpeningHours}"));
}

using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>One thing a territory's mix is derived without, with the items it concerns.</summary>
/// <param name="Gap">What is missing.</param>
/// <param name="Territory">The territory.</param>
/// <param name="Count">How many items it concerns (accounts, products), 1 for the territory itself.</param>
/// <param name="Ids">The first (up to 10) ids concerned, sorted: accounts or products; empty for the territory itself.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record MixReadinessItem(MixGap Gap, TerritoryId Territory, int Count, ImmutableArray<string> Ids, string Message)
{
    /// <summary>A sentence for people.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);

    /// <inheritdoc />
    public override string ToString() => $"{Gap} [{Territory}] {Message}";
}

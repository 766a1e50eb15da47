using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>One problem found in a territory layer: what, which territories, where, how large.</summary>
/// <remarks>
/// A finding about shapes rather than an input error, so it carries a location and an area where
/// <see cref="ItemError{TCode}"/> carries a field and a value. Immutable; equality by value, the
/// territories compared in order.
/// </remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Territories">The territories involved, sorted (the pair for an overlap); empty for a gap.</param>
/// <param name="Location">A point on or inside the problem (a self-intersection, a point inside an overlap or gap); null when there is none.</param>
/// <param name="AreaKm2">The area concerned in km² (overlap, gap, sliver, part outside the region); 0 when not an area problem.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record TerritoryProblem(
    TerritoryProblemCode Code,
    ImmutableArray<TerritoryId> Territories,
    GeoPoint? Location,
    double AreaKm2,
    string Message)
{
    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Message ?? throw new ArgumentNullException(nameof(Message));

    /// <inheritdoc />
    public bool Equals(TerritoryProblem? other) =>
        other is not null
        && Code == other.Code
        && Territories.SequenceEqual(other.Territories)
        && Location == other.Location
        && AreaKm2.Equals(other.AreaKm2)
        && Message == other.Message;

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Code);
        foreach (var territory in Territories)
        {
            hash.Add(territory);
        }

        hash.Add(Location);
        hash.Add(AreaKm2);
        hash.Add(Message);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code} [{string.Join(", ", Territories)}] {Message}";
}

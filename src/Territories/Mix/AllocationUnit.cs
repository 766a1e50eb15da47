using Territories.Internal;

namespace Territories.Mix;

/// <summary>The whole unit in which capacity is allocated: a minute, an hour, a half-day, a visit slot of a given length.</summary>
/// <remarks>
/// A unit is a positive whole number of minutes, so allocations convert to minutes exactly.
/// <c>default(AllocationUnit)</c> is not valid; <see cref="MixAllocator"/> rejects it. Immutable; equality by value.
/// </remarks>
public readonly record struct AllocationUnit
{
    /// <summary>Creates a unit.</summary>
    /// <param name="name">A display name, e.g. <c>minute</c>.</param>
    /// <param name="length">The unit's length: a positive whole number of minutes.</param>
    /// <exception cref="ArgumentException">The name is empty, or the length is not a positive whole number of minutes.</exception>
    public AllocationUnit(string name, TimeSpan length)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
        Guard.Positive(length);
        Guard.That(length.Ticks % TimeSpan.TicksPerMinute == 0, "An allocation unit is a whole number of minutes.", nameof(length));
        Length = length;
    }

    /// <summary>A display name.</summary>
    public string Name { get; }

    /// <summary>The unit's length, a positive whole number of minutes.</summary>
    public TimeSpan Length { get; }

    /// <summary>The unit's length in whole minutes.</summary>
    public long Minutes => Length.Ticks / TimeSpan.TicksPerMinute;

    /// <summary>One minute.</summary>
    public static AllocationUnit Minute { get; } = new("minute", TimeSpan.FromMinutes(1));

    /// <summary>Fifteen minutes.</summary>
    public static AllocationUnit QuarterHour { get; } = new("quarter-hour", TimeSpan.FromMinutes(15));

    /// <summary>One hour.</summary>
    public static AllocationUnit Hour { get; } = new("hour", TimeSpan.FromHours(1));

    /// <summary>Half a working day of four hours.</summary>
    public static AllocationUnit HalfDay { get; } = new("half-day", TimeSpan.FromHours(4));

    /// <summary>A visit slot of <paramref name="length"/> (a whole number of minutes).</summary>
    public static AllocationUnit Visit(TimeSpan length) => new("visit", length);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Minutes} min)";
}

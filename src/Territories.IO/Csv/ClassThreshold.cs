namespace Territories.IO.Csv;

/// <summary>An account class given to every account whose potential is at least <see cref="MinimumPotential"/>.</summary>
/// <remarks>
/// Used in <see cref="AccountCsvOptions.ClassThresholds"/>: an account without a class of its own
/// gets the class of the highest threshold its potential reaches (for example A from 50,000, B from
/// 10,000, C from 0). Equality by value.
/// </remarks>
/// <param name="Class">The class given, e.g. <c>A</c>.</param>
/// <param name="MinimumPotential">The lowest potential that earns the class, in the data's unit.</param>
public readonly record struct ClassThreshold(string Class, decimal MinimumPotential)
{
    /// <summary>The class given, e.g. <c>A</c>; null only in <c>default(ClassThreshold)</c>, which the reader's options reject.</summary>
    public string Class { get; init; } = Class ?? throw new ArgumentNullException(nameof(Class));
}

namespace Territories.Workload;

/// <summary>How many positions the work needs, with the figures behind the answer.</summary>
/// <remarks>Immutable. Times are totals over one cycle for the whole sales force.</remarks>
public sealed record SizingResult
{
    /// <summary>The fewest positions whose estimated utilisation is at most <see cref="TargetUtilisation"/>.</summary>
    public int Positions { get; init; }

    /// <summary>The utilisation aimed at.</summary>
    public double TargetUtilisation { get; init; }

    /// <summary>Visits per cycle.</summary>
    public int Visits { get; init; }

    /// <summary>Time at the accounts.</summary>
    public TimeSpan Service { get; init; }

    /// <summary>Estimated travel between visits.</summary>
    public TimeSpan Travel { get; init; }

    /// <summary>Estimated stems from the bases with <see cref="Positions"/> positions.</summary>
    public TimeSpan Stem { get; init; }

    /// <summary>Service, travel and stem together.</summary>
    public TimeSpan Total => Service + Travel + Stem;

    /// <summary>Working time of one position in the cycle.</summary>
    public TimeSpan CapacityPerPosition { get; init; }

    /// <summary>Estimated mean utilisation with <see cref="Positions"/> positions.</summary>
    public double Utilisation { get; init; }

    /// <summary>Estimated mean utilisation with one position fewer; null when <see cref="Positions"/> is 1.</summary>
    public double? UtilisationWithOneFewer { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Positions} position(s) at {Utilisation:P0} (target {TargetUtilisation:P0}): {Total.TotalHours:N0} h of work per cycle " +
        $"(service {Service.TotalHours:N0} h, travel {Travel.TotalHours:N0} h, stems {Stem.TotalHours:N0} h), {CapacityPerPosition.TotalHours:0.#} h per position" +
        (UtilisationWithOneFewer is { } fewer ? $"; {Positions - 1} would run at {fewer:P0}" : string.Empty);
}

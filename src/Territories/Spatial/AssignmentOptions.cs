using Territories.Internal;

namespace Territories.Spatial;

/// <summary>How <see cref="TerritoryMap"/> assigns accounts and points.</summary>
/// <remarks>Mutable until passed to a method, which validates and copies it; the output never depends on the parallelism.</remarks>
public sealed class AssignmentOptions : IEngineOptions<AssignmentOptions>
{
    /// <summary>The most threads a lookup uses; 0 (the default) for one per processor.</summary>
    public int MaxDegreeOfParallelism { get; set; }

    /// <summary>Inputs smaller than this are looked up on the calling thread; 16,384 by default.</summary>
    public int ParallelThreshold { get; set; } = 16_384;

    /// <summary>Whether unassigned accounts get the nearest territory and its distance; true by default.</summary>
    public bool ComputeNearest { get; set; } = true;

    /// <summary>
    /// How far outside every territory an account may be and still get the nearest one
    /// (<see cref="AssignmentStatus.Snapped"/>), in metres of great-circle distance to its boundary; 0
    /// (the default) to snap nothing. A few hundred metres covers points just outside a simplified
    /// coastline or border; a larger value hides data errors.
    /// </summary>
    public double SnapDistanceMetres { get; set; }

    IReadOnlyList<string> IEngineOptions<AssignmentOptions>.Validate()
    {
        var failures = new List<string>();
        if (MaxDegreeOfParallelism < 0)
        {
            failures.Add($"{nameof(MaxDegreeOfParallelism)} must be zero (all cores) or more, not {MaxDegreeOfParallelism}.");
        }

        if (ParallelThreshold < 0)
        {
            failures.Add($"{nameof(ParallelThreshold)} must be zero or more, not {ParallelThreshold}.");
        }

        if (!double.IsFinite(SnapDistanceMetres) || SnapDistanceMetres < 0)
        {
            failures.Add($"{nameof(SnapDistanceMetres)} must be a finite distance of zero or more, not {SnapDistanceMetres}.");
        }

        return failures;
    }

    /// <summary>A copy with <see cref="MaxDegreeOfParallelism"/> 0 resolved to the processor count.</summary>
    AssignmentOptions IEngineOptions<AssignmentOptions>.Copy() =>
        new()
        {
            MaxDegreeOfParallelism = MaxDegreeOfParallelism == 0 ? Environment.ProcessorCount : MaxDegreeOfParallelism,
            ParallelThreshold = ParallelThreshold,
            ComputeNearest = ComputeNearest,
            SnapDistanceMetres = SnapDistanceMetres,
        };
}

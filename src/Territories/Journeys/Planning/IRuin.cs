namespace Territories.Journeys.Planning;

/// <summary>A ruin operator: removes whole customers (all their visits) from a solution.</summary>
internal interface IRuin
{
    /// <summary>Removes customers from <paramref name="solution"/> and appends them to <paramref name="removed"/>.</summary>
    void Apply(Solution solution, Random random, List<int> removed);
}

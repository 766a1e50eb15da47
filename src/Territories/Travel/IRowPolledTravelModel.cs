using Territories.Model;

namespace Territories.Travel;

/// <summary>A built-in travel model whose matrix build calls back once per row, so that the planner can stop it (time limit, cancellation) by throwing from the callback.</summary>
internal interface IRowPolledTravelModel
{
    /// <summary>As <see cref="ITravelModel.Matrix"/>, calling <paramref name="onRow"/> before each row.</summary>
    TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations, Action onRow);
}

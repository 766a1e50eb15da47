namespace Territories.Journeys;

/// <summary>Key figures of a journey plan, over the routes that have at least one visit.</summary>
/// <remarks>
/// Working time is per working route (position and day with visits). Utilisation is working time plus
/// breaks over the hours available on every working day of every planned position. Immutable.
/// </remarks>
/// <param name="TotalDistanceMetres">Travel distance of all routes.</param>
/// <param name="TotalTravelTime">Travel time of all routes.</param>
/// <param name="TotalServiceTime">Time on site of all visits.</param>
/// <param name="Routes">Number of routes with at least one visit.</param>
/// <param name="Visits">Number of planned visits.</param>
/// <param name="MinWorkingHours">Shortest working day, in hours (0 without routes).</param>
/// <param name="MaxWorkingHours">Longest working day, in hours.</param>
/// <param name="MeanWorkingHours">Mean working day, in hours.</param>
/// <param name="StdDevWorkingHours">Population standard deviation of the working days, in hours.</param>
/// <param name="Utilisation">Working time over available time, 0 to 1.</param>
/// <param name="VisitsPerDay">Mean visits per working route.</param>
public sealed record JourneyPlanKpis(
    double TotalDistanceMetres,
    TimeSpan TotalTravelTime,
    TimeSpan TotalServiceTime,
    int Routes,
    int Visits,
    double MinWorkingHours,
    double MaxWorkingHours,
    double MeanWorkingHours,
    double StdDevWorkingHours,
    double Utilisation,
    double VisitsPerDay);

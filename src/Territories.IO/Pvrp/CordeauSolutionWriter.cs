using System.Globalization;
using System.Text;
using Territories.Journeys;

namespace Territories.IO.Pvrp;

/// <summary>Writes a journey plan of a <see cref="CordeauInstance"/> as a Cordeau solution (<c>.res</c>) file.</summary>
/// <remarks>
/// The format of the published solutions: the total cost on the first line, then one line per route,
/// <c>day vehicle duration load 0 c₁ … cₖ 0</c>, days from 1 and vehicles numbered from 1 within each
/// day in the order of their position ids; the duration is travel plus service time in seconds. Lines
/// end with <c>\n</c>; numbers use the invariant culture. Stateless and thread-safe.
/// </remarks>
public static class CordeauSolutionWriter
{
    /// <summary>The plan as the text of a <c>.res</c> file.</summary>
    /// <param name="plan">A plan of a request made by <see cref="CordeauInstance.ToRequest"/>.</param>
    /// <returns>The file's text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static string Format(JourneyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder().Append(plan.Kpis.TotalDistanceMetres.ToString("0.00", inv)).Append('\n');
        foreach (var day in plan.Routes.GroupBy(r => r.Day).OrderBy(g => g.Key))
        {
            var k = 0;
            foreach (var route in day.OrderBy(r => r.Position))
            {
                k++;
                var duration = (route.TravelTime + route.ServiceTime).TotalSeconds;
                text.Append(inv, $"{day.Key + 1} {k} {duration:0.00} {route.Load:0} 0 {string.Join(" ", route.Visits.Select(v => v.Account.Value))} 0").Append('\n');
            }
        }

        return text.ToString();
    }
}

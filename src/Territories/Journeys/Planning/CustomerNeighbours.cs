using Territories.Internal;
using Territories.Travel;

namespace Territories.Journeys.Planning;

/// <summary>Per customer of a <see cref="JourneyProblem"/>, the other customers nearest first (at most <see cref="Count"/>); ties broken by index.</summary>
internal static class CustomerNeighbours
{
    /// <summary>The most neighbours kept per customer.</summary>
    public const int Count = 100;

    /// <summary>Per customer, the others nearest first (at most <see cref="Count"/>), from a stored table: every distance sorted.</summary>
    public static int[][] Sorted(JourneyProblem problem, PreparationPoller poll)
    {
        int N = problem.CustomerCount, L = problem.LocationCount;
        var neighbours = new int[N][];
        var keys = new double[N];
        var items = new int[N];
        for (var c = 0; c < N; c++)
        {
            poll.Tick();
            var lc = problem.Location(c);
            for (var o = 0; o < N; o++)
            {
                // Ties broken by index (the key's tiny offset keeps the sort deterministic and stable).
                keys[o] = o == c ? double.PositiveInfinity : problem.Dist[(lc * L) + problem.Location(o)] + (o * 1e-12);
                items[o] = o;
            }

            Array.Sort(keys, items);
            neighbours[c] = items.AsSpan(0, Math.Min(Count, N - 1)).ToArray();
        }

        return neighbours;
    }

    /// <summary>
    /// As <see cref="Sorted"/> for computed legs, in time linear per customer: the nearest by
    /// the legs' cheap rank key (with a margin for rounding) are selected, and only those get their
    /// distance computed and sorted.
    /// </summary>
    public static int[][] Ranked(JourneyProblem problem, TravelLegs legs, PreparationPoller poll)
    {
        int N = problem.CustomerCount, B = problem.BaseCount;
        var take = Math.Min(Count, N - 1);
        var candidates = Math.Min(Count + 16, N - 1);
        var neighbours = new int[N][];
        var keys = new double[N];
        var items = new int[N];
        var exact = new double[candidates];
        for (var c = 0; c < N; c++)
        {
            poll.Tick();
            var lc = B + c;
            var count = 0;
            for (var o = 0; o < N; o++)
            {
                if (o != c)
                {
                    keys[count] = legs.RankKey(lc, B + o);
                    items[count++] = o;
                }
            }

            Selection.Smallest(keys.AsSpan(0, count), items.AsSpan(0, count), candidates);
            var chosen = items.AsSpan(0, candidates).ToArray();
            for (var k = 0; k < candidates; k++)
            {
                exact[k] = legs.Metres(lc, B + chosen[k]) + (chosen[k] * 1e-12);
            }

            Array.Sort(exact, chosen);
            neighbours[c] = chosen.AsSpan(0, take).ToArray();
        }

        return neighbours;
    }
}

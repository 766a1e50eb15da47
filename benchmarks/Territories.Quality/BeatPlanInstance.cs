using System.Globalization;
using System.Numerics;
using System.Text;

namespace Territories.Quality;

/// <summary>
/// A realistic beat-plan instance in Cordeau's PVRP format (type 1; see ../shared/benchmarks/pvrp/FORMAT.md),
/// generated from a seed: reps sharing one base in one metropolitan area, accounts of classes A/B/C on
/// weekly/fortnightly/monthly frequencies over a 4-week cycle of 5 or 6 working days.
/// </summary>
/// <remarks>
/// <para>Units: coordinates are minutes of travel (Euclidean distance = travel time, as in Cordeau's
/// files), service times are whole minutes, D = 480 minutes (an 8-hour day including travel). The base
/// sits at (60, 60); every account lies within 45 minutes of it.</para>
/// <para>Accounts: 80 % around trading areas (more areas for more accounts, 4 to 30 minutes from the
/// base, Gaussian spread of 1.5 to 3.5 minutes, unequal weights), 20 % scattered over a disc of radius
/// 35 minutes. Class A (15 %) weekly for 10–15 minutes, B (30 %) fortnightly for 7–12, C (55 %) monthly
/// for 5–10. 10 % are closed on Mondays; with 6-day weeks, 30 % are closed on Saturdays.</para>
/// <para>Allowed combinations are the ones a rep needs: weekly = the same open weekday in all four weeks;
/// fortnightly = the same open weekday in weeks 1 and 3 or in weeks 2 and 4; monthly = any single open day.
/// Codes are t-bit masks with day 1 as the most significant bit.</para>
/// <para>Demand is one visit (q = 1); Q, the daily call cap per rep, is 1.5 times the mean visits per
/// route-day, so it rarely binds before D does. m, the reps per day, is the count whose estimated
/// workload (service plus an estimate of travel) comes closest to 85 % of m·D·t without passing 90 %.
/// The travel estimate is a nearest-neighbour tour over each day's visits under a random choice of
/// combinations, scaled by <see cref="TravelEstimateFactor"/> (calibrated against planned instances)
/// plus the stems of the extra routes.</para>
/// <para>Determinism: the same (accounts, days, seed) gives the same file, byte for byte.</para>
/// </remarks>
internal sealed class BeatPlanInstance
{
    public const double DayMinutes = 480;

    /// <summary>Planned travel relative to the random-combination nearest-neighbour estimate.</summary>
    public const double TravelEstimateFactor = 0.45;

    private const double BaseX = 60;
    private const double BaseY = 60;

    private readonly double[] _x;
    private readonly double[] _y;
    private readonly int[] _service;
    private readonly int[][] _codes;

    private BeatPlanInstance(int days, double[] x, double[] y, int[] service, int[][] codes)
    {
        Days = days;
        _x = x;
        _y = y;
        _service = service;
        _codes = codes;
        Visits = codes.Sum(c => BitOperations.PopCount((uint)c[0]));
        ServiceMinutes = codes.Select((c, i) => (double)service[i] * BitOperations.PopCount((uint)c[0])).Sum();
    }

    public int Accounts => _x.Length;

    public int Days { get; }

    public int Vehicles { get; private set; }

    public int Capacity { get; private set; }

    public int Visits { get; }

    public double ServiceMinutes { get; }

    public double EstimatedTravelMinutes { get; private set; }

    public double EstimatedUtilisation => (ServiceMinutes + EstimatedTravelMinutes) / (Vehicles * DayMinutes * Days);

    public static BeatPlanInstance Generate(int accounts, int days, int seed)
    {
        if (accounts < 1)
        {
            throw new UsageException("--accounts must be at least 1.");
        }

        if (days is not (20 or 24))
        {
            throw new UsageException("--days must be 20 (4 weeks of 5 days) or 24 (4 weeks of 6 days).");
        }

        var random = new Random(seed);
        var perWeek = days / 4;
        var areaCount = Math.Clamp((int)Math.Round(accounts / 100.0) + 4, 5, 16);
        var areas = new (double X, double Y, double Sigma, double Weight)[areaCount];
        for (var a = 0; a < areaCount; a++)
        {
            var r = 4 + (26 * Math.Sqrt(random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            areas[a] = (r * Math.Cos(angle), r * Math.Sin(angle), 1.5 + (2 * random.NextDouble()), 0.5 + random.NextDouble());
        }

        var totalWeight = areas.Sum(a => a.Weight);
        var x = new double[accounts];
        var y = new double[accounts];
        var service = new int[accounts];
        var codes = new int[accounts][];
        for (var i = 0; i < accounts; i++)
        {
            double dx, dy;
            do
            {
                if (random.NextDouble() < 0.8)
                {
                    var pick = random.NextDouble() * totalWeight;
                    var area = areas[^1];
                    foreach (var candidate in areas)
                    {
                        pick -= candidate.Weight;
                        if (pick < 0)
                        {
                            area = candidate;
                            break;
                        }
                    }

                    dx = area.X + (Gaussian(random) * area.Sigma);
                    dy = area.Y + (Gaussian(random) * area.Sigma);
                }
                else
                {
                    var r = 35 * Math.Sqrt(random.NextDouble());
                    var angle = 2 * Math.PI * random.NextDouble();
                    dx = r * Math.Cos(angle);
                    dy = r * Math.Sin(angle);
                }
            }
            while ((dx * dx) + (dy * dy) > 45 * 45);

            x[i] = Math.Round(BaseX + dx, 2);
            y[i] = Math.Round(BaseY + dy, 2);
            var u = random.NextDouble();
            var (weeks, minMinutes, maxMinutes) = u < 0.15 ? (1, 10, 15) : u < 0.45 ? (2, 7, 12) : (4, 5, 10);
            service[i] = random.Next(minMinutes, maxMinutes + 1);
            var closed = random.NextDouble();
            var open = Enumerable.Range(0, perWeek)
                .Where(k => !(closed < 0.1 && k == 0) && !(perWeek == 6 && closed >= 0.1 && closed < 0.4 && k == 5))
                .ToArray();
            codes[i] = Combinations(weeks, open, perWeek, days);
        }

        var instance = new BeatPlanInstance(days, x, y, service, codes);
        instance.Size(random);
        return instance;
    }

    /// <summary>The instance as a Cordeau type-1 file.</summary>
    public string ToCordeau()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"1 {Vehicles} {Accounts} {Days}\n");
        for (var d = 0; d < Days; d++)
        {
            text.Append(inv, $"{DayMinutes:0} {Capacity}\n");
        }

        text.Append(inv, $"0 {BaseX:0.00} {BaseY:0.00} 0 0 0 0\n");
        for (var i = 0; i < Accounts; i++)
        {
            var f = BitOperations.PopCount((uint)_codes[i][0]);
            text.Append(inv, $"{i + 1} {_x[i]:0.00} {_y[i]:0.00} {_service[i]} 1 {f} {_codes[i].Length} {string.Join(' ', _codes[i])}\n");
        }

        return text.ToString();
    }

    private static int[] Combinations(int everyWeeks, int[] openWeekdays, int perWeek, int days)
    {
        int Bit(int day) => 1 << (days - 1 - day);
        var codes = new List<int>();
        switch (everyWeeks)
        {
            case 1:
                codes.AddRange(openWeekdays.Select(k => Enumerable.Range(0, 4).Sum(w => Bit((w * perWeek) + k))));
                break;
            case 2:
                foreach (var k in openWeekdays)
                {
                    codes.Add(Bit(k) | Bit((2 * perWeek) + k));
                    codes.Add(Bit(perWeek + k) | Bit((3 * perWeek) + k));
                }

                break;
            default:
                codes.AddRange(Enumerable.Range(0, days).Where(d => openWeekdays.Contains(d % perWeek)).Select(Bit));
                break;
        }

        codes.Sort();
        return [.. codes];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Distance(double ax, double ay, double bx, double by) => Math.Sqrt(((ax - bx) * (ax - bx)) + ((ay - by) * (ay - by)));

    /// <summary>Chooses m and Q from the workload estimate.</summary>
    private void Size(Random random)
    {
        var byDay = Enumerable.Range(0, Days).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < Accounts; i++)
        {
            var code = _codes[i][random.Next(_codes[i].Length)];
            for (var d = 0; d < Days; d++)
            {
                if (((code >> (Days - 1 - d)) & 1) == 1)
                {
                    byDay[d].Add(i);
                }
            }
        }

        var tours = byDay.Sum(NearestNeighbourTour);
        var stem = 2 * Enumerable.Range(0, Accounts).Average(i => Distance(BaseX, BaseY, _x[i], _y[i]));
        double Work(int m) => ServiceMinutes + (TravelEstimateFactor * (tours + (Days * (m - 1) * stem)));
        double Use(int m) => Work(m) / (m * DayMinutes * Days);
        var best = 1;
        while (Use(best) > 0.9)
        {
            best++;
        }

        if (Math.Abs(Use(best + 1) - 0.85) < Math.Abs(Use(best) - 0.85))
        {
            best++;
        }

        Vehicles = best;
        EstimatedTravelMinutes = Work(best) - ServiceMinutes;
        Capacity = (int)Math.Ceiling(1.5 * Visits / (double)(best * Days));
    }

    private double NearestNeighbourTour(List<int> visits)
    {
        var left = new List<int>(visits);
        double cx = BaseX, cy = BaseY, length = 0;
        while (left.Count > 0)
        {
            var bestAt = 0;
            var bestDistance = double.MaxValue;
            for (var j = 0; j < left.Count; j++)
            {
                var distance = Distance(cx, cy, _x[left[j]], _y[left[j]]);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    bestAt = j;
                }
            }

            length += bestDistance;
            (cx, cy) = (_x[left[bestAt]], _y[left[bestAt]]);
            left.RemoveAt(bestAt);
        }

        return length + Distance(cx, cy, BaseX, BaseY);
    }
}

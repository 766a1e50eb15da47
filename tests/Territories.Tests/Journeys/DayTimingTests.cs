using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Journeys;

namespace Territories.Tests.Journeys;

/// <summary>The departure that makes a fixed sequence's day shortest, against trying every departure minute.</summary>
public class DayTimingTests
{
    /// <summary>One visit: travel to it, service, and its start windows (whole minutes, sorted, disjoint).</summary>
    internal sealed record Visit(int Leg, int Service, (int Start, int End)[] Windows)
    {
        public override string ToString() => $"(leg {Leg}, service {Service}, windows {string.Join(' ', Windows.Select(w => $"{w.Start}-{w.End}"))})";
    }

    private static Gen<Visit> VisitGen =>
        from leg in Gen.Choose(1, 60)
        from service in Gen.Choose(5, 45)
        from count in Gen.Choose(0, 2)
        from cuts in Gen.ArrayOf(Gen.Choose(420, 1140), count * 2)
        let sorted = cuts.Order().ToArray()
        select new Visit(leg, service, [.. Enumerable.Range(0, count).Select(k => (sorted[2 * k], sorted[(2 * k) + 1])).Where(w => w.Item1 <= w.Item2).DistinctBy(w => w.Item1)]);

    /// <summary>Law: on up to 6 visits with whole-minute times, the shortest day found equals the shortest over every departure minute of the day, and its departure is the earliest that gives it.</summary>
    [Property(MaxTest = 300)]
    public Property ShortestDay_WholeMinutes_SameAsEveryDepartureMinute() => Prop.ForAll(
        Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(VisitGen, n)).SelectMany(stops => Gen.Choose(0, 60).Select(back => (stops, back))).ToArbitrary(),
        c =>
        {
            var (stops, back) = c;
            const int earliest = 480, latest = 1080;
            var legs = stops.Select(s => (double)s.Leg * 60).Append(back * 60.0).ToArray();
            var service = stops.Select(s => s.Service * 60.0).ToArray();
            var starts = stops.SelectMany(s => s.Windows.Select(w => w.Start * 60.0)).ToArray();
            var ends = stops.SelectMany(s => s.Windows.Select(w => w.End * 60.0)).ToArray();
            var offsets = new int[stops.Length + 1];
            for (var i = 0; i < stops.Length; i++)
            {
                offsets[i + 1] = offsets[i] + stops[i].Windows.Length;
            }

            // Every departure minute, timed by hand: a stop with windows waits for the next one it can still meet.
            double? bestLength = null;
            var bestLeave = 0;
            for (var leave = earliest; leave <= latest; leave++)
            {
                double t = leave;
                var ok = true;
                foreach (var s in stops)
                {
                    t += s.Leg;
                    if (s.Windows.Length > 0)
                    {
                        var w = s.Windows.FirstOrDefault(w => t <= w.End);
                        if (w == default)
                        {
                            ok = false;
                            break;
                        }

                        t = Math.Max(t, w.Start);
                    }

                    t += s.Service;
                }

                t += back;
                if (ok && t <= latest && (bestLength is null || t - leave < bestLength))
                {
                    (bestLength, bestLeave) = (t - leave, leave);
                }
            }

            var (found, end) = DayTiming.ShortestDay(earliest * 60, latest * 60, legs, service, starts, ends, offsets);
            Assert.Equal(DayTiming.Return(found, legs, service, starts, ends, offsets), end);
            return bestLength is null
                ? (found == earliest * 60).Label("no departure is back in time: the earliest is returned")
                : (Math.Abs(found - (bestLeave * 60)) < 1e-6 && Math.Abs(end - found - (bestLength.Value * 60)) < 1e-6)
                    .Label($"found {found / 60} back {end / 60}; every minute: {bestLeave} for {bestLength}");
        });

    [Fact]
    public void ShortestDay_FirstAccountOpensLate_LeavesLaterInsteadOfWaiting()
    {
        // 10 minutes to an account that opens at 10:00, 15 minutes there, 10 back.
        double[] legs = [600, 600];
        double[] service = [900];
        double[] starts = [36000];
        double[] ends = [57600];
        int[] offsets = [0, 1];

        var (leave, back) = DayTiming.ShortestDay(28800, 61200, legs, service, starts, ends, offsets);

        Assert.Equal(35400, leave);
        Assert.Equal(37500, back);
        Assert.Equal(37500, DayTiming.Return(leave, legs, service, starts, ends, offsets));
        Assert.Equal(36000, DayTiming.StartOf(0, leave, legs, service, starts, ends, offsets));
    }

    [Fact]
    public void ShortestDay_MorningWindowForcesAWait_LaterDepartureUsesTheAfternoonWindow()
    {
        // Account A open 8:00-9:00 (latest start), account B from 14:00. Leaving at 8:00 waits four hours at B;
        // leaving so that A takes its afternoon window (13:00-16:00) makes the day short.
        double[] legs = [600, 600, 600];
        double[] service = [1800, 1800];
        double[] starts = [28800, 46800, 50400];
        double[] ends = [32400, 57600, 64800];
        int[] offsets = [0, 2, 3];

        var (leave, back) = DayTiming.ShortestDay(28800, 68400, legs, service, starts, ends, offsets);

        Assert.Equal(5400, back - leave);
        Assert.Equal(50400 - 600 - 1800 - 600, leave);
    }

    [Fact]
    public void ShortestDay_NoDepartureBackInTime_ReturnsTheEarliest()
    {
        double[] legs = [3600, 3600];
        double[] service = [3600];
        int[] offsets = [0, 0];

        Assert.Equal(28800, DayTiming.ShortestDay(28800, 30000, legs, service, [], [], offsets).Leave);
    }

    [Fact]
    public void Return_WindowMissed_NaN()
    {
        // The only window's latest start is 8:00; arriving at 9:00 misses it.
        Assert.True(double.IsNaN(DayTiming.Return(28800, [3600, 3600], [3600], [28000], [28800], [0, 1])));
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.IO.Csv;
using Territories.Model;

namespace Territories.IO.Tests.Csv;

public class OpeningHoursTextProperties
{
    /// <summary>Up to three sorted, non-overlapping windows on 15-minute marks.</summary>
    private static Gen<TimeWindow[]> DayWindows() =>
        Gen.Choose(0, 96).ArrayOf().Select(marks =>
        {
            var distinct = marks.Distinct().Order().Take(6).ToArray();
            return Enumerable.Range(0, distinct.Length / 2)
                .Select(i => new TimeWindow(TimeSpan.FromMinutes(distinct[2 * i] * 15), TimeSpan.FromMinutes(distinct[(2 * i) + 1] * 15)))
                .ToArray();
        });

    private static Gen<OpeningHours> Hours() =>
        DayWindows().ArrayOf(7).Select(days => OpeningHours.Create(
            days.Select((windows, d) => new KeyValuePair<DayOfWeek, IEnumerable<TimeWindow>>((DayOfWeek)d, windows))));

    [Property(MaxTest = 300)]
    public Property Format_ThenTryParse_GivesEqualHours() =>
        Prop.ForAll(Hours().ToArbitrary(), hours =>
        {
            var text = OpeningHoursText.Format(hours);
            return (OpeningHoursText.TryParse(text, out var again) && hours.Equals(again)).Label(text);
        });
}

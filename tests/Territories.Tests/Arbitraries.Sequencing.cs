using FsCheck;
using FsCheck.Fluent;
using Territories.Model;
using Territories.Tests.Journeys.Sequencing;

namespace Territories.Tests;

/// <summary>Generators for daily sequencing (src/Territories/Journeys/Sequencing).</summary>
public static partial class Arbitraries
{
    /// <summary>
    /// A day of 1 to 12 accounts on a 20 km square around the base (planar metres), with 0 to 30 minutes
    /// of service and, for some, one or two opening windows on Monday (some closed); see <see cref="SequencingDay"/>.
    /// </summary>
    public static Arbitrary<SequencingDay> SequencingDays() => Arb.From(
        from count in Gen.Choose(1, 12)
        from accounts in Gen.ArrayOf(SequencingAccount, count)
        from breakMinutes in Gen.Elements(0, 0, 30, 60)
        select new SequencingDay(
            [.. accounts.Select((a, i) => a with { Id = new AccountId($"acc-{i:D2}") })],
            new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(0, 0), Break = TimeSpan.FromMinutes(breakMinutes) }));

    private static Gen<Account> SequencingAccount =>
        from x in Gen.Choose(-10_000, 10_000)
        from y in Gen.Choose(-10_000, 10_000)
        from service in Gen.Choose(0, 30)
        from hours in SequencingHours
        select new Account(new AccountId("placeholder"), new GeoPoint(x, y)) { ServiceTime = TimeSpan.FromMinutes(service), OpeningHours = hours };

    private static Gen<OpeningHours> SequencingHours =>
        from kind in Gen.Choose(0, 4)
        from open1 in Gen.Choose(7 * 4, 15 * 4)
        from length1 in Gen.Choose(1, 16)
        from gap in Gen.Choose(1, 8)
        from length2 in Gen.Choose(1, 12)
        select kind switch
        {
            0 => OpeningHours.AlwaysOpen,
            1 => OpeningHours.Weekly([DayOfWeek.Tuesday], TimeWindow.FromHours(8, 0, 17, 0)),
            2 => OpeningHours.Weekly([DayOfWeek.Monday], QuarterHours(open1, open1 + length1)),
            _ => OpeningHours.Weekly([DayOfWeek.Monday], QuarterHours(open1, open1 + length1), QuarterHours(open1 + length1 + gap, Math.Min(96, open1 + length1 + gap + length2))),
        };

    private static TimeWindow QuarterHours(int from, int to) => new(TimeSpan.FromMinutes(15 * from), TimeSpan.FromMinutes(15 * Math.Min(to, 96)));
}

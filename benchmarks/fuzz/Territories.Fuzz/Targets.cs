using System.Collections.Immutable;
using System.Text;
using Territories.IO;
using Territories.IO.Csv;
using Territories.IO.Design;
using Territories.IO.GeoJson;
using Territories.IO.Pvrp;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Territories.Fuzz;

/// <summary>
/// One target per reader or parser that takes outside data. A target returns normally for every
/// input the reader handles as documented (a result, with or without errors); anything else it
/// lets escape (an exception, or a <see cref="BrokenContractException"/> when the result breaks the
/// reader's own contract) is what afl++ records as a crash.
/// </summary>
internal static class Targets
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static readonly AccountCsvReader Accounts = new(new AccountCsvOptions
    {
        ClassColumn = "class",
        ChannelColumn = "channel",
        PotentialColumn = "potential",
        FrequencyColumn = "frequency",
        ServiceMinutesColumn = "service_minutes",
        TerritoryColumn = "territory",
        StageColumn = "stage",
        OpeningHoursColumn = "opening_hours",
    });

    private static readonly TerritoryGeoJsonReader Territories = new();

    private static readonly DesignUnitReader Units = new(new DesignUnitReaderOptions { IdProperty = "id", Attributes = ["workload", "accounts"] });

    private static readonly JourneyPlanRequest PlanRequest = BuildPlanRequest();

    private static readonly JourneyCycle FourWeeks = JourneyCycle.Create(4);

    /// <summary>Every target's name, as <c>benchmarks/fuzz/run</c> uses it; seeds live in <c>benchmarks/fuzz/seeds/NAME</c>.</summary>
    /// <remarks>Kept in a class of its own so that listing the names runs none of the instrumented code.</remarks>
    public static IReadOnlyList<string> Names => TargetNames.All;

    /// <summary>Runs the target called <paramref name="name"/> on one input.</summary>
    public static void Run(string name, Stream input)
    {
        switch (name)
        {
            case "territory-geojson": TerritoryGeoJson(input); break;
            case "account-csv": AccountCsv(input); break;
            case "plan-csv": PlanCsv(input); break;
            case "units-geojson": UnitsGeoJson(input); break;
            case "units-csv": UnitsCsv(input); break;
            case "opening-hours": OpeningHoursTarget(input); break;
            case "visit-frequency": VisitFrequencyTarget(input); break;
            case "cordeau": Cordeau(input); break;
            default: throw new ArgumentException($"No target {name}.", nameof(name));
        }
    }

    private static void TerritoryGeoJson(Stream input) => Check(Territories.Read(input));

    private static void AccountCsv(Stream input) => Check(Accounts.Read(input));

    private static void PlanCsv(Stream input)
    {
        var result = JourneyPlanCsvReader.Read(input, PlanRequest);
        if (result.Plan.Routes.Any(r => r.Visits.IsDefault) || result.Errors.IsDefault)
        {
            throw new BrokenContractException("A plan read from CSV holds a default array.");
        }
    }

    private static void UnitsGeoJson(Stream input) => Check(Units.ParseGeoJson(Text(input)));

    private static void UnitsCsv(Stream input) => Check(Units.ParseCsv(Text(input)));

    private static void OpeningHoursTarget(Stream input)
    {
        var text = Text(input);
        if (!OpeningHoursText.TryParse(text, out var hours))
        {
            return;
        }

        // What the writer formats, the reader must read back (documented up to 4,096 characters).
        var formatted = OpeningHoursText.Format(hours);
        if (formatted.Length <= 4096 && !OpeningHoursText.TryParse(formatted, out _))
        {
            throw new BrokenContractException($"'{formatted}' (formatted from '{text}') does not parse back.");
        }
    }

    private static void VisitFrequencyTarget(Stream input)
    {
        var text = Text(input);
        if (!VisitFrequency.TryParse(text, out var frequency))
        {
            return;
        }

        if (frequency.Visits < 1 || frequency.PeriodWeeks < 0)
        {
            throw new BrokenContractException($"'{text}' parsed to {frequency}, which breaks the type's invariants.");
        }

        _ = frequency.ToString();
        _ = VisitRequirement.Of(frequency).AllowedPatterns(FourWeeks).Length;
    }

    private static void Cordeau(Stream input)
    {
        var result = CordeauReader.Parse(Text(input), "fuzz");
        Check(result);
        foreach (var instance in result.Items)
        {
            // What the reader accepts, the mapping onto the public API must take.
            _ = instance.ToRequest();
        }
    }

    private static string Text(Stream input)
    {
        using var reader = new StreamReader(input, Utf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }

    private static void Check<T>(ReadResult<T> result)
    {
        if (result.Items.Any(i => i is null))
        {
            throw new BrokenContractException("A read result holds a null item.");
        }
    }

    private static JourneyPlanRequest BuildPlanRequest()
    {
        var positions = ImmutableArray.Create(
            new SalesPosition(new PositionId("rep-1")) { Base = new GeoPoint(-83.00, 39.96), MaxVisitsPerDay = 8 },
            new SalesPosition(new PositionId("rep-2")) { Base = new GeoPoint(-82.90, 40.05), MaxVisitsPerDay = 8 });
        var accounts = ImmutableArray.CreateBuilder<Account>();
        for (var i = 1; i <= 6; i++)
        {
            accounts.Add(new Account(new AccountId($"a{i}"), new GeoPoint(-83.00 + (0.01 * i), 39.96 + (0.007 * (i % 4))))
            {
                ServiceTime = TimeSpan.FromMinutes(20 + i),
                Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)),
            });
        }

        return new JourneyPlanRequest(positions, JourneyCycle.Create(2), accounts.ToImmutable(), new GreatCircleTravelModel());
    }
}

/// <summary>The targets' names, free of static state that touches instrumented code.</summary>
internal static class TargetNames
{
    public static readonly string[] All = ["territory-geojson", "account-csv", "plan-csv", "units-geojson", "units-csv", "opening-hours", "visit-frequency", "cordeau"];
}

/// <summary>A reader returned a result that breaks its own documented contract.</summary>
internal sealed class BrokenContractException(string message) : Exception(message);

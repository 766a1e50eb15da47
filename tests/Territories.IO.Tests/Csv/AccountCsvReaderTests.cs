using System.Text;
using Territories.IO.Csv;
using Territories.Model;

namespace Territories.IO.Tests.Csv;

public class AccountCsvReaderTests
{
    private const string Header = "id,name,lat,lon\n";

    private static readonly AccountCsvReader Default = new();

    private static AccountCsvReader Full() => new(new AccountCsvOptions
    {
        ClassColumn = "class",
        ChannelColumn = "channel",
        PotentialColumn = "potential",
        FrequencyColumn = "frequency",
        ServiceMinutesColumn = "service",
        TerritoryColumn = "territory",
        StageColumn = "stage",
        OpeningHoursColumn = "hours",
    });

    [Fact]
    public void ReadFile_OhioPlacesWithDefaults_Reads864Accounts()
    {
        var result = Default.ReadFile(SampleData.Ohio("places.csv"));

        Assert.Empty(result.Errors);
        Assert.Equal(864, result.Items.Length);
        var columbus = result.Items[0];
        Assert.Equal(("4509177", "Columbus", new GeoPoint(-82.99879, 39.96118)), (columbus.Id.Value, columbus.Name, columbus.Location));
        Assert.Null(columbus.Territory);
        Assert.Equal(0m, columbus.Potential);
    }

    [Fact]
    public void Read_OhioPlacesMapped_PotentialTerritoryClassAndFrequency()
    {
        var options = new AccountCsvOptions { PotentialColumn = "population", TerritoryColumn = "county_id" };
        options.ClassThresholds.Add(new ClassThreshold("C", 0));
        options.ClassThresholds.Add(new ClassThreshold("A", 50_000));
        options.ClassThresholds.Add(new ClassThreshold("B", 10_000));
        options.ClassFrequencies["A"] = VisitFrequency.PerWeek(1);
        options.ClassFrequencies["B"] = VisitFrequency.EveryWeeks(2);
        using var stream = File.OpenRead(SampleData.Ohio("places.csv"));

        var result = new AccountCsvReader(options).Read(stream);

        Assert.Empty(result.Errors);
        Assert.Equal(8_358_393m, result.Items.Sum(a => a.Potential));
        var columbus = result.Items.Single(a => a.Name == "Columbus");
        Assert.Equal(("A", (TerritoryId?)"39049", 905_748m, VisitFrequency.PerWeek(1)), (columbus.Class, columbus.Territory, columbus.Potential, columbus.Visit?.Frequency));
        var small = result.Items[^1];
        Assert.Equal(("C", (VisitRequirement?)null), (small.Class, small.Visit));
        Assert.Equal(3, result.Items.Select(a => a.Class).Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_Stream_ReadsSameAccounts()
    {
        await using var stream = File.OpenRead(SampleData.Ohio("places.csv"));

        var result = await Default.ReadAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(864, result.Items.Length);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void Parse_AllOptionalColumns_FillEveryField()
    {
        var csv = "id,name,lat,lon,class,channel,potential,frequency,service,territory,stage,hours\n"
            + "a1,Shop,40.5,-82.5,A,pharmacy,1234.5,F2,20,T1,at-risk,\"Mon-Fri 08:00-12:00,13:00-17:00; Sat 08:00-12:00\"\n";

        var account = Assert.Single(Full().Parse(csv).Items);

        Assert.Equal("A", account.Class);
        Assert.Equal("pharmacy", account.Channel);
        Assert.Equal(1234.5m, account.Potential);
        Assert.Equal(VisitFrequency.EveryWeeks(2), account.Visit?.Frequency);
        Assert.Equal(TimeSpan.FromMinutes(20), account.ServiceTime);
        Assert.Equal((TerritoryId?)"T1", account.Territory);
        Assert.Equal(JourneyStage.AtRisk, account.Stage);
        Assert.Equal([TimeWindow.FromHours(8, 0, 12, 0), TimeWindow.FromHours(13, 0, 17, 0)], account.OpeningHours.On(DayOfWeek.Wednesday));
        Assert.Equal([TimeWindow.FromHours(8, 0, 12, 0)], account.OpeningHours.On(DayOfWeek.Saturday));
        Assert.Empty(account.OpeningHours.On(DayOfWeek.Sunday));
    }

    [Fact]
    public void Parse_EmptyOptionalValues_KeepAccountDefaults()
    {
        var options = new AccountCsvOptions { PotentialColumn = "potential", ServiceMinutesColumn = "service", DefaultServiceTime = TimeSpan.FromMinutes(30) };

        var account = Assert.Single(new AccountCsvReader(options).Parse("id,name,lat,lon,potential,service\na,,1,2,,\n").Items);

        Assert.Equal((null, 0m, TimeSpan.FromMinutes(30), true), (account.Name, account.Potential, account.ServiceTime, account.OpeningHours.IsAlwaysOpen));
    }

    [Fact]
    public void Parse_QuotesCommasNewlinesNonAscii_SurviveAndLinesStayRight()
    {
        var csv = Header
            + "1,\"Smith, Jones & Co\",1,1\n"
            + "2,\"The \"\"Best\"\" Shop\",1,1\n"
            + "3,\"Two\nlines\",1,1\n"
            + "4,Zürich Café 東京 🛒,1,1\n"
            + "5,,x,1\n";

        var result = Default.Parse(csv);

        Assert.Equal(["Smith, Jones & Co", "The \"Best\" Shop", "Two\nlines", "Zürich Café 東京 🛒"], result.Items.Select(a => a.Name!));
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidNumber, 7, "5", "lat", "x"), (error.Code, error.Line, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void Parse_ColumnsNoOptionMaps_KeptAsAttributesByHeaderName()
    {
        var csv = "id,name,lat,lon,segment,key_account,segment\n"
            + "1,Corner shop,40.1,-83.0,convenience,yes,ignored\n"
            + "2,Kiosk,40.2,-83.1,,no,\n";

        var result = Default.Parse(csv);

        Assert.Empty(result.Errors.Where(e => e.Code != ReadErrorCode.DuplicateColumn));
        Assert.Equal([("key_account", "yes"), ("segment", "convenience")], result.Items[0].Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.Value)));
        Assert.Equal([("key_account", "no")], result.Items[1].Attributes.Select(a => (a.Key, a.Value)));
    }

    [Fact]
    public void Read_InvalidUtf8_RowsReportedNotReadWithReplacementCharacters()
    {
        // Two ids saved in Latin-1 ("café", "cafè"): decoded with U+FFFD they would become the same id.
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Header), .. "caf"u8, 0xE9, .. ",Shop,40.1,-83\n"u8, .. "caf"u8, 0xE8, .. ",Shop,40.2,-83\n"u8, .. "ok,Bäckerei,40.3,-83\n"u8];
        using var stream = new MemoryStream(bytes);

        var result = Default.Read(stream);

        Assert.Equal(["ok"], result.Items.Select(a => a.Id.Value));
        Assert.Equal([(ReadErrorCode.InvalidEncoding, 2, "id"), (ReadErrorCode.InvalidEncoding, 3, "id")], result.Errors.Select(e => (e.Code, e.Line!.Value, e.Field!)));

        using var withBom = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. bytes]);
        var again = Default.Read(withBom);
        Assert.Equal(["ok"], again.Items.Select(a => a.Id.Value));
        Assert.Equal(2, again.Errors.Count(e => e.Code == ReadErrorCode.InvalidEncoding));
    }

    [Fact]
    public void Read_Utf8StreamWithBom_ReadsNonAsciiAndFirstColumn()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "ä1,Köln,50.9,6.9\n")).ToArray();
        using var stream = new MemoryStream(bytes);

        var account = Assert.Single(Default.Read(stream).Items);

        Assert.Equal(("ä1", "Köln"), (account.Id.Value, account.Name));
    }

    [Fact]
    public void Parse_RowsWithMissingOrExtraFields_ReportFieldCountMismatch()
    {
        var csv = Header + "1,a,1,1\n2,b,1\n3,c,1,1,extra\n4,d,1,1\n";

        var result = Default.Parse(csv);

        Assert.Equal(["1", "4"], result.Items.Select(a => a.Id.Value));
        Assert.Collection(
            result.Errors,
            e => Assert.Equal((ReadErrorCode.FieldCountMismatch, 3, "2", "3 of 4"), (e.Code, e.Line, e.Id, e.Value)),
            e => Assert.Equal((ReadErrorCode.FieldCountMismatch, 4, "3", "5 of 4"), (e.Code, e.Line, e.Id, e.Value)));
    }

    [Fact]
    public void Parse_HeaderWithoutRequiredColumn_ReportsEachAndReadsNothing()
    {
        var result = Default.Parse("id,title,latitude,lon\n1,a,1,1\n");

        Assert.Empty(result.Items);
        Assert.Equal(["name", "lat"], result.Errors.Select(e => e.Field!));
        Assert.All(result.Errors, e => Assert.Equal((ReadErrorCode.MissingColumn, 1), (e.Code, e.Line!.Value)));
    }

    [Fact]
    public void Parse_HeaderWithoutOptionalColumn_ReportsItAndReadsRows()
    {
        var result = new AccountCsvReader(new AccountCsvOptions { TerritoryColumn = "county_id" }).Parse(Header + "1,a,1,1\n");

        Assert.Single(result.Items);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.MissingColumn, "county_id"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("1,a,forty,1", "lat", "forty")]
    [InlineData("1,a,1,1.2.3", "lon", "1.2.3")]
    [InlineData("1,a,\"40,5\",1", "lat", "40,5")]
    public void Parse_TextInCoordinateColumn_ReportsInvalidNumber(string row, string field, string value)
    {
        var error = Assert.Single(Default.Parse(Header + row + "\n").Errors);

        Assert.Equal((ReadErrorCode.InvalidNumber, 2, "1", field, value), (error.Code, error.Line, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void Parse_TextInPotentialAndServiceColumns_ReportsEach()
    {
        var options = new AccountCsvOptions { PotentialColumn = "potential", ServiceMinutesColumn = "service" };

        var result = new AccountCsvReader(options).Parse("id,name,lat,lon,potential,service\nq,a,1,1,lots,ten\n");

        Assert.Empty(result.Items);
        Assert.Equal(
            [(ReadErrorCode.InvalidNumber, "potential", "lots"), (ReadErrorCode.InvalidNumber, "service", "ten")],
            result.Errors.Select(e => (e.Code, e.Field!, e.Value!)));
        Assert.All(result.Errors, e => Assert.Equal(("q", 2), (e.Id, e.Line!.Value)));
    }

    [Theory]
    [InlineData("91", "1", "lat")]
    [InlineData("-90.5", "1", "lat")]
    [InlineData("1", "180.01", "lon")]
    [InlineData("1", "-200", "lon")]
    [InlineData("NaN", "1", "lat")]
    [InlineData("1", "Infinity", "lon")]
    public void Parse_CoordinatesOutOfRange_ReportInvalidCoordinate(string lat, string lon, string field)
    {
        var result = Default.Parse($"{Header}ok,a,1,1\nbad,b,{lat},{lon}\n");

        Assert.Single(result.Items);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidCoordinate, 3, "bad", field), (error.Code, error.Line, error.Id, error.Field));
    }

    [Fact]
    public void Parse_EmptyRequiredValues_ReportMissingValue()
    {
        var result = Default.Parse(Header + ",a,1,1\nb,b,,1\n");

        Assert.Empty(result.Items);
        Assert.Collection(
            result.Errors,
            e => Assert.Equal((ReadErrorCode.MissingValue, 2, (string?)null, "id"), (e.Code, e.Line, e.Id, e.Field)),
            e => Assert.Equal((ReadErrorCode.MissingValue, 3, (string?)"b", "lat"), (e.Code, e.Line, e.Id, e.Field)));
    }

    [Fact]
    public void Parse_DuplicateIds_KeepFirstAndReportEveryRepeat()
    {
        var result = Default.Parse(Header + "a,first,1,1\nb,x,1,1\na,second,1,1\na,third,1,1\n");

        Assert.Equal(["first", "x"], result.Items.Select(a => a.Name!));
        Assert.All(result.Errors, e => Assert.Equal((ReadErrorCode.DuplicateId, "a", "id"), (e.Code, e.Id, e.Field)));
        Assert.Equal([4, 5], result.Errors.Select(e => e.Line!.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    public void Parse_EmptyFile_ReportsEmptyFile(string csv)
    {
        var result = Default.Parse(csv);

        Assert.Equal(ReadErrorCode.EmptyFile, Assert.Single(result.Errors).Code);
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData("id,name,lat,lon")]
    [InlineData("id,name,lat,lon\n")]
    [InlineData("id,name,lat,lon\n\n\n")]
    public void Parse_HeaderOnly_ReportsNoRows(string csv)
    {
        var error = Assert.Single(Default.Parse(csv).Errors);

        Assert.Equal(ReadErrorCode.NoRows, error.Code);
    }

    [Fact]
    public void Parse_BlankLines_AreSkippedAndLinesStayRight()
    {
        var result = Default.Parse(Header + "a,a,1,1\n\nb,b,x,1\n");

        Assert.Single(result.Items);
        Assert.Equal(4, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void Parse_BlankLinesBeforeHeader_HeaderLineIsReported()
    {
        var error = Assert.Single(Default.Parse("\n\nid,name,lat\n1,a,1\n").Errors);

        Assert.Equal((ReadErrorCode.MissingColumn, 3, "lon"), (error.Code, error.Line, error.Field));
    }

    [Fact]
    public void Parse_UnterminatedQuote_ReportsTheRowItStartsOnAndReadsTheNext()
    {
        var result = Default.Parse(Header + "1,a,1,1\n2,\"open,1,1\n3,c,1,1\n");

        Assert.Equal(["1", "3"], result.Items.Select(a => a.Id.Value));
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.UnterminatedQuote, 3, "2", "name", "\"open,1,1"), (error.Code, error.Line, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void Parse_UnterminatedQuoteInLastColumn_ReportedAndEveryFollowingRowRead()
    {
        var csv = new StringBuilder(Header).Append("1,a,1,1\n2,b,1,\"1.5\n");
        for (var i = 3; i <= 12; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},n{i},1,1\n");
        }

        var result = Default.Parse(csv.ToString());

        Assert.Equal(["1", .. Enumerable.Range(3, 10).Select(i => $"{i}")], result.Items.Select(a => a.Id.Value));
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.UnterminatedQuote, 3, "2", "lon", "\"1.5"), (error.Code, error.Line, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void Parse_UnterminatedQuoteMidFileBeforeQuotedValues_OnlyThatRowLost()
    {
        var csv = new StringBuilder(Header).Append("1,\"Bob's Bar,1,1\n");
        for (var i = 2; i <= 11; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},n{i},1,1\n");
        }

        csv.Append("12,\"Smith, Jones\",1,1\n13,\"Two\nlines\",1,1\n14,\"also open,1,1\n15,last,1,1\n");

        var result = Default.Parse(csv.ToString());

        Assert.Equal([.. Enumerable.Range(2, 10).Select(i => $"{i}"), "12", "13", "15"], result.Items.Select(a => a.Id.Value));
        Assert.Equal(["Smith, Jones", "Two\nlines"], result.Items.Where(a => a.Id.Value is "12" or "13").Select(a => a.Name!));
        Assert.Equal([(2, "1"), (16, "14")], result.Errors.Select(e => (e.Line!.Value, e.Id!)));
        Assert.All(result.Errors, e => Assert.Equal((ReadErrorCode.UnterminatedQuote, "name"), (e.Code, e.Field)));
        Assert.Equal("last", result.Items[^1].Name);
    }

    [Fact]
    public void Parse_QuotedValueSpanningLinesWithWrongFieldCount_ReportedAsUnterminatedAndNextLinesRead()
    {
        // The quote closes on the next line before a separator, but the record it makes has 3 fields of 4.
        var result = Default.Parse(Header + "1,\"open,1,1\n2,b\",1\n3,c,1,1\n");

        Assert.Equal([(2, ReadErrorCode.UnterminatedQuote), (3, ReadErrorCode.FieldCountMismatch)], result.Errors.Select(e => (e.Line!.Value, e.Code)));
        Assert.Equal("3", Assert.Single(result.Items).Id.Value);
    }

    [Fact]
    public void Parse_OpeningHoursCellLongerThanLimit_ReportedAsInvalidValue()
    {
        var text = string.Join("; ", Enumerable.Repeat("Mon 08:00-09:00", 20_000));
        var csv = "id,name,lat,lon,hours\n1,a,1,1,\"" + text + "\"\n2,b,1,1,Mon 08:00-12:00\n";

        var result = new AccountCsvReader(new AccountCsvOptions { OpeningHoursColumn = "hours" }).Parse(csv);

        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidValue, 2, "1", "hours"), (error.Code, error.Line, error.Id, error.Field));
        Assert.Contains($"{text.Length} characters", error.Message, StringComparison.Ordinal);
        Assert.Equal("2", Assert.Single(result.Items).Id.Value);
    }

    [Fact]
    public void Parse_DuplicateHeaderColumn_ReportsIt()
    {
        var result = Default.Parse("id,name,lat,lon,name\n1,a,1,1,b\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.DuplicateColumn, "name"), (error.Code, error.Field));
        Assert.Equal("a", Assert.Single(result.Items).Name);
    }

    [Theory]
    [InlineData("sometimes", "frequency")]
    [InlineData("sleepy", "stage")]
    [InlineData("3", "stage")]
    [InlineData("Mon 8-12", "hours")]
    [InlineData("Funday 08:00-12:00", "hours")]
    public void Parse_UnreadableValue_ReportsInvalidValueNamingColumn(string value, string column)
    {
        var columns = new[] { "frequency", "stage", "hours" };
        var csv = "id,name,lat,lon," + string.Join(",", columns) + "\nv,a,1,1," + string.Join(",", columns.Select(c => c == column ? $"\"{value}\"" : string.Empty)) + "\n";

        var result = Full().Parse(csv.Replace("frequency", "frequency", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors, e => e.Code != ReadErrorCode.MissingColumn);
        Assert.Equal((ReadErrorCode.InvalidValue, 2, "v", column, value), (error.Code, error.Line, error.Id, error.Field, error.Value));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Parse_SemicolonSeparator_ReadsDecimalPointNumbers()
    {
        var reader = new AccountCsvReader(new AccountCsvOptions { Separator = ';' });

        var account = Assert.Single(reader.Parse("id;name;lat;lon\n1;Müller, K.;48.1;11.5\n").Items);

        Assert.Equal(("Müller, K.", new GeoPoint(11.5, 48.1)), (account.Name, account.Location));
    }

    [Fact]
    public void Parse_ExplicitClassBeatsThreshold_FrequencyColumnBeatsClassFrequency()
    {
        var options = new AccountCsvOptions { ClassColumn = "class", PotentialColumn = "p", FrequencyColumn = "f" };
        options.ClassThresholds.Add(new ClassThreshold("A", 100));
        options.ClassFrequencies["A"] = VisitFrequency.PerWeek(1);
        options.ClassFrequencies["B"] = VisitFrequency.EveryWeeks(2);

        var result = new AccountCsvReader(options).Parse("id,name,lat,lon,class,p,f\n1,a,1,1,B,500,\n2,b,1,1,,500,C1\n3,c,1,1,,5,\n");

        Assert.Equal(
            [("B", VisitFrequency.EveryWeeks(2)), ("A", VisitFrequency.EveryWeeks(4)), (null, (VisitFrequency?)null)],
            result.Items.Select(a => (a.Class, a.Visit?.Frequency)));
    }

    [Fact]
    public void Constructor_BadOptions_ListsEveryFailure()
    {
        var options = new AccountCsvOptions { IdColumn = "", Separator = '"', TerritoryColumn = "name", DefaultServiceTime = TimeSpan.Zero };
        options.ClassFrequencies["A"] = default;

        var ex = Assert.Throws<ArgumentException>(() => new AccountCsvReader(options));

        Assert.Equal("options", ex.ParamName);
        foreach (var word in new[] { "IdColumn", "Separator", "'name'", "DefaultServiceTime", "ClassFrequencies[A]" })
        {
            Assert.Contains(word, ex.Message, StringComparison.Ordinal);
        }
    }
}

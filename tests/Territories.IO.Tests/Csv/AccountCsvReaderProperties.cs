using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.IO.Csv;

namespace Territories.IO.Tests.Csv;

/// <summary>The laws of the CSV reader: quoted text survives, and every row is either an account or an error on its line.</summary>
public class AccountCsvReaderProperties
{
    private static readonly string[] Pieces = ["a", "Z", " ", ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", "é", "ß", "東京", "🛒", "'", "\t", "0"];

    private static Gen<string> Names() =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts));

    private static Gen<(string Name, double Lat, double Lon)[]> Rows() =>
        (from name in Names()
         from lat in Gen.Choose(-90_000_000, 90_000_000)
         from lon in Gen.Choose(-180_000_000, 180_000_000)
         select (name, lat / 1e6, lon / 1e6)).ArrayOf();

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Property(MaxTest = 200)]
    public Property Read_Rfc4180QuotedNames_SurviveExactly() =>
        Prop.ForAll(Rows().ToArbitrary(), rows =>
        {
            var csv = new StringBuilder("id,name,lat,lon\n");
            for (var i = 0; i < rows.Length; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"id{i},{Quote(rows[i].Name)},{rows[i].Lat:R},{rows[i].Lon:R}\n");
            }

            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
            var result = new AccountCsvReader().Read(stream);

            var expected = rows.Select((r, i) => ($"id{i}", string.IsNullOrWhiteSpace(r.Name) ? null : r.Name, r.Lon, r.Lat));
            var actual = result.Items.Select(a => (a.Id.Value, a.Name, a.Location.Longitude, a.Location.Latitude));
            var rowErrorsOk = rows.Length == 0
                ? result.Errors.Single().Code == ReadErrorCode.NoRows
                : result.Errors.IsEmpty;
            return rowErrorsOk && expected.SequenceEqual(actual);
        });

    private enum Defect
    {
        None,
        TextLatitude,
        LatitudeOutOfRange,
        MissingField,
        ExtraField,
        EmptyId,
        RepeatedId,
        UnterminatedQuote,
    }

    [Property(MaxTest = 200)]
    public Property Read_AnyMixOfRows_EveryRowIsAnAccountOrAnErrorOnItsLine() =>
        Prop.ForAll(Gen.Elements(Enum.GetValues<Defect>()).ArrayOf().ToArbitrary(), defects =>
        {
            var csv = new StringBuilder("id,name,lat,lon\n");
            var expectedIds = new List<string>();
            var expectedErrorLines = new List<int>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < defects.Length; i++)
            {
                var line = i + 2;
                var id = defects[i] == Defect.RepeatedId && i > 0 ? "r0" : $"r{i}";
                csv.Append(defects[i] switch
                {
                    Defect.TextLatitude => $"{id},n,north,1\n",
                    Defect.LatitudeOutOfRange => $"{id},n,90.5,1\n",
                    Defect.MissingField => $"{id},n,1\n",
                    Defect.ExtraField => $"{id},n,1,1,1\n",
                    Defect.EmptyId => ",n,1,1\n",
                    Defect.UnterminatedQuote => $"{id},\"n,1,1\n",
                    _ => $"{id},n,1,1\n",
                });
                // The first row with an id keeps it; rows too short, too long or without an id claim none.
                var claims = defects[i] is not (Defect.MissingField or Defect.ExtraField or Defect.EmptyId or Defect.UnterminatedQuote);
                var repeat = claims && !seen.Add(id);
                var good = defects[i] is Defect.None or Defect.RepeatedId && !repeat;
                if (good)
                {
                    expectedIds.Add(id);
                }
                else
                {
                    expectedErrorLines.Add(line);
                }
            }

            var result = new AccountCsvReader().Parse(csv.ToString());

            var errorLines = result.Errors.Where(e => e.Code != ReadErrorCode.NoRows).Select(e => e.Line!.Value).Distinct().ToList();
            return (expectedIds.SequenceEqual(result.Items.Select(a => a.Id.Value))
                    && expectedErrorLines.SequenceEqual(errorLines)
                    && result.Items.Length + errorLines.Count == defects.Length)
                .Label($"items [{string.Join(",", result.Items.Select(a => a.Id))}] errors [{string.Join("; ", result.Errors)}]");
        });
}

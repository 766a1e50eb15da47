using System.Globalization;
using Territories.Model;

namespace Territories.Quality;

/// <summary>
/// The accounts file of <c>align</c>: <c>id,lat,lon,visits_per_cycle,service_minutes</c> in any order
/// (header names ignore case), optional <c>class</c> and <c>name</c>, other columns ignored. Quoted
/// fields may hold separators and doubled quotes. Every bad row is reported by line, id, field and value.
/// </summary>
internal static class AlignAccountsFile
{
    private static readonly string[] Required = ["id", "lat", "lon", "visits_per_cycle", "service_minutes"];

    public static (List<Account> Accounts, List<string> Errors) Read(string path, JourneyCycle cycle)
    {
        var accounts = new List<Account>();
        var errors = new List<string>();
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine();
        if (header is null)
        {
            errors.Add($"{path}: the file is empty; expected a header with {string.Join(",", Required)}.");
            return (accounts, errors);
        }

        var names = Split(header, 1, errors) ?? [];
        var column = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            if (!column.TryAdd(names[i].Trim(), i))
            {
                errors.Add($"line 1: column '{names[i].Trim()}' appears twice.");
            }
        }

        foreach (var name in Required.Where(n => !column.ContainsKey(n)))
        {
            errors.Add($"line 1: the required column '{name}' is missing.");
        }

        if (errors.Count > 0)
        {
            return (accounts, errors);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line, number, errors);
            if (fields is null)
            {
                continue;
            }

            if (fields.Count != names.Count)
            {
                errors.Add($"line {number}: {fields.Count} field(s), the header has {names.Count}.");
                continue;
            }

            var id = fields[column["id"]].Trim();
            var where = $"line {number}, id '{id}'";
            if (id.Length == 0)
            {
                errors.Add($"line {number}, field id: the id is empty.");
                continue;
            }

            if (!ids.Add(id))
            {
                errors.Add($"{where}, field id: the id appears on an earlier line.");
                continue;
            }

            var ok = Number(fields, column["lat"], "lat", -90, 90, where, errors, out var lat)
                & Number(fields, column["lon"], "lon", -180, 180, where, errors, out var lon)
                & Number(fields, column["visits_per_cycle"], "visits_per_cycle", 1, cycle.DayCount, where, errors, out var visits)
                & Number(fields, column["service_minutes"], "service_minutes", 0.1, 24 * 60, where, errors, out var minutes);
            if (ok && visits != Math.Floor(visits))
            {
                errors.Add($"{where}, field visits_per_cycle, value '{fields[column["visits_per_cycle"]]}': must be a whole number.");
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            var duration = TimeSpan.FromMinutes(minutes);
            accounts.Add(new Account(new AccountId(id), new GeoPoint(lon, lat))
            {
                Name = column.TryGetValue("name", out var n) ? fields[n].Trim() : null,
                Class = column.TryGetValue("class", out var c) ? fields[c].Trim() : null,
                ServiceTime = duration,
                Visit = new VisitRequirement { Frequency = Frequency((int)visits, cycle), Duration = duration, Activity = "order-taking" },
            });
        }

        return (accounts, errors);
    }

    /// <summary>
    /// Visits per cycle as a frequency whose visits fall on distinct days and, when there are no more
    /// visits than weeks, in distinct evenly spaced weeks (4 in 4 weeks: weekly; 2: weeks 1+3 or 2+4).
    /// </summary>
    public static VisitFrequency Frequency(int visits, JourneyCycle cycle) => VisitFrequency.Every(visits, cycle.Weeks);

    private static bool Number(List<string> fields, int index, string name, double min, double max, string where, List<string> errors, out double value)
    {
        var text = fields[index].Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            errors.Add($"{where}, field {name}, value '{text}': not a number.");
            return false;
        }

        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}, field {name}, value '{text}': must be between {min} and {max}."));
            return false;
        }

        return true;
    }

    private static List<string>? Split(string line, int number, List<string> errors)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        if (quoted)
        {
            errors.Add($"line {number}: a quoted field is not closed on its line.");
            return null;
        }

        fields.Add(field.ToString());
        return fields;
    }
}

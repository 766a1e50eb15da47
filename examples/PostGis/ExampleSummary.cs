using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostGis;

/// <summary>The example's result, printed as its last line: one JSON object.</summary>
/// <param name="Territories">Territories stored (the counties and the state).</param>
/// <param name="Accounts">Accounts stored.</param>
/// <param name="Visits">Visits of the stored plan.</param>
/// <param name="SqlAgrees">Accounts whose library assignment PostGIS's ST_Covers confirms.</param>
/// <param name="Of">Accounts checked.</param>
/// <param name="ReadBackEqual">Whether the territories, accounts and plan read back equal what was written (the plan also by fingerprint).</param>
internal sealed record ExampleSummary(
    [property: JsonPropertyName("territories")] int Territories,
    [property: JsonPropertyName("accounts")] int Accounts,
    [property: JsonPropertyName("visits")] int Visits,
    [property: JsonPropertyName("sql_agrees")] int SqlAgrees,
    [property: JsonPropertyName("of")] int Of,
    [property: JsonPropertyName("read_back_equal")] bool ReadBackEqual)
{
    public string ToJson() => JsonSerializer.Serialize(this);
}

using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys;

/// <summary>Stable identities of journey plan requests and plans: the same inputs give the same text in every process, culture and input order.</summary>
/// <remarks>
/// <para>
/// A fingerprint is <c>sha256:</c> followed by 64 lower-case hex digits: the SHA-256 of a canonical text.
/// For a request, that text lists every public value of the request and the options (the seed
/// included, the clock excluded), read by reflection so that a field added later is covered too:
/// numbers in the invariant culture with round-trip precision, texts quoted, boundaries as WKT, and
/// the accounts, positions and territories in order of their canonical text, since the planner does
/// not depend on their order. Inner lists (patterns, opening windows) keep their order. For a plan, the
/// text lists every route in position and day order with its visits in sequence (account, times in
/// ticks, leg distance, activity), then the unplanned accounts with their reasons.
/// </para>
/// <para>
/// With an iteration limit the planner is deterministic, so equal request fingerprints give equal plan
/// fingerprints in any process; under a time limit alone the plan depends on the machine. Any change to
/// an input value changes the request fingerprint (up to SHA-256 collisions). Stateless and thread-safe;
/// linear in the size of the input.
/// </para>
/// </remarks>
public static class Fingerprint
{
    private const int MaxDepth = 12;

    /// <summary>The fingerprint of a request planned with the given options.</summary>
    /// <param name="request">The request.</param>
    /// <param name="options">The planner's options (the seed and limits included, the clock excluded); the defaults when null.</param>
    /// <returns><c>sha256:</c> and 64 hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static string Of(JourneyPlanRequest request, JourneyPlannerOptions? options = null)
    {
        Guard.NotNull(request);
        var text = new StringBuilder("request;");
        text.Append("cycle=");
        Write(text, request.Cycle, 0);
        text.Append(";travel=");
        Write(text, request.TravelModel, 0);
        Unordered(text, "positions", request.Positions);
        Unordered(text, "accounts", request.Accounts);
        Unordered(text, "territories", request.Territories);
        text.Append(";options=");
        Write(text, options ?? new JourneyPlannerOptions(), 0);
        return Hash(text);
    }

    /// <summary>The fingerprint of a plan: its routes, visits, times and unplanned accounts.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns><c>sha256:</c> and 64 hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static string Of(JourneyPlan plan)
    {
        Guard.NotNull(plan);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder("plan;");
        foreach (var route in plan.Routes.OrderBy(r => r.Position).ThenBy(r => r.Day))
        {
            text.Append(inv, $"route {Quote(route.Position.Value)} {route.Day} {route.Start.Ticks} {route.End.Ticks}:");
            foreach (var v in route.Visits)
            {
                text.Append(inv, $" {Quote(v.Account.Value)}@{v.Arrival.Ticks}/{v.Start.Ticks}/{v.Departure.Ticks}/{v.LegDistanceMetres.ToString("R", inv)}/{Quote(v.Activity ?? string.Empty)}");
            }

            text.Append('\n');
        }

        foreach (var u in plan.Unplanned.OrderBy(u => u.Account))
        {
            text.Append(inv, $"unplanned {Quote(u.Account.Value)} {u.Reason} {u.Visits}\n");
        }

        return Hash(text);
    }

    private static void Unordered<T>(StringBuilder text, string name, IEnumerable<T> items)
    {
        var parts = items.Select(item =>
        {
            var part = new StringBuilder();
            Write(part, item, 0);
            return part.ToString();
        }).Order(StringComparer.Ordinal);
        text.Append(';').Append(name).Append("=[");
        text.AppendJoin(',', parts);
        text.Append(']');
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append(Quote(s));
                return;
            case double d:
                text.Append(d.ToString("R", inv));
                return;
            case float f:
                text.Append(f.ToString("R", inv));
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case Enum e:
                text.Append(e.ToString());
                return;
            case TimeSpan t:
                text.Append(t.Ticks.ToString(inv)).Append('t');
                return;
            case DateTime dt:
                text.Append(dt.Ticks.ToString(inv)).Append("dt");
                return;
            case TerritoryBoundary boundary:
                text.Append(Quote(boundary.ToWkt()));
                return;
            case TimeProvider:
                text.Append("clock");
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal:
                text.Append(formattable.ToString(null, inv));
                return;
        }

        if (depth > MaxDepth)
        {
            text.Append('…');
            return;
        }

        if (value is IEnumerable items)
        {
            text.Append('[');
            var first = true;
            foreach (var item in items)
            {
                if (!first)
                {
                    text.Append(',');
                }

                first = false;
                Write(text, item, depth + 1);
            }

            text.Append(']');
            return;
        }

        var type = value.GetType();
        text.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract")
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append('=');
            Write(text, property.GetValue(value), depth + 1);
            text.Append(';');
        }

        text.Append('}');
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Hash(StringBuilder text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
}

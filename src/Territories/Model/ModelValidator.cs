using System.Collections.Immutable;
using System.Globalization;
using NetTopologySuite.Operation.Valid;
using Territories.Internal;

namespace Territories.Model;

/// <summary>Checks a whole sales model at once and returns every problem, not the first.</summary>
/// <remarks>
/// <para>
/// The one set of model rules: <see cref="SalesModel.Create"/> and the journey planner, its evaluator
/// and the plan readers (through <c>JourneyPlanRequest.Validate</c>) all apply them, and every error
/// carries a <see cref="ModelErrorCode"/> to branch on, never its message. A service time or visit
/// duration may be zero (a drop, or a benchmark customer whose time on site is not counted) but not
/// negative nor longer than one day (<see cref="ModelErrorCode.DurationOutOfRange"/>).
/// </para>
/// <para>
/// Stateless and thread-safe. Runs in O(n log n) in the number of items plus the cost of the
/// geometry validity check of each boundary. The order of the returned errors is stable: by kind,
/// then the first id, then field, then code, whatever the order of the input collections.
/// </para>
/// </remarks>
public static class ModelValidator
{
    /// <summary>The longest service time or visit duration an account may have: a visit happens within one day.</summary>
    internal static readonly TimeSpan MaxVisitDuration = TimeSpan.FromDays(1);

    private enum CoordinateRule
    {
        /// <summary>A real place: WGS84 longitude and latitude.</summary>
        Wgs84,

        /// <summary>Any finite pair, for planar coordinates.</summary>
        Finite,
    }

    /// <summary>Validates <paramref name="input"/>.</summary>
    /// <returns>Every problem found; empty when the model is sound.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/>, one of its collections, or an item in one is null.</exception>
    public static ImmutableArray<ModelError> Validate(SalesModelInput input)
    {
        Guard.NotNull(input);
        CheckNoNulls(input.Accounts, nameof(input.Accounts));
        CheckNoNulls(input.Positions, nameof(input.Positions));
        CheckNoNulls(input.Territories, nameof(input.Territories));
        CheckNoNulls(input.ActivityTypes, nameof(input.ActivityTypes));
        CheckNoNulls(input.MarketPositions, nameof(input.MarketPositions));
        CheckNoNulls(input.ProductRoles, nameof(input.ProductRoles));
        CheckNoNulls(input.Levels, nameof(input.Levels));
        Guard.NotNull(input.Cycle, nameof(input.Cycle));

        var errors = new List<ModelError>();
        var activities = Unique(input.ActivityTypes, a => a.Id, ItemKind.Activity, errors);
        var positions = Unique(input.Positions, p => p.Id.Value, ItemKind.Position, errors);
        var territories = Unique(input.Territories, t => t.Id.Value, ItemKind.Territory, errors);
        var accounts = Unique(input.Accounts, a => a.Id.Value, ItemKind.Account, errors);
        var levels = new HashSet<string>(input.Levels, StringComparer.Ordinal);

        foreach (var activity in input.ActivityTypes)
        {
            if (activity.DefaultDuration <= TimeSpan.Zero)
            {
                errors.Add(Error(ModelErrorCode.NonPositiveDuration, ItemKind.Activity, activity.Id, "DefaultDuration", activity.DefaultDuration, "The default duration must be positive."));
            }
        }

        foreach (var account in input.Accounts)
        {
            ValidateAccount(account, input.Cycle, activities, positions, territories, errors);
        }

        foreach (var position in input.Positions)
        {
            ValidatePosition(position, input.Cycle, positions, errors);
        }

        CheckHierarchy(input.Positions, p => p.Id.Value, p => p.Parent?.Value, ItemKind.Position, errors);

        foreach (var territory in input.Territories)
        {
            ValidateTerritory(territory, levels, positions, accounts, errors);
        }

        CheckHierarchy(input.Territories, t => t.Id.Value, t => t.Parent?.Value, ItemKind.Territory, errors);
        CheckVacantTerritories(input, positions, errors);

        var products = Unique(input.ProductRoles, p => p.ProductId, ItemKind.ProductRole, errors);
        foreach (var role in input.ProductRoles)
        {
            foreach (var (activity, weight) in role.ActivityEmphasis)
            {
                CheckActivityWeight(ItemKind.ProductRole, role.ProductId, "ActivityEmphasis", activity, weight, activities, errors);
            }
        }

        Unique(input.MarketPositions, m => m.Territory.Value, ItemKind.MarketPosition, errors);
        foreach (var market in input.MarketPositions)
        {
            var id = market.Territory.Value;
            if (!territories.ContainsKey(id))
            {
                errors.Add(Error(ModelErrorCode.UnknownReference, ItemKind.MarketPosition, id, "Territory", id, $"Territory '{id}' does not exist."));
            }

            if (market.Potential < 0)
            {
                errors.Add(Error(ModelErrorCode.NegativeValue, ItemKind.MarketPosition, id, "Potential", market.Potential, "Potential must not be negative."));
            }

            if (market.Sales < 0)
            {
                errors.Add(Error(ModelErrorCode.NegativeValue, ItemKind.MarketPosition, id, "Sales", market.Sales, "Sales must not be negative."));
            }

            foreach (var (product, weight) in market.ProductWeights)
            {
                if (!products.ContainsKey(product))
                {
                    errors.Add(Error(ModelErrorCode.UnknownReference, ItemKind.MarketPosition, id, $"ProductWeights[{product}]", product, $"Product '{product}' has no product role."));
                }

                if (!double.IsFinite(weight) || weight < 0)
                {
                    errors.Add(Error(ModelErrorCode.NegativeValue, ItemKind.MarketPosition, id, $"ProductWeights[{product}]", weight, "A product weight must be a finite number, zero or more."));
                }
            }
        }

        var seenLevels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var level in input.Levels)
        {
            if (!seenLevels.Add(level))
            {
                errors.Add(Error(ModelErrorCode.DuplicateId, ItemKind.Level, level, "Levels", level, $"Level '{level}' is listed twice."));
            }
        }

        return Sorted(errors);
    }

    /// <summary>
    /// Validates what a journey plan request holds with the rules above, limited to what planning reads:
    /// unique account, position and territory ids, and the values of every account
    /// (<see cref="CheckAccountValues"/>) and position (<see cref="CheckPositionValues"/>). Coordinates must
    /// be WGS84 when <paramref name="geographic"/> (a great-circle travel model), else only finite, since
    /// a planar travel model plans benchmark coordinates; references that planning
    /// resolves itself (a fixed position that is not planned, a territory not in the request, a frequency
    /// that fits no pattern) make accounts unplanned rather than invalid.
    /// </summary>
    /// <exception cref="ArgumentNullException">An item of a collection is null.</exception>
    internal static ImmutableArray<ModelError> ValidateForPlanning(
        IReadOnlyList<Account> accounts, IReadOnlyList<SalesPosition> positions, IReadOnlyList<Territory> territories, JourneyCycle cycle, bool geographic = false)
    {
        CheckNoNulls(accounts, nameof(accounts));
        CheckNoNulls(positions, nameof(positions));
        CheckNoNulls(territories, nameof(territories));
        Guard.NotNull(cycle);
        var errors = new List<ModelError>();
        Unique(accounts, a => a.Id.Value, ItemKind.Account, errors);
        Unique(positions, p => p.Id.Value, ItemKind.Position, errors);
        Unique(territories, t => t.Id.Value, ItemKind.Territory, errors);
        var rule = geographic ? CoordinateRule.Wgs84 : CoordinateRule.Finite;
        foreach (var account in accounts)
        {
            CheckAccountValues(account, rule, errors);
        }

        foreach (var position in positions)
        {
            CheckPositionValues(position, cycle, rule, errors);
        }

        return Sorted(errors);
    }

    private static ImmutableArray<ModelError> Sorted(List<ModelError> errors) =>
        [.. errors
            .OrderBy(e => e.Kind)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Field, StringComparer.Ordinal)
            .ThenBy(e => e.Code)
            .ThenBy(e => e.Message, StringComparer.Ordinal)];

    private static void ValidateAccount(
        Account account,
        JourneyCycle cycle,
        Dictionary<string, ActivityType> activities,
        Dictionary<string, SalesPosition> positions,
        Dictionary<string, Territory> territories,
        List<ModelError> errors)
    {
        const ItemKind kind = ItemKind.Account;
        var id = account.Id.Value;
        CheckAccountValues(account, CoordinateRule.Wgs84, errors);
        if (account.Potential < 0)
        {
            errors.Add(Error(ModelErrorCode.NegativeValue, kind, id, "Potential", account.Potential, "Potential must not be negative."));
        }

        foreach (var (activity, hours) in account.ActivityNeeds)
        {
            CheckActivityWeight(kind, id, "ActivityNeeds", activity, hours, activities, errors);
        }

        if (account.Territory is { } territory && !territories.ContainsKey(territory.Value))
        {
            errors.Add(Error(ModelErrorCode.UnknownReference, kind, id, "Territory", territory, $"Territory '{territory}' does not exist."));
        }

        if (account.Visit is { } visit)
        {
            ValidateVisit(id, visit, cycle, activities, positions, errors);
        }
    }

    /// <summary>The rules on an account's own values that planning relies on: location, service time, opening hours, visit duration and load.</summary>
    private static void CheckAccountValues(Account account, CoordinateRule coordinates, List<ModelError> errors)
    {
        const ItemKind kind = ItemKind.Account;
        var id = account.Id.Value;
        CheckCoordinate(kind, id, "Location", account.Location, coordinates, errors);
        CheckVisitDuration(id, "ServiceTime", account.ServiceTime, errors);
        foreach (var (day, window, problem) in account.OpeningHours.Validate())
        {
            var code = window.IsValid ? ModelErrorCode.OverlappingTimeWindows : ModelErrorCode.InvertedTimeWindow;
            errors.Add(Error(code, kind, id, $"OpeningHours.{day}", window, $"The window {window} on {day} {problem}."));
        }

        if (account.Visit is not { } visit)
        {
            return;
        }

        if (visit.Duration is { } duration)
        {
            CheckVisitDuration(id, "Visit.Duration", duration, errors);
        }

        if (!double.IsFinite(visit.Load) || visit.Load < 0)
        {
            errors.Add(Error(ModelErrorCode.NegativeValue, kind, id, "Visit.Load", visit.Load, "The load per visit must be a finite number, zero or more."));
        }
    }

    private static void CheckVisitDuration(string id, string field, TimeSpan duration, List<ModelError> errors)
    {
        if (duration < TimeSpan.Zero || duration > MaxVisitDuration)
        {
            var what = field == "ServiceTime" ? "service time" : "visit duration";
            errors.Add(Error(ModelErrorCode.DurationOutOfRange, ItemKind.Account, id, field, duration, $"The {what} of account '{id}' is {duration}; it must be zero or more and at most one day ({MaxVisitDuration})."));
        }
    }

    private static void CheckCoordinate(ItemKind kind, string id, string field, GeoPoint point, CoordinateRule rule, List<ModelError> errors)
    {
        if (rule == CoordinateRule.Wgs84 && !point.IsValid)
        {
            errors.Add(Error(ModelErrorCode.InvalidCoordinate, kind, id, field, point, "Longitude must be -180 to 180 and latitude -90 to 90, both finite."));
        }
        else if (rule == CoordinateRule.Finite && !point.IsFinite)
        {
            errors.Add(Error(ModelErrorCode.InvalidCoordinate, kind, id, field, point, "Both coordinates must be finite numbers."));
        }
    }

    private static void ValidateVisit(
        string id,
        VisitRequirement visit,
        JourneyCycle cycle,
        Dictionary<string, ActivityType> activities,
        Dictionary<string, SalesPosition> positions,
        List<ModelError> errors)
    {
        const ItemKind kind = ItemKind.Account;
        if (visit.Activity is { } activity && !activities.ContainsKey(activity))
        {
            errors.Add(Error(ModelErrorCode.UnknownReference, kind, id, "Visit.Activity", activity, $"Activity '{activity}' is not one of the model's activity types."));
        }

        if (visit.FixedPosition is { } fixedPosition)
        {
            if (!positions.TryGetValue(fixedPosition.Value, out var position))
            {
                errors.Add(Error(ModelErrorCode.UnknownReference, kind, id, "Visit.FixedPosition", fixedPosition, $"Position '{fixedPosition}' does not exist."));
            }
            else if (position.IsVacant)
            {
                errors.Add(new ModelError(ModelErrorCode.VacantPositionAssigned, [new ItemRef(kind, id), ItemRef.Of(fixedPosition)], "Visit.FixedPosition", fixedPosition.Value, $"Position '{fixedPosition}' is vacant but is asked to visit the account."));
            }
        }

        if (visit.Patterns.IsEmpty && visit.Frequency is null)
        {
            errors.Add(Error(ModelErrorCode.MissingValue, kind, id, "Visit.Frequency", null, "A visit requirement needs a frequency or explicit patterns."));
            return;
        }

        var outside = visit.Patterns.SelectMany(p => p.Days).Where(d => d >= cycle.DayCount).Distinct().Order().ToList();
        if (outside.Count > 0)
        {
            errors.Add(Error(ModelErrorCode.FrequencyDoesNotFitCycle, kind, id, "Visit.Patterns", string.Join(",", outside), $"Pattern days {string.Join(", ", outside)} lie outside the cycle's {cycle.DayCount} days."));
        }
        else if (visit.AllowedPatterns(cycle).IsEmpty)
        {
            var what = visit.Patterns.IsEmpty ? $"frequency {visit.Frequency}" : "pattern list";
            errors.Add(Error(ModelErrorCode.FrequencyDoesNotFitCycle, kind, id, visit.Patterns.IsEmpty ? "Visit.Frequency" : "Visit.Patterns", visit.Frequency, $"The {what} allows no day pattern in a cycle of {cycle}{(visit.FixedWeekday is { } w ? $" on {w}" : string.Empty)}."));
        }
    }

    private static void ValidatePosition(SalesPosition position, JourneyCycle cycle, Dictionary<string, SalesPosition> positions, List<ModelError> errors)
    {
        CheckPositionValues(position, cycle, CoordinateRule.Wgs84, errors);
        if (position.Parent is { } parent && !positions.ContainsKey(parent.Value))
        {
            errors.Add(Error(ModelErrorCode.UnknownReference, ItemKind.Position, position.Id.Value, "Parent", parent, $"Position '{parent}' does not exist."));
        }
    }

    /// <summary>The rules on a position's own values that planning relies on: base, working days and hours, break, days off, daily caps.</summary>
    private static void CheckPositionValues(SalesPosition position, JourneyCycle cycle, CoordinateRule coordinates, List<ModelError> errors)
    {
        const ItemKind kind = ItemKind.Position;
        var id = position.Id.Value;
        if (position.Base is { } home)
        {
            CheckCoordinate(kind, id, "Base", home, coordinates, errors);
        }

        if (!position.DailyHours.IsValid)
        {
            errors.Add(Error(ModelErrorCode.InvalidWorkingTime, kind, id, "DailyHours", position.DailyHours, "Daily hours must start before they end, within one day."));
        }
        else if (position.Break < TimeSpan.Zero || position.Break >= position.DailyHours.Duration)
        {
            errors.Add(Error(ModelErrorCode.InvalidWorkingTime, kind, id, "Break", position.Break, "The break must be zero or more and shorter than the working day."));
        }

        if (!position.IsVacant && position.WorkingDays.IsEmpty)
        {
            errors.Add(Error(ModelErrorCode.InvalidWorkingTime, kind, id, "WorkingDays", null, "A position that is not vacant needs at least one working day."));
        }

        var badDays = position.DaysOff.Where(d => d < 0 || d >= cycle.DayCount).ToList();
        if (badDays.Count > 0)
        {
            errors.Add(Error(ModelErrorCode.InvalidWorkingTime, kind, id, "DaysOff", string.Join(",", badDays), $"Days off must be cycle days 0 to {cycle.DayCount - 1}."));
        }

        if (position.MaxVisitsPerDay is <= 0)
        {
            errors.Add(Error(ModelErrorCode.NegativeValue, kind, id, "MaxVisitsPerDay", position.MaxVisitsPerDay, "The daily visit cap must be positive."));
        }

        if (position.MaxLoadPerDay is { } load && (!double.IsFinite(load) || load <= 0))
        {
            errors.Add(Error(ModelErrorCode.NegativeValue, kind, id, "MaxLoadPerDay", load, "The daily load cap must be a positive finite number."));
        }
    }

    private static void ValidateTerritory(
        Territory territory,
        HashSet<string> levels,
        Dictionary<string, SalesPosition> positions,
        Dictionary<string, Account> accounts,
        List<ModelError> errors)
    {
        const ItemKind kind = ItemKind.Territory;
        var id = territory.Id.Value;
        if (!levels.Contains(territory.Level))
        {
            errors.Add(Error(ModelErrorCode.UnknownLevel, kind, id, "Level", territory.Level, $"Level '{territory.Level}' is not one of {string.Join(", ", levels.Order(StringComparer.Ordinal))}."));
        }

        foreach (var position in territory.Positions)
        {
            if (!positions.ContainsKey(position.Value))
            {
                errors.Add(Error(ModelErrorCode.UnknownReference, kind, id, "Positions", position, $"Position '{position}' does not exist."));
            }
        }

        foreach (var account in territory.NamedAccounts)
        {
            if (!accounts.ContainsKey(account.Value))
            {
                errors.Add(Error(ModelErrorCode.UnknownReference, kind, id, "NamedAccounts", account, $"Account '{account}' does not exist."));
            }
        }

        if (territory.Boundary is { } boundary)
        {
            ValidateBoundary(id, boundary, errors);
        }
    }

    private static void ValidateBoundary(string id, TerritoryBoundary boundary, List<ModelError> errors)
    {
        const ItemKind kind = ItemKind.Territory;
        var geometry = boundary.Geometry;
        if (geometry.IsEmpty)
        {
            errors.Add(Error(ModelErrorCode.InvalidBoundary, kind, id, "Boundary", "EMPTY", "The boundary is empty."));
            return;
        }

        var bad = geometry.Coordinates.FirstOrDefault(c => !new GeoPoint(c.X, c.Y).IsValid);
        if (bad is not null)
        {
            errors.Add(Error(ModelErrorCode.InvalidCoordinate, kind, id, "Boundary", new GeoPoint(bad.X, bad.Y), "A boundary vertex is not a WGS84 longitude/latitude."));
            return;
        }

        var op = new IsValidOp(geometry);
        if (!op.IsValid)
        {
            var e = op.ValidationError;
            var where = e.Coordinate is { } c ? new GeoPoint(c.X, c.Y).ToString() : null;
            errors.Add(Error(ModelErrorCode.InvalidBoundary, kind, id, "Boundary", where, $"The boundary is not a valid polygon: {e.Message}{(where is null ? string.Empty : $" at {where}")}."));
        }
    }

    private static void CheckVacantTerritories(SalesModelInput input, Dictionary<string, SalesPosition> positions, List<ModelError> errors)
    {
        var visitedTerritories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in input.Accounts)
        {
            if (account.Visit is not null && account.Territory is { } t)
            {
                visitedTerritories.Add(t.Value);
            }
        }

        foreach (var territory in input.Territories)
        {
            if (territory.Positions.IsEmpty || (!visitedTerritories.Contains(territory.Id.Value) && territory.NamedAccounts.IsEmpty))
            {
                continue;
            }

            var known = territory.Positions.Where(p => positions.ContainsKey(p.Value)).ToList();
            if (known.Count > 0 && known.All(p => positions[p.Value].IsVacant))
            {
                errors.Add(new ModelError(ModelErrorCode.VacantPositionAssigned, [ItemRef.Of(territory.Id), .. known.Select(ItemRef.Of)], "Positions", null, $"Every position covering territory '{territory.Id}' is vacant, but it has accounts to visit."));
            }
        }
    }

    private static void CheckHierarchy<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, string?> parent, ItemKind kind, List<ModelError> errors)
    {
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            parents.TryAdd(id(item), parent(item));
        }

        if (kind == ItemKind.Territory)
        {
            foreach (var (child, p) in parents)
            {
                if (p is not null && !parents.ContainsKey(p))
                {
                    errors.Add(Error(ModelErrorCode.UnknownReference, kind, child, "Parent", p, $"Territory '{p}' does not exist."));
                }
            }
        }

        // Colour walk: 0 unvisited, 1 on the current path, 2 done. Each loop is reported once, by its smallest id.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in parents.Keys.Order(StringComparer.Ordinal))
        {
            var path = new List<string>();
            var current = start;
            while (current is not null && parents.ContainsKey(current) && state.GetValueOrDefault(current) == 0)
            {
                state[current] = 1;
                path.Add(current);
                current = parents[current];
            }

            if (current is not null && state.GetValueOrDefault(current) == 1)
            {
                var loop = path.Skip(path.IndexOf(current)).ToList();
                var first = loop.Min(StringComparer.Ordinal)!;
                var rotated = loop.Skip(loop.IndexOf(first)).Concat(loop.Take(loop.IndexOf(first))).ToImmutableArray();
                errors.Add(new ModelError(ModelErrorCode.HierarchyCycle, [.. rotated.Select(r => new ItemRef(kind, r))], "Parent", string.Join(" -> ", rotated.Append(first)), $"The {Word(kind)} hierarchy loops: {string.Join(" -> ", rotated.Append(first))}."));
            }

            foreach (var p in path)
            {
                state[p] = 2;
            }
        }
    }

    private static void CheckActivityWeight(ItemKind kind, string id, string field, string activity, double value, Dictionary<string, ActivityType> activities, List<ModelError> errors)
    {
        if (!activities.ContainsKey(activity))
        {
            errors.Add(Error(ModelErrorCode.UnknownReference, kind, id, $"{field}[{activity}]", activity, $"Activity '{activity}' is not one of the model's activity types."));
        }

        if (!double.IsFinite(value) || value < 0)
        {
            errors.Add(Error(ModelErrorCode.NegativeValue, kind, id, $"{field}[{activity}]", value, "The value must be a finite number, zero or more."));
        }
    }

    private static Dictionary<string, T> Unique<T>(IReadOnlyList<T> items, Func<T, string> id, ItemKind kind, List<ModelError> errors)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (string.IsNullOrEmpty(key))
            {
                errors.Add(Error(ModelErrorCode.MissingValue, kind, string.Empty, "Id", null, $"{Article(Word(kind))} {Word(kind)} has no id."));
            }
            else if (!byId.TryAdd(key, item) && reported.Add(key))
            {
                errors.Add(Error(ModelErrorCode.DuplicateId, kind, key, "Id", key, $"{items.Count(i => id(i) == key)} items of kind {Word(kind)} share the id '{key}'."));
            }
        }

        return byId;
    }

    private static void CheckNoNulls<T>(IReadOnlyList<T> items, string name)
    {
        Guard.NotNull(items, name);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentNullException(name, $"Item {i} of {name} is null.");
            }
        }
    }

    /// <summary>The kind of item as a word in a message, e.g. "market position".</summary>
    private static string Word(ItemKind kind) => kind switch
    {
        ItemKind.MarketPosition => "market position",
        ItemKind.ProductRole => "product role",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>"An" before a word that starts with a vowel, else "A".</summary>
    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "An" : "A";

    private static ModelError Error(ModelErrorCode code, ItemKind kind, string id, string field, object? value, string message) =>
        new(code, [new ItemRef(kind, id)], field, value switch
        {
            null => null,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        }, message);
}

using System.Collections;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using NetTopologySuite.Geometries;
using Territories.Internal;
using Territories.Model;
using Territories.Spatial;
using Territories.Travel;

namespace Territories.Tests.PublicApi;

/// <summary>
/// Builds a valid, non-null value of a parameter type for the reflection-driven null test: known
/// types from a table, collections with one valid element, delegates returning valid values, and
/// other types through a static instance property, a constructor or a static factory whose
/// parameters it can build in turn. Returns false when it cannot build the type.
/// </summary>
internal static class ArgumentFactory
{
    private const int MaxDepth = 4;

    private static readonly Assembly Core = typeof(SalesModel).Assembly;

    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly Dictionary<Type, Func<object>> Known = new()
    {
        // A well-known activity id is also a valid id, name or key of any other kind, so one string serves everywhere.
        [typeof(string)] = () => ActivityType.OrderTaking.Id,
        [typeof(object)] = () => new object(),
        [typeof(int)] = () => 1,
        [typeof(long)] = () => 1L,
        [typeof(double)] = () => 1.0,
        [typeof(float)] = () => 1f,
        [typeof(decimal)] = () => 1m,
        [typeof(bool)] = () => false,
        [typeof(TimeSpan)] = () => TimeSpan.FromHours(1),
        [typeof(DateTime)] = () => new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc),
        [typeof(DateTimeOffset)] = () => new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
        [typeof(DateOnly)] = () => new DateOnly(2026, 1, 5),
        [typeof(CancellationToken)] = () => CancellationToken.None,
        [typeof(TimeProvider)] = () => TimeProvider.System,
        [typeof(Random)] = () => new Random(1),
        [typeof(AccountId)] = () => new AccountId("a1"),
        [typeof(PositionId)] = () => new PositionId("p1"),
        [typeof(TerritoryId)] = () => new TerritoryId("t1"),
        [typeof(GeoPoint)] = () => new GeoPoint(1, 50),
        [typeof(TimeWindow)] = () => TimeWindow.FromHours(8, 0, 17, 0),
        [typeof(JourneyCycle)] = () => JourneyCycle.Create(4),
        [typeof(VisitFrequency)] = () => VisitFrequency.PerWeek(1),
        [typeof(VisitPattern)] = () => new VisitPattern([0]),
        [typeof(VisitRequirement)] = () => VisitRequirement.Of(VisitFrequency.PerWeek(1)),
        [typeof(OpeningHours)] = () => OpeningHours.AlwaysOpen,
        [typeof(Account)] = () => new Account(new AccountId("a1"), new GeoPoint(1, 50)),
        [typeof(SalesPosition)] = () => new SalesPosition(new PositionId("p1")),
        [typeof(Territory)] = () => new Territory(new TerritoryId("t1")) { Boundary = TerritoryBoundary.Rectangle(0, 49, 2, 51) },
        [typeof(TerritoryBoundary)] = () => TerritoryBoundary.Rectangle(0, 49, 2, 51),
        [typeof(ActivityType)] = () => ActivityType.OrderTaking,
        [typeof(SalesModelInput)] = () => SmallInput,
        [typeof(SalesModel)] = () => SalesModel.Create(SmallInput).AsT0,
        [typeof(TravelMatrix)] = () => TravelMatrix.Create(1, [0], [0]),
        [typeof(TerritoryMap)] = () => SampleMap,
        [typeof(AssignmentResult)] = () => SampleMap.Assign([]),
        [typeof(ITravelModel)] = () => new GreatCircleTravelModel(),
        [typeof(NetTopologySuite.Geometries.Geometry)] = () => Rectangle,
        [typeof(Polygon)] = () => Rectangle,
        [typeof(MultiPolygon)] = () => Geometries.Factory.CreateMultiPolygon([Rectangle]),
        [typeof(Point)] = () => Geometries.Factory.CreatePoint(new Coordinate(1, 50)),
        [typeof(Type)] = () => typeof(object),
        [typeof(Territories.Journeys.Replanning.PlanDiff)] = () => Territories.Journeys.Replanning.PlanDiff.Between(EmptyPlan, EmptyPlan),
    };

    private static Territories.Journeys.JourneyPlan EmptyPlan => new Territories.Journeys.JourneyPlan
    {
        Routes = [],
        Unplanned = [],
        Kpis = new Territories.Journeys.JourneyPlanKpis { TotalDistanceMetres = 0, TotalTravelTime = TimeSpan.Zero, TotalServiceTime = TimeSpan.Zero, Routes = 0, Visits = 0, MinWorkingHours = 0, MaxWorkingHours = 0, MeanWorkingHours = 0, StdDevWorkingHours = 0, Utilisation = 0, VisitsPerDay = 0, },
        Capacity = [],
        Crossings = [],
        Status = Territories.Journeys.JourneyPlanStatus.Completed,
        Cost = 0,
        Iterations = 0,
    };

    private static TerritoryMap SampleMap =>
        TerritoryMap.Create([new Territory(new TerritoryId("t1")) { Boundary = TerritoryBoundary.Rectangle(0, 49, 2, 51) }]).AsT0;

    private static Polygon Rectangle => Geometries.Factory.CreatePolygon(
        [new Coordinate(0, 49), new Coordinate(2, 49), new Coordinate(2, 51), new Coordinate(0, 51), new Coordinate(0, 49)]);

    private static SalesModelInput SmallInput => new()
    {
        Accounts = [new Account(new AccountId("a1"), new GeoPoint(1, 50)) { Territory = new TerritoryId("t1"), Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) }],
        Positions = [new SalesPosition(new PositionId("p1")) { Base = new GeoPoint(1, 50) }],
        Territories = [new Territory(new TerritoryId("t1")) { Boundary = TerritoryBoundary.Rectangle(0, 49, 2, 51), Positions = [new PositionId("p1")] }],
    };

    /// <summary>Tries to build a valid value of <paramref name="type"/>.</summary>
    public static bool TryCreate(Type type, out object? value) => TryCreate(type, 0, out value);

    private static bool TryCreate(Type type, int depth, out object? value)
    {
        value = null;
        try
        {
            return TryCreateUnsafe(type, depth, out value);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TargetInvocationException or NotSupportedException or MemberAccessException or TypeLoadException)
        {
            // A type the factory misjudged counts as one it cannot build: the member is then a
            // skipped case with the reason, and the rest of the surface is still checked.
            return false;
        }
    }

    private static bool TryCreateUnsafe(Type type, int depth, out object? value)
    {
        value = null;
        if (depth > MaxDepth || type.IsByRefLike || type.IsPointer || type.ContainsGenericParameters)
        {
            return false;
        }

        if (type.IsByRef)
        {
            return TryCreate(type.GetElementType()!, depth, out value);
        }

        if (Known.TryGetValue(type, out var known))
        {
            value = known();
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TryCreate(underlying, depth + 1, out value);
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValuesAsUnderlyingType(type);
            value = values.Length > 0 ? Enum.ToObject(type, values.GetValue(values.Length > 1 ? 1 : 0)!) : Activator.CreateInstance(type);
            return true;
        }

        if (type.IsArray)
        {
            return TryArray(type.GetElementType()!, depth, out value);
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return TryDelegate(type, depth, out value);
        }

        return TryCollection(type, depth, out value)
            || TryStaticInstance(type, out value)
            || TryConstruct(type, depth, out value)
            || TryImplementation(type, depth, out value)
            || TryDefaultStruct(type, out value);
    }

    private static bool TryArray(Type element, int depth, out object? value)
    {
        value = null;
        if (!TryCreate(element, depth + 1, out var item))
        {
            return false;
        }

        var array = Array.CreateInstance(element, 1);
        array.SetValue(item, 0);
        value = array;
        return true;
    }

    private static bool TryCollection(Type type, int depth, out object? value)
    {
        value = null;
        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        var args = type.GetGenericArguments();
        if (args.Length == 1 && (definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            || definition == typeof(IList<>) || definition == typeof(ICollection<>)))
        {
            return TryArray(args[0], depth, out value);
        }

        if (args.Length == 1 && (definition == typeof(List<>) || definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>)))
        {
            if (!TryArray(args[0], depth, out var array))
            {
                return false;
            }

            var concrete = definition == typeof(List<>) ? typeof(List<>) : typeof(HashSet<>);
            value = Activator.CreateInstance(concrete.MakeGenericType(args[0]), array);
            return true;
        }

        if (args.Length == 1 && (definition == typeof(ImmutableArray<>) || definition == typeof(ImmutableList<>) || definition == typeof(ImmutableHashSet<>) || definition == typeof(ImmutableSortedSet<>)))
        {
            if (!TryArray(args[0], depth, out var array))
            {
                return false;
            }

            var factory = definition == typeof(ImmutableArray<>) ? typeof(ImmutableArray)
                : definition == typeof(ImmutableList<>) ? typeof(ImmutableList)
                : definition == typeof(ImmutableHashSet<>) ? typeof(ImmutableHashSet) : typeof(ImmutableSortedSet);
            var createRange = factory.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .First(m => m.Name == "CreateRange" && m.GetParameters().Length == 1 && m.GetParameters()[0].ParameterType.IsGenericType
                    && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEnumerable<>));
            value = createRange.MakeGenericMethod(args[0]).Invoke(null, [array]);
            return true;
        }

        if (args.Length == 2 && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)
            || definition == typeof(ImmutableDictionary<,>) || definition == typeof(ImmutableSortedDictionary<,>)))
        {
            if (!TryCreate(args[0], depth + 1, out var key) || !TryCreate(args[1], depth + 1, out var item))
            {
                return false;
            }

            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            dictionary.Add(key!, item);
            value = definition == typeof(ImmutableDictionary<,>) ? FromPairs(typeof(ImmutableDictionary), "ToImmutableDictionary", args, dictionary)
                : definition == typeof(ImmutableSortedDictionary<,>) ? FromPairs(typeof(ImmutableSortedDictionary), "ToImmutableSortedDictionary", args, dictionary)
                : dictionary;
            return true;
        }

        if (definition == typeof(IProgress<>))
        {
            value = Activator.CreateInstance(typeof(Progress<>).MakeGenericType(args));
            return true;
        }

        return false;
    }

    private static object? FromPairs(Type factory, string name, Type[] args, IDictionary pairs) =>
        factory.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .First(m => m.Name == name && m.GetParameters().Length == 1 && m.GetGenericArguments().Length == 2
                && m.GetParameters()[0].ParameterType.IsGenericType && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .MakeGenericMethod(args)
            .Invoke(null, [pairs]);

    private static bool TryDelegate(Type type, int depth, out object? value)
    {
        value = null;
        var invoke = type.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        Expression body;
        if (invoke.ReturnType == typeof(void))
        {
            body = Expression.Empty();
        }
        else if (TryCreate(invoke.ReturnType, depth + 1, out var result))
        {
            body = Expression.Constant(result, invoke.ReturnType);
        }
        else
        {
            return false;
        }

        value = Expression.Lambda(type, body, parameters).Compile();
        return true;
    }

    private static bool TryStaticInstance(Type type, out object? value)
    {
        value = type.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == type && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.GetValue(null))
            .FirstOrDefault(v => v is not null);
        return value is not null;
    }

    private static bool TryConstruct(Type type, int depth, out object? value)
    {
        value = null;
        if (type.IsAbstract || type.IsInterface)
        {
            return false;
        }

        var creators = type.GetConstructors().Cast<MethodBase>()
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => (m.ReturnType == type || IsOneOfFirst(m.ReturnType, type)) && !m.IsSpecialName && !m.IsGenericMethodDefinition))
            .OrderBy(m => m.GetParameters().Length)
            .ThenBy(m => m.Name, StringComparer.Ordinal);
        foreach (var creator in creators)
        {
            var parameters = creator.GetParameters();
            if (parameters.Any(p => p.IsOut))
            {
                continue;
            }

            var args = new object?[parameters.Length];
            var ok = true;
            for (var i = 0; i < parameters.Length && ok; i++)
            {
                // Our optional inputs stay null: the least surprising value, and one every creator
                // accepts. Only ours: a BCL generic (KeyValuePair's key) reads as nullable but is not.
                ok = (creator.DeclaringType!.Assembly == Core && !parameters[i].ParameterType.IsValueType && Nullability.Create(parameters[i]).WriteState == NullabilityState.Nullable)
                    || TryCreate(parameters[i].ParameterType, depth + 1, out args[i]);
            }

            if (!ok)
            {
                continue;
            }

            try
            {
                value = creator is ConstructorInfo ctor ? ctor.Invoke(args) : creator.Invoke(null, args);
                if (value is not null && !type.IsInstanceOfType(value))
                {
                    // A OneOf<T, TFailure> result: keep it only when it holds the T.
                    value = value.GetType().GetProperty("Value")?.GetValue(value);
                }

                if (value is not null && type.IsInstanceOfType(value))
                {
                    return true;
                }
            }
            catch (TargetInvocationException)
            {
                // This creator does not like our values; try the next one.
            }
        }

        return false;
    }

    private static bool IsOneOfFirst(Type returnType, Type type) =>
        returnType.IsGenericType && returnType.Namespace == "OneOf" && returnType.Name.StartsWith("OneOf`", StringComparison.Ordinal)
        && returnType.GetGenericArguments()[0] == type;

    private static bool TryImplementation(Type type, int depth, out object? value)
    {
        value = null;
        if (!type.IsInterface && !type.IsAbstract)
        {
            return false;
        }

        foreach (var candidate in Core.GetExportedTypes().Where(t => !t.IsAbstract && !t.IsInterface && !t.ContainsGenericParameters && type.IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (TryCreate(candidate, depth + 1, out value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDefaultStruct(Type type, out object? value)
    {
        value = type.IsValueType ? Activator.CreateInstance(type) : null;
        return value is not null;
    }
}

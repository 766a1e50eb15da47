using System.Reflection;
using System.Text;
using Territories.IO.Csv;
using Territories.IO.GeoJson;
using Territories.IO.Map;
using Territories.Mix;
using Territories.Model;

namespace Territories.IO.Tests;

/// <summary>Every public method and constructor of Territories.IO rejects a null for a non-nullable reference parameter, naming it.</summary>
public class NullArgumentTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static TheoryData<string> Members()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, _) in Cases())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void PublicSurface_HasMembersToCheck() =>
        Assert.Contains(Cases(), c => c.Name.Contains("AccountCsvReader.Read(stream)", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Members))]
    public void PublicMember_NullArgument_ThrowsArgumentNullExceptionNamingIt(string member)
    {
        var (_, method, parameter) = Cases().Single(c => c.Name == member);
        var target = method.IsStatic || method is ConstructorInfo ? null : Instance(method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => p == parameter ? null : Value(p)).ToArray();

        var thrown = Record.Exception(() =>
        {
            var result = method is ConstructorInfo ctor ? ctor.Invoke(arguments) : method.Invoke(target, arguments);
            (result as Task)?.GetAwaiter().GetResult();
        });

        var inner = Assert.IsType<ArgumentNullException>((thrown as TargetInvocationException)?.InnerException ?? thrown);
        Assert.Equal(parameter.Name, inner.ParamName);
    }

    private static IEnumerable<(string Name, MethodBase Method, ParameterInfo Parameter)> Cases()
    {
        var types = typeof(ReadResult<>).Assembly.GetExportedTypes().Where(t => !t.IsEnum && !t.IsInterface);
        foreach (var type in types)
        {
            var concrete = type.IsGenericTypeDefinition ? type.MakeGenericType(typeof(Account)) : type;
            var members = concrete.GetConstructors().Cast<MethodBase>()
                .Concat(concrete.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && m.Name is not ("Equals" or "Deconstruct" or "<Clone>$")))
                .ToList();
            foreach (var member in members)
            {
                // An overload is told apart by its parameter types, so that each case names one method.
                var signature = members.Count(m => m.Name == member.Name) > 1
                    ? "[" + string.Join(",", member.GetParameters().Select(p => p.ParameterType.Name)) + "]"
                    : string.Empty;
                foreach (var parameter in member.GetParameters())
                {
                    if (!parameter.ParameterType.IsValueType && !parameter.IsOut
                        && Nullability.Create(parameter).WriteState == NullabilityState.NotNull)
                    {
                        yield return ($"{type.Name}.{member.Name}{signature}({parameter.Name})", member, parameter);
                    }
                }
            }
        }
    }

    private static object Instance(Type type) => type switch
    {
        _ when type == typeof(TerritoryGeoJsonReader) => new TerritoryGeoJsonReader(),
        _ when type == typeof(AccountCsvReader) => new AccountCsvReader(),
        _ when type == typeof(Territories.IO.Design.DesignUnitReader) => new Territories.IO.Design.DesignUnitReader(new() { Attributes = ["population"] }),
        _ when type == typeof(SalesMapHtmlWriter) => new SalesMapHtmlWriter(),
        _ when type == typeof(Territories.IO.Calendar.JourneyPlanCalendarWriter) => new Territories.IO.Calendar.JourneyPlanCalendarWriter(new() { FirstDate = new DateOnly(2026, 3, 2) }),
        _ => Activator.CreateInstance(type)!,
    };

    private static object? Value(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        return type switch
        {
            _ when type == typeof(string) => "x",
            _ when type == typeof(Stream) => new MemoryStream(Encoding.UTF8.GetBytes("x")),
            _ when type == typeof(OpeningHours) => OpeningHours.AlwaysOpen,
            _ when type == typeof(TerritoryGeoJsonOptions) => new TerritoryGeoJsonOptions(),
            _ when type == typeof(AccountCsvOptions) => new AccountCsvOptions(),
            _ when type == typeof(Territories.IO.Design.DesignUnitReaderOptions) => new Territories.IO.Design.DesignUnitReaderOptions { Attributes = ["population"] },
            _ when type == typeof(SalesMapData) => SalesMapData.Empty,
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) => Array.CreateInstance(type.GetGenericArguments()[0], 0),
            _ when type == typeof(TextWriter) => new StringWriter(),
            _ when type == typeof(IEnumerable<MixAllocation>) => Array.Empty<MixAllocation>(),
            _ when type == typeof(Territories.Journeys.JourneyPlanRequest) => Csv.PlanSample.Request(),
            _ when type == typeof(JourneyCycle) => JourneyCycle.Create(1),
            _ when type == typeof(Territories.Journeys.Replanning.PlanDiff) => Csv.PlanDiffSample.Diff(),
            _ when type == typeof(Territories.Journeys.JourneyPlan) => new Territories.Journeys.JourneyPlan
            {
                Routes = [],
                Unplanned = [],
                Kpis = new Territories.Journeys.JourneyPlanKpis { TotalDistanceMetres = 0, TotalTravelTime = TimeSpan.Zero, TotalServiceTime = TimeSpan.Zero, Routes = 0, Visits = 0, MinWorkingHours = 0, MaxWorkingHours = 0, MeanWorkingHours = 0, StdDevWorkingHours = 0, Utilisation = 0, VisitsPerDay = 0, },
                Capacity = [],
                Crossings = [],
                Status = Territories.Journeys.JourneyPlanStatus.Completed,
                Cost = 0,
                Iterations = 0,
            },
            _ when type == typeof(Territories.Spatial.AssignmentResult) => Territories.Spatial.TerritoryMap.Create([new Territory(new TerritoryId("t")) { Boundary = TerritoryBoundary.Rectangle(0, 0, 1, 1) }]).AsT0.Assign([], null, TestContext.Current.CancellationToken),
            _ when type.IsValueType => Activator.CreateInstance(type),
            _ when parameter.HasDefaultValue => parameter.DefaultValue,
            _ => throw new InvalidOperationException($"No sample value for {type} ({parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}); add one."),
        };
    }
}

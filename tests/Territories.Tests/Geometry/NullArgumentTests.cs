using System.Reflection;
using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Geometry.GeometryFixtures;

namespace Territories.Tests.Geometry;

/// <summary>Every public method and constructor in Territories.Spatial rejects a null for a non-nullable reference parameter, naming it.</summary>
public class NullArgumentTests
{
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly TerritoryMap SampleMap = Map(Territory("a", Square(0, 0, 1)));

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
        Assert.Contains(Cases(), c => c.Name.Contains("TerritoryMap.Assign/3(accounts)", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Members))]
    public void PublicMember_NullArgument_ThrowsArgumentNullExceptionNamingIt(string member)
    {
        var (_, method, parameter) = Cases().Single(c => c.Name == member);
        var target = method.IsStatic || method is ConstructorInfo ? null : Instance(method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => p == parameter ? null : Value(p)).ToArray();

        var thrown = Record.Exception(() => _ = method is ConstructorInfo ctor ? ctor.Invoke(arguments) : method.Invoke(target, arguments));

        var inner = Assert.IsType<ArgumentNullException>((thrown as TargetInvocationException)?.InnerException ?? thrown);
        Assert.Equal(parameter.Name, inner.ParamName);
    }

    private static IEnumerable<(string Name, MethodBase Method, ParameterInfo Parameter)> Cases()
    {
        var types = typeof(TerritoryMap).Assembly.GetExportedTypes().Where(t => t.Namespace == "Territories.Spatial" && !t.IsEnum && !t.IsInterface);
        foreach (var type in types)
        {
            var members = type.GetConstructors().Cast<MethodBase>()
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && m.Name is not ("Equals" or "Deconstruct" or "<Clone>$" or "PrintMembers")));
            foreach (var member in members)
            {
                foreach (var parameter in member.GetParameters())
                {
                    if (!parameter.ParameterType.IsValueType && !parameter.IsOut
                        && Nullability.Create(parameter).WriteState == NullabilityState.NotNull)
                    {
                        yield return ($"{type.Name}.{member.Name}/{member.GetParameters().Length}({parameter.Name})", member, parameter);
                    }
                }
            }
        }
    }

    // Only the map has instance methods taking references; add a sample here when another type gets one.
    private static TerritoryMap Instance(Type type) =>
        type == typeof(TerritoryMap) ? SampleMap : throw new InvalidOperationException($"No sample instance of {type}; add one.");

    private static object? Value(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        return type switch
        {
            _ when type == typeof(string) => "x",
            _ when type == typeof(TerritoryMap) => SampleMap,
            _ when type == typeof(AssignmentResult) => SampleMap.Assign([], cancellationToken: TestContext.Current.CancellationToken),
            _ when type == typeof(TerritoryBoundary) => TerritoryBoundary.Rectangle(0, 0, 1, 1),
            _ when type == typeof(JourneyCycle) => JourneyCycle.Create(4),
            _ when type == typeof(SalesModel) => SalesModel.Create(new SalesModelInput()).AsT0,
            _ when type == typeof(Account) => new Account("x", new GeoPoint(0, 0)),
            _ when type == typeof(IEnumerable<Account>) => Array.Empty<Account>(),
            _ when type == typeof(IEnumerable<Territory>) => Array.Empty<Territory>(),
            _ when type == typeof(IReadOnlyList<string>) => new[] { "territory" },
            _ when type.IsValueType => Activator.CreateInstance(type),
            _ when parameter.HasDefaultValue => parameter.DefaultValue,
            _ => throw new InvalidOperationException($"No sample value for {type} ({parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}); add one."),
        };
    }
}

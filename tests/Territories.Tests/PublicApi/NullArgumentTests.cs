using System.Reflection;
using Territories.Model;

namespace Territories.Tests.PublicApi;

/// <summary>
/// Walks every public constructor and method of the core assembly and passes null, one parameter at
/// a time, for each reference-type parameter not annotated nullable; the member must throw
/// <see cref="ArgumentNullException"/> naming that parameter. The other arguments are valid values
/// from <see cref="ArgumentFactory"/>. One test case per member, so a failure names the member; a
/// member that cannot be checked (open generic, ref struct, a type the factory cannot build) is a
/// skipped case with the reason, never left out silently. Not walked: property accessors (init
/// accessors of records store what they are given; positional records guard in the property
/// initialiser, which the constructor runs) and overrides of <see cref="object"/> members, which
/// accept null by contract.
/// </summary>
public class NullArgumentTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly Lazy<IReadOnlyDictionary<string, Member>> Catalogue = new(BuildCatalogue);

    public static TheoryData<string> Members()
    {
        var data = new TheoryData<string>();
        foreach (var key in Catalogue.Value.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void PublicMember_NullForNonNullableParameter_ThrowsArgumentNullExceptionNamingIt(string member)
    {
        var entry = Catalogue.Value[member];
        if (entry.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var failures = new List<string>();
        foreach (var index in entry.Checked)
        {
            var parameter = entry.Method.GetParameters()[index];
            var outcome = InvokeWithNull(entry.Method, index);
            if (outcome is not ArgumentNullException { } ane || ane.ParamName != parameter.Name)
            {
                failures.Add(outcome is null
                    ? $"null for '{parameter.Name}' did not throw"
                    : $"null for '{parameter.Name}' threw {outcome.GetType().Name} (ParamName '{(outcome as ArgumentException)?.ParamName}'): {outcome.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{member}: {string.Join("; ", failures)}");
    }

    [Fact]
    public void Catalogue_CoversTheModelTravelAndSpatialSurfaceWithoutSkips()
    {
        var keys = Catalogue.Value;

        Assert.Contains(keys.Keys, k => k.StartsWith("Territories.Model.SalesModel.Create(", StringComparison.Ordinal));
        Assert.Contains(keys.Keys, k => k.StartsWith("Territories.Model.ModelValidator.Validate(", StringComparison.Ordinal));
        Assert.Contains(keys.Keys, k => k.StartsWith("Territories.Travel.MatrixTravelModel..ctor(", StringComparison.Ordinal));
        Assert.Contains(keys.Keys, k => k.StartsWith("Territories.Travel.TravelMatrix.Create(", StringComparison.Ordinal));
        Assert.Contains(keys.Keys, k => k.StartsWith("Territories.Spatial.TerritoryMap.Assign(", StringComparison.Ordinal));
        var skipped = keys.Where(k => k.Value.SkipReason is not null && (k.Key.StartsWith("Territories.Model.", StringComparison.Ordinal) || k.Key.StartsWith("Territories.Travel.", StringComparison.Ordinal) || k.Key.StartsWith("Territories.Spatial.", StringComparison.Ordinal))).Select(k => $"{k.Key}: {k.Value.SkipReason}");
        Assert.Empty(skipped);
    }

    private static Exception? InvokeWithNull(MethodBase method, int nullIndex)
    {
        var parameters = method.GetParameters();
        var args = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            if (i == nullIndex || parameters[i].IsOut)
            {
                continue;
            }

            if (!parameters[i].ParameterType.IsValueType && IsNullableReference(parameters[i]))
            {
                // The member accepts null there: the least surprising value for an optional input.
                continue;
            }

            ArgumentFactory.TryCreate(parameters[i].ParameterType, out args[i]);
        }

        object? instance = null;
        if (!method.IsStatic && method is not ConstructorInfo)
        {
            ArgumentFactory.TryCreate(method.DeclaringType!, out instance);
        }

        try
        {
            var result = method is ConstructorInfo ctor ? ctor.Invoke(args) : method.Invoke(instance, args);
            if (result is Task task)
            {
                task.Wait(TimeSpan.FromSeconds(10));
            }

            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return ex.InnerException;
        }
        catch (AggregateException ex) when (ex.InnerException is not null)
        {
            return ex.InnerException;
        }
    }

    private static bool IsNullableReference(ParameterInfo parameter) =>
        Nullability.Create(parameter).WriteState == NullabilityState.Nullable;

    private static Dictionary<string, Member> BuildCatalogue()
    {
        var catalogue = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var type in typeof(SalesModel).Assembly.GetExportedTypes().Where(t => !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t)))
        {
            var members = type.GetConstructors().Where(_ => !type.IsAbstract).Cast<MethodBase>()
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(m => (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)) && !m.Name.StartsWith('<') && !OverridesObject(m)));
            foreach (var method in members)
            {
                var parameters = method.GetParameters();
                var checkedParameters = Enumerable.Range(0, parameters.Length)
                    .Where(i => !parameters[i].IsOut && !parameters[i].ParameterType.IsValueType && !parameters[i].ParameterType.IsByRef && !IsNullableReference(parameters[i]))
                    .ToArray();
                if (checkedParameters.Length == 0)
                {
                    continue;
                }

                catalogue[Key(method)] = new Member(method, checkedParameters, SkipReason(type, method));
            }
        }

        return catalogue;
    }

    /// <summary>Overrides of <see cref="object"/> members (Equals(object)) accept null by contract.</summary>
    private static bool OverridesObject(MethodInfo method) => method.GetBaseDefinition().DeclaringType is { } root && (root == typeof(object) || root == typeof(ValueType));

    private static string? SkipReason(Type type, MethodBase method)
    {
        if (type.ContainsGenericParameters)
        {
            return $"{type.Name} is an open generic type: the factory does not pick type arguments.";
        }

        if (method.IsGenericMethodDefinition)
        {
            return "a generic method: the factory does not pick type arguments.";
        }

        if (method.GetParameters().FirstOrDefault(p => p.ParameterType.IsByRefLike || (p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsByRefLike)) is { } refStruct)
        {
            return $"parameter '{refStruct.Name}' is a ref struct ({refStruct.ParameterType.Name}), which reflection cannot pass.";
        }

        if (!method.IsStatic && method is not ConstructorInfo && !ArgumentFactory.TryCreate(type, out _))
        {
            return $"the factory cannot build an instance of {type.Name}: teach ArgumentFactory how.";
        }

        var unbuildable = method.GetParameters().Where(p => !p.IsOut && !ArgumentFactory.TryCreate(p.ParameterType, out _)).Select(p => $"'{p.Name}' ({p.ParameterType.Name})").ToList();
        return unbuildable.Count > 0 ? $"the factory cannot build {string.Join(", ", unbuildable)}: teach ArgumentFactory how." : null;
    }

    private static string Key(MethodBase method) =>
        $"{method.DeclaringType!.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;

    private sealed record Member(MethodBase Method, int[] Checked, string? SkipReason);
}

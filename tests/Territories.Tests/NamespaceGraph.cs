using System.Reflection;
using System.Reflection.Emit;

namespace Territories.Tests;

/// <summary>
/// Which namespace of an assembly uses which, read from the compiled assembly: a type uses what its
/// base type, interfaces, fields, method signatures, locals and method bodies (every type, method and
/// field token in the IL) name. Compiler-generated types (lambdas' closures, iterators, async state
/// machines) count for the namespace of the type that declares them. Only namespaces of the assembly
/// itself are nodes.
/// </summary>
internal sealed class NamespaceGraph
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private NamespaceGraph(SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> edges) => Edges = edges;

    /// <summary>Per namespace, the namespaces it uses, each with the uses that make the edge ("Type -> Type").</summary>
    public SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> Edges { get; }

    public static NamespaceGraph Of(Assembly assembly)
    {
        var edges = new SortedDictionary<string, SortedDictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = type.Namespace;
            if (from is null || !Own(type, assembly))
            {
                continue;
            }

            if (!edges.TryGetValue(from, out var targets))
            {
                edges[from] = targets = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            }

            foreach (var used in References(type).SelectMany(Expand).Distinct())
            {
                if (used.Namespace is { } to && to != from && Own(used, assembly))
                {
                    if (!targets.TryGetValue(to, out var why))
                    {
                        targets[to] = why = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    why.Add($"{Outermost(type).FullName} -> {Outermost(used).FullName}");
                }
            }
        }

        return new NamespaceGraph(edges);
    }

    /// <summary>
    /// The strongly connected components of more than one namespace, each as its namespaces and the
    /// edges among them with the uses behind them; empty when the graph is acyclic.
    /// </summary>
    public IReadOnlyList<string> Cycles()
    {
        var nodes = Edges.Keys.Concat(Edges.Values.SelectMany(t => t.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        var reach = nodes.ToDictionary(n => n, Reachable);
        var seen = new HashSet<string>();
        var cycles = new List<string>();
        foreach (var n in nodes)
        {
            if (seen.Contains(n))
            {
                continue;
            }

            var component = nodes.Where(o => o == n || (reach[n].Contains(o) && reach[o].Contains(n))).ToList();
            seen.UnionWith(component);
            if (component.Count < 2)
            {
                continue;
            }

            var lines = new List<string> { "cycle among " + string.Join(", ", component) + ":" };
            foreach (var a in component)
            {
                foreach (var (b, why) in Edges.GetValueOrDefault(a) ?? [])
                {
                    if (component.Contains(b))
                    {
                        lines.Add($"  {a} -> {b}: {string.Join("; ", why.Take(5))}{(why.Count > 5 ? $"; … ({why.Count} uses)" : string.Empty)}");
                    }
                }
            }

            cycles.Add(string.Join(Environment.NewLine, lines));
        }

        return cycles;
    }

    /// <summary>The graph as one line per namespace: "A -> B, C".</summary>
    public override string ToString() => string.Join(Environment.NewLine, Edges.Select(e => $"{e.Key} -> {string.Join(", ", e.Value.Keys)}"));

    private HashSet<string> Reachable(string start)
    {
        var reached = new HashSet<string>();
        var stack = new Stack<string>([start]);
        while (stack.Count > 0)
        {
            foreach (var next in Edges.GetValueOrDefault(stack.Pop())?.Keys ?? Enumerable.Empty<string>())
            {
                if (reached.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return reached;
    }

    private static bool Own(Type type, Assembly assembly) =>
        type.Assembly == assembly && type.Namespace is { } ns && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft", StringComparison.Ordinal);

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer && !type.IsGenericParameter)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>A type with its element type, generic definition and arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()))
            {
                yield return t;
            }

            yield break;
        }

        yield return type;
        if (type.IsConstructedGenericType)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var t in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<Type?> References(Type type)
    {
        yield return type.BaseType;
        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var f in type.GetFields(Declared))
        {
            yield return f.FieldType;
        }

        foreach (var p in type.GetProperties(Declared))
        {
            yield return p.PropertyType;
        }

        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var p in m.GetParameters())
            {
                yield return p.ParameterType;
            }

            foreach (var t in BodyReferences(type, m))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<Type?> BodyReferences(Type type, MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArgs = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var value = il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    foreach (var t in Resolve(method.Module, BitConverter.ToInt32(il, i), typeArgs, methodArgs))
                    {
                        yield return t;
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static IEnumerable<Type?> Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        MemberInfo member;
        try
        {
            member = module.ResolveMember(token, typeArgs, methodArgs)!;
        }
        catch (ArgumentException)
        {
            yield break;
        }

        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                yield return f.DeclaringType;
                yield return f.FieldType;
                break;
            case MethodBase m:
                yield return m.DeclaringType;
                if (m is MethodInfo mi)
                {
                    yield return mi.ReturnType;
                    foreach (var g in mi.IsGenericMethod ? mi.GetGenericArguments() : [])
                    {
                        yield return g;
                    }
                }

                foreach (var p in m.GetParameters())
                {
                    yield return p.ParameterType;
                }

                break;
        }
    }
}

using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Mutua.Core.Tests.Architecture;

/// <summary>
/// Which feature of an assembly uses which, read from its IL with Mono.Cecil: base types, interfaces,
/// fields, properties, method signatures, attributes, and method bodies (locals and every type, method
/// and field an instruction names), so a <c>new OtherFeature.Thing()</c> inside a body counts as a use.
/// A feature is a namespace one level under the root (<c>Mutua.Core.CheckIns</c>, with anything below it);
/// the root namespace itself is the kernel, written as <see cref="Kernel"/>.
/// </summary>
public static class FeatureGraph
{
    public const string Kernel = "(kernel)";

    /// <summary>A use of feature <paramref name="To"/> by <paramref name="From"/>, with one example of it.</summary>
    public sealed record Use(string From, string To, string Example);

    /// <summary>Every use between distinct features (and the kernel) of the types under <paramref name="root"/>.</summary>
    /// <param name="exempt">Full names of root types that are not the kernel but the composition root (they use every feature).</param>
    public static IReadOnlyList<Use> Read(string assemblyPath, string root, IReadOnlySet<string> exempt)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var uses = new Dictionary<(string, string), string>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var outer = Outermost(type);
            if (exempt.Contains(outer.FullName)) continue;
            var from = FeatureOf(outer.Namespace, root);
            if (from is null) continue;
            foreach (var (used, where) in References(type))
            {
                foreach (var named in Named(used))
                {
                    var to = FeatureOf(Outermost(named).Namespace, root);
                    if (to is null || to == from) continue;
                    uses.TryAdd((from, to), $"{type.FullName} {where} uses {named.FullName}");
                }
            }
        }
        return uses.Select(u => new Use(u.Key.Item1, u.Key.Item2, u.Value)).OrderBy(u => u.From).ThenBy(u => u.To).ToList();
    }

    /// <summary>The feature a namespace belongs to; null outside the root (another library, anonymous types).</summary>
    public static string? FeatureOf(string ns, string root)
    {
        if (ns == root) return Kernel;
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Uses that the allow-list does not permit, as "From uses To (example)".</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<Use> uses, IReadOnlyDictionary<string, string[]> allowed) =>
        uses.Where(u => u.To != Kernel && !(allowed.TryGetValue(u.From, out var may) && may.Contains(u.To)))
            .Select(u => $"{u.From} uses {u.To}, which is not on its list ({u.Example})").ToList();

    /// <summary>A cycle in the allow-list (its features in order, the first repeated at the end), or null when there is none.</summary>
    public static IReadOnlyList<string>? Cycle(IReadOnlyDictionary<string, string[]> allowed)
    {
        var state = new Dictionary<string, int>(); // 1: on the current path, 2: done
        var path = new List<string>();

        List<string>? Visit(string feature)
        {
            if (state.GetValueOrDefault(feature) == 2) return null;
            if (state.GetValueOrDefault(feature) == 1) return [.. path.SkipWhile(f => f != feature), feature];
            state[feature] = 1;
            path.Add(feature);
            foreach (var next in allowed.GetValueOrDefault(feature) ?? [])
            {
                if (Visit(next) is { } cycle) return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[feature] = 2;
            return null;
        }

        foreach (var feature in allowed.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(feature) is { } cycle) return cycle;
        }
        return null;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>The types a type reference names: itself, or for arrays, pointers and generic instances, what they are made of.</summary>
    private static IEnumerable<TypeReference> Named(TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var t in Named(generic.ElementType)) yield return t;
                foreach (var argument in generic.GenericArguments)
                {
                    foreach (var t in Named(argument)) yield return t;
                }
                yield break;
            case TypeSpecification specification: // arrays, by-ref, pointers, modifiers
                foreach (var t in Named(specification.ElementType)) yield return t;
                yield break;
            default:
                yield return type;
                break;
        }
    }

    private static IEnumerable<(TypeReference Type, string Where)> References(TypeDefinition type)
    {
        if (type.BaseType is { } baseType) yield return (baseType, "as its base");
        foreach (var i in type.Interfaces) yield return (i.InterfaceType, "as an interface");
        foreach (var a in Attributes(type)) yield return (a, "in an attribute");
        foreach (var p in type.GenericParameters.SelectMany(g => g.Constraints)) yield return (p.ConstraintType, "in a constraint");
        foreach (var f in type.Fields)
        {
            yield return (f.FieldType, $"field {f.Name}");
            foreach (var a in Attributes(f)) yield return (a, $"field {f.Name}");
        }
        foreach (var p in type.Properties)
        {
            yield return (p.PropertyType, $"property {p.Name}");
            foreach (var a in Attributes(p)) yield return (a, $"property {p.Name}");
        }
        foreach (var e in type.Events) yield return (e.EventType, $"event {e.Name}");
        foreach (var m in type.Methods)
        {
            var where = $"in {m.Name}";
            foreach (var t in Signature(m)) yield return (t, where);
            foreach (var a in Attributes(m)) yield return (a, where);
            foreach (var a in m.Parameters.SelectMany(Attributes)) yield return (a, where);
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return (v.VariableType, where);
            foreach (var h in m.Body.ExceptionHandlers)
            {
                if (h.CatchType is { } caught) yield return (caught, where);
            }
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return (t, where);
                        break;
                    case MethodReference called:
                        yield return (called.DeclaringType, where);
                        foreach (var t in Signature(called)) yield return (t, where);
                        break;
                    case FieldReference field:
                        yield return (field.DeclaringType, where);
                        yield return (field.FieldType, where);
                        break;
                    case CallSite site:
                        yield return (site.ReturnType, where);
                        foreach (var p in site.Parameters) yield return (p.ParameterType, where);
                        break;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Signature(MethodReference m)
    {
        yield return m.ReturnType;
        foreach (var p in m.Parameters) yield return p.ParameterType;
        if (m is GenericInstanceMethod generic)
        {
            foreach (var a in generic.GenericArguments) yield return a;
        }
        foreach (var g in m.GenericParameters.SelectMany(g => g.Constraints)) yield return g.ConstraintType;
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider)
    {
        if (!provider.HasCustomAttributes) yield break;
        foreach (var a in provider.CustomAttributes)
        {
            yield return a.AttributeType;
            foreach (var argument in a.ConstructorArguments)
            {
                if (argument.Value is TypeReference t) yield return t;
            }
        }
    }
}

using System.Text.RegularExpressions;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>
/// kustomize's deprecated <c>vars</c>, resolved once at the top of the build: <c>$(NAME)</c> in container command, args
/// and env values (every pod spec) becomes the referenced object's field. A declared variable used in any other field
/// is reported as not supported rather than left unsubstituted.
/// </summary>
internal static partial class Vars
{
    internal sealed record Var(string Name, string Kind, string ObjectName, string? ApiVersion, string FieldPath, SourceSpan At);

    public static IEnumerable<Var> Read(YamlMapping kustomization)
    {
        if (kustomization.GetSequence("vars") is not { } seq)
            yield break;
        foreach (var item in seq.Items)
        {
            if (item is not YamlMapping m || m.GetString("name") is not { } name || m.GetMapping("objref") is not { } objref
                || objref.GetString("kind") is not { } kind || objref.GetString("name") is not { } objectName)
                throw new KustomizeException(item.Span, "a var needs name, objref.kind and objref.name");
            var fieldPath = m.GetMapping("fieldref")?.GetString("fieldpath") ?? "metadata.name";
            yield return new Var(name, kind, objectName, objref.GetString("apiVersion"), fieldPath, item.Span);
        }
    }

    public static void Resolve(List<Var> vars, List<KResource> resources)
    {
        if (vars.Count == 0)
            return;
        var values = new Dictionary<string, (string Value, NodeOrigin? Origin)>(StringComparer.Ordinal);
        foreach (var v in vars)
        {
            if (values.ContainsKey(v.Name))
                throw new KustomizeException(v.At, $"var '{v.Name}' already encountered");
            var matches = resources.Where(r => r.Kind == v.Kind && r.HadName(v.ObjectName) && (v.ApiVersion is null || r.ApiVersion == v.ApiVersion)).ToList();
            if (matches.Count != 1)
                throw new KustomizeException(v.At, matches.Count == 0 ? $"var '{v.Name}' cannot be mapped to a field in the set of known resources" : $"var '{v.Name}' matches more than one resource");
            object? node = matches[0].Root;
            NodeOrigin? origin = null;
            foreach (var part in v.FieldPath.Split('.'))
            {
                if (node is KMap m && m.Entry(part) is { } e)
                {
                    node = e.Value;
                    origin = e.Origin;
                }
                else
                {
                    throw new KustomizeException(v.At, $"field specified in var '{v.Name}' ('{v.FieldPath}') not found in {matches[0].Kind}/{matches[0].Name}");
                }
            }

            if (node is KMap or KList)
                throw new KustomizeException(v.At, $"var '{v.Name}' must name a scalar field", unsupported: true);
            values[v.Name] = (KNode.ScalarText(node), origin);
        }

        foreach (var r in resources)
        {
            foreach (var spec in FieldPaths.PodSpecs(r.Kind))
            {
                foreach (var containers in new[] { "containers", "initContainers" })
                {
                    foreach (var path in new[] { "command[]", "args[]", "env[]/value" })
                        Substitute(r.Root, spec + "/" + containers + "[]/" + path, values);
                }
            }
        }

        foreach (var r in resources)
            Check(r.Root, values, r);
    }

    private static void Substitute(KMap root, string path, Dictionary<string, (string Value, NodeOrigin? Origin)> values)
    {
        if (path.EndsWith("[]", StringComparison.Ordinal))
        {
            FieldPaths.Visit(root, path[..^2], create: false, null!, (holder, key) =>
            {
                if (holder[key] is KList list)
                {
                    foreach (var item in list.Items)
                    {
                        if (item.Value is string s && Replace(s, values, out var origin) is { } replaced)
                            (item.Value, item.Origin) = (replaced, origin?.Over(item.Origin, "variable used here") ?? item.Origin);
                    }
                }
            });
            return;
        }

        FieldPaths.Visit(root, path, create: false, null!, (holder, key) =>
        {
            if (holder.Entry(key) is { Value: string s } e && Replace(s, values, out var origin) is { } replaced)
                (e.Value, e.Origin) = (replaced, origin?.Over(e.Origin, "variable used here") ?? e.Origin);
        });
    }

    private static string? Replace(string text, Dictionary<string, (string Value, NodeOrigin? Origin)> values, out NodeOrigin? origin)
    {
        NodeOrigin? found = null;
        var changed = false;
        var result = Reference().Replace(text, m =>
        {
            if (!values.TryGetValue(m.Groups[1].Value, out var v))
                return m.Value;
            changed = true;
            found ??= v.Origin;
            return v.Value;
        });
        origin = found;
        return changed ? result : null;
    }

    private static void Check(object? node, Dictionary<string, (string Value, NodeOrigin? Origin)> values, KResource r)
    {
        switch (node)
        {
            case KMap m:
                foreach (var e in m.Entries)
                {
                    if (e.Value is string s && Uses(s, values))
                        throw new KustomizeException(e.Origin?.Span ?? r.Origin.Span, $"a var is used in field '{e.Key}' of {r.Kind}/{r.Name}, where this offline build does not substitute vars; vars are not supported there", unsupported: true);
                    Check(e.Value, values, r);
                }

                break;
            case KList l:
                foreach (var i in l.Items)
                {
                    if (i.Value is string s && Uses(s, values))
                        throw new KustomizeException(i.Origin?.Span ?? r.Origin.Span, $"a var is used in a list of {r.Kind}/{r.Name} where this offline build does not substitute vars; vars are not supported there", unsupported: true);
                    Check(i.Value, values, r);
                }

                break;
        }
    }

    private static bool Uses(string s, Dictionary<string, (string Value, NodeOrigin? Origin)> values) =>
        Reference().Matches(s).Any(m => values.ContainsKey(m.Groups[1].Value));

    [GeneratedRegex(@"\$\(([A-Za-z0-9_.\-]+)\)")]
    private static partial Regex Reference();
}

using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Schemas;

/// <summary>
/// The schema check of a whole graph, done once and shared by the <c>schema-*</c> and <c>crd-schema-violation</c> rules
/// (each takes its own problems): every built-in resource against its kind in the target Kubernetes version, every custom
/// resource against the CRD that defines it.
/// </summary>
public sealed class SchemaAnalysis
{
    private const string ObjectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    // Lazy: the table runs its factory outside its lock, so rules asking at once would each analyse the whole graph.
    private static readonly ConditionalWeakTable<ResourceGraph, Lazy<SchemaAnalysis>> Cache = [];

    private SchemaAnalysis(ApiVersionSchema target, ImmutableArray<SchemaFinding> findings, CrdIndex crds)
    {
        Target = target;
        Findings = findings;
        Crds = crds;
    }

    /// <summary>The Kubernetes version the graph was checked against.</summary>
    public ApiVersionSchema Target { get; }

    public ImmutableArray<SchemaFinding> Findings { get; }

    public CrdIndex Crds { get; }

    /// <summary>The analysis of <paramref name="graph"/>, computed on first use (thread-safe; rules run in parallel).</summary>
    public static SchemaAnalysis For(ResourceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Cache.GetValue(graph, g => new Lazy<SchemaAnalysis>(() => Analyse(g), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The target version of <paramref name="graph"/>'s options: the newest embedded minor when unset or not 1.x.</summary>
    public static ApiVersionSchema TargetOf(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var api = KubernetesApi.Embedded;
        return api.ForKubeVersion(options.KubeVersion) ?? api.ForMinor(api.NewestMinor)!;
    }

    private static SchemaAnalysis Analyse(ResourceGraph graph)
    {
        var target = TargetOf(graph.Options);
        var crds = CrdIndex.Build(graph.OfKind("CustomResourceDefinition").Select(r => r.Root).Concat(graph.Options.Crds));
        var objectMeta = target.Definition(ObjectMetaDefinition);
        var builtInGroups = target.Kinds.Select(k => k.Group).ToHashSet(StringComparer.Ordinal);
        var results = new ImmutableArray<SchemaFinding>[graph.Resources.Length];
        Parallel.For(0, graph.Resources.Length, i =>
        {
            var sink = new List<SchemaViolation>();
            var resource = graph.Resources[i];
            var custom = Check(resource, target, crds, objectMeta, builtInGroups, graph.Options.Complete, sink);
            results[i] = sink.Count == 0 ? [] : [.. sink.Select(v => new SchemaFinding(resource, v, custom))];
        });
        return new SchemaAnalysis(target, [.. results.SelectMany(r => r)], crds);
    }

    /// <summary>Validates one resource; returns true when it is a custom resource (its findings belong to crd-schema-violation).</summary>
    private static bool Check(Resource resource, ApiVersionSchema target, CrdIndex crds, SchemaNode? objectMeta, HashSet<string> builtInGroups, bool complete, List<SchemaViolation> sink)
    {
        if (target.FindKind(resource.Group, resource.Version, resource.Kind) is { } kind)
        {
            if (kind.Schema is { } schema)
                SchemaValidator.ValidateResource(resource.Root, schema, objectMeta, sink);
            return false;
        }

        // Removed, deprecated or not-yet-introduced built-in APIs are api-removed's; the schema of a version not served says nothing.
        if (ApiLifecycle.Embedded.Find(resource.Group, resource.Version, resource.Kind) is not null)
            return false;
        if (builtInGroups.Contains(resource.Group) && !crds.Defines(resource.Group, resource.Kind))
        {
            UnknownBuiltIn(resource, target, sink);
            return false;
        }

        if (crds.Find(resource.Group, resource.Version, resource.Kind) is { } crd)
        {
            SchemaValidator.ValidateResource(resource.Root, crd.Schema, objectMeta, sink);
            return true;
        }

        var at = (YamlNode?)resource.Root.GetScalar("apiVersion") ?? resource.Root;
        if (crds.Defines(resource.Group, resource.Kind))
        {
            var served = string.Join(", ", crds.VersionsOf(resource.Group, resource.Kind));
            sink.Add(new SchemaViolation(SchemaProblem.InvalidValue, at, $"apiVersion: the CustomResourceDefinition of {resource.Kind}.{resource.Group} has no version '{resource.Version}' (it serves {served})"));
            return true;
        }

        if (complete)
            sink.Add(new SchemaViolation(SchemaProblem.InvalidValue, at, $"apiVersion: no CustomResourceDefinition in the input defines {resource.Kind} in {resource.ApiVersion} (--complete)"));
        return true;
    }

    private static void UnknownBuiltIn(Resource resource, ApiVersionSchema target, List<SchemaViolation> sink)
    {
        var sameKind = target.FindKindInGroup(resource.Group, resource.Kind).Select(k => k.ApiVersion).ToList();
        if (sameKind.Count > 0)
        {
            var at = (YamlNode?)resource.Root.GetScalar("apiVersion") ?? resource.Root;
            sink.Add(new SchemaViolation(SchemaProblem.InvalidValue, at, $"apiVersion: Kubernetes {target.Name} does not serve {resource.Kind} in {resource.ApiVersion}; it does in {string.Join(", ", sameKind)}"));
            return;
        }

        var kinds = target.Kinds.Where(k => k.Group == resource.Group && k.Version == resource.Version).Select(k => k.Kind).ToList();
        var kindNode = (YamlNode?)resource.Root.GetScalar("kind") ?? resource.Root;
        var message = $"kind: Kubernetes {target.Name} has no kind '{resource.Kind}' in {resource.ApiVersion}";
        if (FieldSuggestions.Closest(resource.Kind, kinds) is { } suggestion)
            message += $"; did you mean '{suggestion}'?";
        else if (target.Kinds.FirstOrDefault(k => k.Kind == resource.Kind) is { } elsewhere)
            message += $"; {resource.Kind} is served in {elsewhere.ApiVersion}";
        sink.Add(new SchemaViolation(SchemaProblem.InvalidValue, kindNode, message));
    }
}

using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Schemas;

/// <summary>The CustomResourceDefinitions known to a run, by group, version and kind (apiextensions.k8s.io v1 and v1beta1).</summary>
public sealed class CrdIndex
{
    private readonly Dictionary<(string Group, string Version, string Kind), CrdDefinition> _byVersion;
    private readonly Dictionary<(string Group, string Kind), List<string>> _versions;

    private CrdIndex(Dictionary<(string, string, string), CrdDefinition> byVersion, Dictionary<(string, string), List<string>> versions)
    {
        _byVersion = byVersion;
        _versions = versions;
    }

    public IEnumerable<CrdDefinition> Definitions => _byVersion.Values;

    public CrdDefinition? Find(string group, string version, string kind) =>
        _byVersion.TryGetValue((group, version, kind), out var d) ? d : null;

    public bool Defines(string group, string kind) => _versions.ContainsKey((group, kind));

    public IEnumerable<string> VersionsOf(string group, string kind) =>
        _versions.TryGetValue((group, kind), out var v) ? v : [];

    /// <summary>Reads CRD documents; anything that is not a well-formed CRD is skipped (the schema rules judge the CRD itself).</summary>
    public static CrdIndex Build(IEnumerable<YamlMapping> documents)
    {
        var byVersion = new Dictionary<(string, string, string), CrdDefinition>();
        var versions = new Dictionary<(string, string), List<string>>();
        foreach (var doc in documents)
        {
            if (doc.GetString("kind") != "CustomResourceDefinition" || doc.GetString("apiVersion") is not ("apiextensions.k8s.io/v1" or "apiextensions.k8s.io/v1beta1") || doc.GetMapping("spec") is not { } spec)
                continue;
            var v1beta1 = doc.GetString("apiVersion") == "apiextensions.k8s.io/v1beta1";
            var group = spec.GetString("group");
            var kind = spec.GetMapping("names")?.GetString("kind");
            if (group is null || kind is null)
                continue;
            // v1beta1 keeps unknown fields unless preserveUnknownFields is false; v1 prunes them.
            var preserve = v1beta1 && spec.GetScalar("preserveUnknownFields") is not { IsFalse: true };
            var shared = spec.GetMapping("validation")?.GetMapping("openAPIV3Schema");
            var served = new List<(string Name, YamlMapping? Schema)>();
            if (spec.GetSequence("versions") is { } list)
            {
                foreach (var v in list.Mappings())
                {
                    if (v.GetString("name") is { } name && v.GetScalar("served") is not { IsFalse: true })
                        served.Add((name, v.GetMapping("schema")?.GetMapping("openAPIV3Schema") ?? shared));
                }
            }
            else if (spec.GetString("version") is { } single)
            {
                served.Add((single, shared));
            }

            foreach (var (name, schema) in served)
            {
                var cel = new List<CelRule>();
                var node = schema is null ? new SchemaNode(SchemaTag.FreeObject) : CrdSchemaCompiler.Compile(schema, preserve, cel);
                byVersion[(group, name, kind)] = new CrdDefinition(group, name, kind, node, doc, [.. cel]);
                if (!versions.TryGetValue((group, kind), out var names))
                    versions[(group, kind)] = names = [];
                if (!names.Contains(name))
                    names.Add(name);
            }
        }

        return new CrdIndex(byVersion, versions);
    }
}

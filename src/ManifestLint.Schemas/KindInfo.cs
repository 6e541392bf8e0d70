namespace ManifestLint.Schemas;

/// <summary>
/// A top-level kind served by one Kubernetes minor: its group/version/kind, REST resource name and scope (from the
/// spec's paths; <see cref="ResourceKnown"/> is false when no path names it), and its schema.
/// </summary>
public sealed class KindInfo
{
    private readonly Func<string, SchemaNode?> _resolve;
    private readonly string _definition;

    internal KindInfo(string group, string version, string kind, string definition, string? plural, bool namespaced, Func<string, SchemaNode?> resolve)
    {
        Group = group;
        Version = version;
        Kind = kind;
        _definition = definition;
        Plural = plural;
        Namespaced = namespaced;
        _resolve = resolve;
    }

    /// <summary>API group; empty for the core group.</summary>
    public string Group { get; }

    public string Version { get; }

    public string Kind { get; }

    /// <summary><c>apiVersion</c> as written in manifests (<c>v1</c>, <c>apps/v1</c>).</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>REST resource (plural, lower case), e.g. <c>deployments</c>; null when the spec has no path for the kind.</summary>
    public string? Plural { get; }

    public bool ResourceKnown => Plural is not null;

    /// <summary>True for namespaced kinds (meaningful only when <see cref="ResourceKnown"/>).</summary>
    public bool Namespaced { get; }

    /// <summary>The kind's schema, decoded on first use.</summary>
    public SchemaNode? Schema => _resolve(_definition);

    public override string ToString() => ApiVersion + "/" + Kind;
}

namespace ManifestLint.Kustomize;

/// <summary>One resource of a build: its tree, and the names it had before prefixes, suffixes and hashes (for reference fix-up).</summary>
internal sealed class KResource(KMap root, NodeOrigin origin)
{
    public KMap Root { get; } = root;

    /// <summary>Where the resource as a whole came from (its file's first line, or the generator entry).</summary>
    public NodeOrigin Origin { get; } = origin;

    /// <summary>Earlier (name, namespace) pairs, oldest first.</summary>
    public List<(string Name, string Namespace)> History { get; } = [];

    /// <summary>Generated with a name suffix hash still to add (kustomize adds it once, at the top of the build).</summary>
    public bool NeedsHash { get; set; }

    /// <summary>Set on generated ConfigMaps and Secrets: kustomize's behavior rules apply to them.</summary>
    public bool Generated { get; set; }

    public string ApiVersion => Root.String("apiVersion") ?? string.Empty;

    public string Kind => Root.String("kind") ?? string.Empty;

    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    public string Version => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..] : ApiVersion;

    public KMap Metadata => Root.GetOrAddMap("metadata", Origin);

    public string Name => Root.Map("metadata")?.String("name") ?? string.Empty;

    public string Namespace => Root.Map("metadata")?.String("namespace") ?? string.Empty;

    /// <summary>Renames the resource, remembering the old name.</summary>
    public void Rename(string name, NodeOrigin origin)
    {
        Remember();
        var e = Metadata.Entry("name");
        Metadata.Set("name", name, origin.Over(e?.Origin, "name set here"));
    }

    public void Remember()
    {
        var current = (Name, Namespace);
        if (History.Count == 0 || History[^1] != current)
            History.Add(current);
    }

    /// <summary>Whether the resource is or was called <paramref name="name"/>.</summary>
    public bool HadName(string name) => Name == name || History.Any(h => h.Name == name);

    public KResource Clone()
    {
        var c = new KResource(Root.Clone(), Origin) { NeedsHash = NeedsHash, Generated = Generated };
        c.History.AddRange(History);
        return c;
    }
}

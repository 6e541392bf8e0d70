namespace ManifestLint.Kustomize;

/// <summary>
/// kustomize's field specs: slash-separated paths where <c>name[]</c> steps into every item of a list, limited to
/// kinds (and groups); with <c>create</c>, missing mappings on the way are made.
/// </summary>
internal static class FieldPaths
{
    /// <summary>Calls <paramref name="visit"/> with each mapping that holds the last path step, and that step's key.</summary>
    public static void Visit(KMap root, string path, bool create, NodeOrigin origin, Action<KMap, string> visit)
    {
        var parts = path.Split('/');
        Walk(root, parts, 0, create, origin, visit);
    }

    private static void Walk(KMap node, string[] parts, int i, bool create, NodeOrigin origin, Action<KMap, string> visit)
    {
        var part = parts[i];
        var isList = part.EndsWith("[]", StringComparison.Ordinal);
        var key = isList ? part[..^2] : part;
        if (i == parts.Length - 1 && !isList)
        {
            visit(node, key);
            return;
        }

        if (isList)
        {
            if (node[key] is not KList list)
                return;
            foreach (var item in list.Maps())
            {
                if (i == parts.Length - 1)
                    continue;
                Walk(item, parts, i + 1, create, origin, visit);
            }

            return;
        }

        if (node[key] is KMap child)
        {
            Walk(child, parts, i + 1, create, origin, visit);
        }
        else if (create && node[key] is null)
        {
            var made = new KMap();
            node.Set(key, made, origin);
            Walk(made, parts, i + 1, create, origin, visit);
        }
    }

    /// <summary>The pod spec paths of a workload kind (empty for others).</summary>
    public static string[] PodSpecs(string kind) => kind switch
    {
        "Pod" => ["spec"],
        "Deployment" or "ReplicaSet" or "DaemonSet" or "StatefulSet" or "Job" or "ReplicationController" => ["spec/template/spec"],
        "CronJob" => ["spec/jobTemplate/spec/template/spec"],
        _ => [],
    };

    public static IEnumerable<KMap> Maps(KMap root, string path)
    {
        var found = new List<KMap>();
        Visit(root, path, create: false, null!, (m, k) =>
        {
            if (m[k] is KMap v)
                found.Add(v);
        });
        return found;
    }
}

namespace ManifestLint.Kustomize;

/// <summary>
/// Strategic merge patches as kustomize applies them: mappings merge, <c>null</c> deletes, lists of the Kubernetes
/// types merge by their merge key (patch items first, in patch order, then the untouched items), other lists are
/// replaced; <c>$patch: delete</c> and <c>$patch: replace</c> on mappings and list items.
/// </summary>
internal static class StrategicMerge
{
    /// <summary>Applies <paramref name="patch"/> to the resource; returns false when the patch deletes it.</summary>
    public static bool Apply(KResource target, KMap patch, bool builtIn)
    {
        if (Directive(patch) == "delete")
            return false;
        Merge(target.Root, patch, builtIn, target.Origin, isRoot: true);
        return true;
    }

    private static string? Directive(KMap m) => m.String("$patch");

    private static void Merge(KMap dst, KMap patch, bool builtIn, NodeOrigin? parent, bool isRoot = false)
    {
        if (Directive(patch) == "replace")
        {
            dst.Entries.Clear();
            foreach (var e in patch.Entries.Where(e => !e.Key.StartsWith('$')))
                dst.Set(e.Key, KNode.Clone(e.Value), e.Origin);
            return;
        }

        foreach (var e in patch.Entries)
        {
            if (e.Key.StartsWith('$'))
                continue;
            if (isRoot && e.Key is "apiVersion" or "kind")
                continue;
            var existing = dst.Entry(e.Key);
            var over = e.Origin?.Over(existing?.Origin ?? parent, existing is null ? "patched resource defined here" : "base value set here");
            switch (e.Value)
            {
                case null:
                    dst.Remove(e.Key);
                    break;
                case KMap pm when Directive(pm) == "delete":
                    dst.Remove(e.Key);
                    break;
                case KMap pm when existing?.Value is KMap dm:
                    Merge(dm, pm, builtIn, existing.Origin);
                    break;
                case KMap pm:
                    {
                        var fresh = new KMap();
                        Merge(fresh, pm, builtIn, over);
                        dst.Set(e.Key, fresh, over);
                        break;
                    }

                case KList pl when existing?.Value is KList dl && builtIn && MergeKey(e.Key, pl, dl) is { } key:
                    MergeList(dl, pl, key, builtIn, existing.Origin);
                    break;
                case KList pl:
                    {
                        var copy = pl.Clone();
                        StripDirectives(copy);
                        dst.Set(e.Key, copy, over);
                        break;
                    }

                default:
                    // A patch repeating a value (a merge key such as a container's name) leaves it where it was set.
                    if (existing is not null && existing.Value is not (KMap or KList) && KNode.ScalarEquals(existing.Value, e.Value))
                        break;
                    dst.Set(e.Key, e.Value, over);
                    break;
            }
        }
    }

    private static void StripDirectives(object? value)
    {
        switch (value)
        {
            case KMap m:
                m.Entries.RemoveAll(e => e.Key.StartsWith('$'));
                foreach (var e in m.Entries)
                    StripDirectives(e.Value);
                break;
            case KList l:
                l.Items.RemoveAll(i => i.Value is KMap im && Directive(im) == "delete");
                foreach (var i in l.Items)
                    StripDirectives(i.Value);
                break;
        }
    }

    /// <summary>The merge key of a Kubernetes list field (by field name; <c>ports</c> of containers and of Services differ).</summary>
    private static string? MergeKey(string field, KList patch, KList dst)
    {
        var key = field switch
        {
            "containers" or "initContainers" or "ephemeralContainers" or "env" or "volumes" or "imagePullSecrets"
                or "resourceClaims" or "hostAliases" => field == "hostAliases" ? "ip" : "name",
            "volumeMounts" => "mountPath",
            "volumeDevices" => "devicePath",
            "topologySpreadConstraints" => "topologyKey",
            "conditions" => "type",
            "ports" => patch.Maps().Concat(dst.Maps()).Any(m => m.Entry("containerPort") is not null) ? "containerPort" : "port",
            _ => null,
        };
        return key is not null && patch.Items.All(i => i.Value is KMap) && dst.Items.All(i => i.Value is KMap) ? key : null;
    }

    private static void MergeList(KList dst, KList patch, string key, bool builtIn, NodeOrigin? parent)
    {
        var remaining = dst.Items.ToList();
        var result = new List<KItem>();
        foreach (var item in patch.Items)
        {
            var pm = (KMap)item.Value!;
            var id = pm[key];
            var match = remaining.FirstOrDefault(d => d.Value is KMap dm && KNode.ScalarEquals(dm[key], id));
            if (Directive(pm) == "delete")
            {
                if (match is not null)
                    remaining.Remove(match);
                continue;
            }

            if (match is not null)
            {
                remaining.Remove(match);
                if (Directive(pm) == "replace")
                {
                    // kustomize (kyaml's merge) leaves a list item untouched when its patch says $patch: replace.
                    result.Add(match);
                }
                else
                {
                    Merge((KMap)match.Value!, pm, builtIn, match.Origin);
                    result.Add(match);
                }
            }
            else
            {
                var fresh = new KMap();
                Merge(fresh, pm, builtIn, item.Origin?.Over(parent, "patched resource defined here"));
                result.Add(new KItem(fresh, item.Origin?.Over(parent, "patched resource defined here")));
            }
        }

        dst.Items.Clear();
        dst.Items.AddRange(result);
        dst.Items.AddRange(remaining);
    }
}

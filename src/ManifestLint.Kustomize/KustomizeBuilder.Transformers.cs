using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>The built-in transformers, in the order kustomize runs them.</summary>
public sealed partial class KustomizeBuilder
{
    private static readonly HashSet<string> ClusterScoped = new(StringComparer.Ordinal)
    {
        "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass",
        "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "CSIDriver",
        "CSINode", "IngressClass", "RuntimeClass", "Node", "PodSecurityPolicy", "VolumeAttachment",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "ComponentStatus", "CertificateSigningRequest",
        "FlowSchema", "PriorityLevelConfiguration",
    };

    private void Transform(KustomizationFile k, List<KResource> resources)
    {
        foreach (var item in PatchEntries(k, "patchesStrategicMerge"))
            ApplyPatch(k, item.Path, item.Inline, null, item.At, resources, smpOnly: true);
        foreach (var p in Mappings(k, "patches"))
            ApplyPatch(k, p.GetScalar("path"), p.GetScalar("patch"), p.GetMapping("target"), p.Span, resources, smpOnly: false);
        Namespace(k, resources);
        PrefixSuffix(k, resources);
        Labels(k, resources);
        Annotations(k, resources);
        foreach (var p in Mappings(k, "patchesJson6902"))
        {
            var target = p.GetMapping("target") ?? throw new KustomizeException(p.Span, "a patchesJson6902 entry needs a 'target'");
            ApplyPatch(k, p.GetScalar("path"), p.GetScalar("patch"), target, p.Span, resources, smpOnly: false);
        }

        Replicas(k, resources);
        Images(k, resources);
        Replacements.Apply(this, k, resources);
    }

    /// <summary>patchesStrategicMerge items: a file path, or an inline patch when the text spans lines or looks like YAML.</summary>
    private static IEnumerable<(YamlScalar? Path, YamlScalar? Inline, SourceSpan At)> PatchEntries(KustomizationFile k, string key)
    {
        foreach (var s in Strings(k, key))
        {
            var inline = s.Text.Contains('\n', StringComparison.Ordinal) || s.Text.Contains(": ", StringComparison.Ordinal);
            yield return inline ? (null, s, s.Span) : (s, null, s.Span);
        }
    }

    private void ApplyPatch(KustomizationFile k, YamlScalar? path, YamlScalar? inline, YamlMapping? target, SourceSpan at, List<KResource> resources, bool smpOnly)
    {
        var load = LoadPatchText(k, path, inline, at);
        if (load.Problems.FirstOrDefault() is { } problem)
            throw new KustomizeException(problem.Span, "invalid patch: " + problem.Message);
        var selector = target is null ? null : ResourceSelector.From(target);
        foreach (var doc in load.Documents)
        {
            if (doc.Root is null)
                continue;
            var patchAt = doc.Root.Span;
            var value = KYaml.From(doc.Root);
            if (value is KList ops && !smpOnly)
            {
                if (selector is null)
                    throw new KustomizeException(at, "a JSON 6902 patch needs a 'target'");
                var matched = resources.Where(selector.Matches).ToList();
                if (matched.Count == 0 && target!.GetString("name") is null)
                    continue;
                foreach (var r in matched)
                    JsonPatch.Apply(r, ops, patchAt);
                continue;
            }

            if (value is not KMap patch)
                throw new KustomizeException(patchAt, "invalid patch: expected a mapping (strategic merge) or a list of operations (JSON 6902)");
            List<KResource> targets;
            if (selector is not null)
            {
                targets = [.. resources.Where(selector.Matches)];
            }
            else
            {
                var probe = new KResource(patch, KYaml.OriginOf(doc.Root));
                if (probe.Kind.Length == 0 || probe.Name.Length == 0)
                    throw new KustomizeException(patchAt, "invalid patch: a strategic merge patch without 'target' needs kind and metadata.name");
                targets = [.. resources.Where(r => r.Kind == probe.Kind && r.HadName(probe.Name) && (probe.Namespace.Length == 0 || r.Namespace == probe.Namespace || r.History.Any(h => h.Namespace == probe.Namespace)))];
                if (targets.Count == 0)
                    throw new KustomizeException(patchAt, $"no resource matches strategic merge patch {probe.Kind}/{probe.Name}");
            }

            foreach (var r in targets)
            {
                var copy = patch.Clone();
                if (selector is not null)
                {
                    // With a target, the patch's own name does not rename what it patches.
                    if (copy.Map("metadata") is { } pm)
                    {
                        pm.Remove("name");
                        pm.Remove("namespace");
                    }
                }

                if (!StrategicMerge.Apply(r, copy, IsBuiltIn(r)))
                    resources.Remove(r);
            }
        }
    }

    internal static bool IsBuiltIn(KResource r) =>
        r.Group.Length == 0 || !r.Group.Contains('.', StringComparison.Ordinal) || r.Group.EndsWith(".k8s.io", StringComparison.Ordinal);

    private static void Namespace(KustomizationFile k, List<KResource> resources)
    {
        if (k.Root.GetEntry("namespace") is not { } entry || entry.Value is not YamlScalar { IsNull: false } s || s.Text.Length == 0)
            return;
        var ns = s.Text;
        var origin = KYaml.OriginOf(entry);
        foreach (var r in resources)
        {
            if (ClusterScoped.Contains(r.Kind) || r.Namespace == ns)
                continue;
            r.Remember();
            r.Metadata.Set("namespace", ns, origin.Over(r.Metadata.Entry("namespace")?.Origin, "base value set here"));
        }
    }

    private static void PrefixSuffix(KustomizationFile k, List<KResource> resources)
    {
        var prefix = k.Root.GetEntry("namePrefix");
        var suffix = k.Root.GetEntry("nameSuffix");
        var p = prefix?.Value is YamlScalar { IsNull: false } ps ? ps.Text : string.Empty;
        var x = suffix?.Value is YamlScalar { IsNull: false } ss ? ss.Text : string.Empty;
        if (p.Length == 0 && x.Length == 0)
            return;
        var origin = KYaml.OriginOf(p.Length > 0 ? prefix!.Value : suffix!.Value);
        foreach (var r in resources)
        {
            if (r.Kind is "Namespace" or "CustomResourceDefinition" || r.Name.Length == 0)
                continue;
            r.Rename(p + r.Name + x, origin);
        }
    }

    /// <summary>Where commonLabels (and labels with includeSelectors) go besides metadata.labels: kind, path, create.</summary>
    private static readonly (string Kind, string Path, bool Create, bool Template)[] SelectorPaths =
    [
        ("Service", "spec/selector", true, false),
        ("ReplicationController", "spec/selector", true, false),
        ("ReplicationController", "spec/template/metadata/labels", true, true),
        ("Deployment", "spec/selector/matchLabels", true, false),
        ("Deployment", "spec/template/metadata/labels", true, true),
        ("ReplicaSet", "spec/selector/matchLabels", true, false),
        ("ReplicaSet", "spec/template/metadata/labels", true, true),
        ("DaemonSet", "spec/selector/matchLabels", true, false),
        ("DaemonSet", "spec/template/metadata/labels", true, true),
        ("StatefulSet", "spec/selector/matchLabels", true, false),
        ("StatefulSet", "spec/template/metadata/labels", true, true),
        ("StatefulSet", "spec/volumeClaimTemplates[]/metadata/labels", true, true),
        ("Job", "spec/selector/matchLabels", false, false),
        ("Job", "spec/template/metadata/labels", true, true),
        ("CronJob", "spec/jobTemplate/spec/selector/matchLabels", false, false),
        ("CronJob", "spec/jobTemplate/metadata/labels", true, true),
        ("CronJob", "spec/jobTemplate/spec/template/metadata/labels", true, true),
        ("PodDisruptionBudget", "spec/selector/matchLabels", false, false),
        ("NetworkPolicy", "spec/podSelector/matchLabels", false, false),
        ("NetworkPolicy", "spec/ingress[]/from[]/podSelector/matchLabels", false, false),
        ("NetworkPolicy", "spec/egress[]/to[]/podSelector/matchLabels", false, false),
    ];

    private static void Labels(KustomizationFile k, List<KResource> resources)
    {
        if (k.Root.GetMapping("commonLabels") is { } common)
            AddLabels(resources, common, selectors: true, templates: true);
        foreach (var l in Mappings(k, "labels"))
        {
            if (l.GetSequence("fields") is not null)
                throw new KustomizeException(l.GetKey("fields")!.Span, "labels 'fields' is not supported by this offline build", unsupported: true);
            if (l.GetMapping("pairs") is not { } pairs)
                continue;
            var selectors = l.GetScalar("includeSelectors")?.Text == "true";
            var templates = selectors || l.GetScalar("includeTemplates")?.Text == "true";
            AddLabels(resources, pairs, selectors, templates);
        }
    }

    private static void AddLabels(List<KResource> resources, YamlMapping pairs, bool selectors, bool templates)
    {
        foreach (var pair in pairs.Entries)
        {
            var value = StringValue(pair);
            var origin = KYaml.OriginOf(pair);
            foreach (var r in resources)
            {
                SetIn(r.Root, "metadata/labels", true, pair.Key.Text, value, origin, r.Origin);
                foreach (var (kind, path, create, template) in SelectorPaths)
                {
                    if (kind != r.Kind || (template ? !templates : !selectors))
                        continue;
                    SetIn(r.Root, path, create, pair.Key.Text, value, origin, r.Origin);
                }
            }
        }
    }

    private static void SetIn(KMap root, string path, bool create, string key, object? value, NodeOrigin origin, NodeOrigin resourceOrigin)
    {
        FieldPaths.Visit(root, path, create, origin, (holder, last) =>
        {
            if (holder[last] is not KMap target)
            {
                if (!create || holder.Entry(last) is { Value: not null })
                    return;
                target = new KMap();
                holder.Set(last, target, origin);
            }

            target.Set(key, value, origin.Over(target.Entry(key)?.Origin ?? resourceOrigin, target.Entry(key) is null ? "resource defined here" : "base value set here"));
        });
    }

    private static readonly (string Kind, string Path)[] TemplateAnnotationPaths =
    [
        ("Deployment", "spec/template/metadata/annotations"),
        ("ReplicaSet", "spec/template/metadata/annotations"),
        ("DaemonSet", "spec/template/metadata/annotations"),
        ("StatefulSet", "spec/template/metadata/annotations"),
        ("Job", "spec/template/metadata/annotations"),
        ("ReplicationController", "spec/template/metadata/annotations"),
        ("CronJob", "spec/jobTemplate/metadata/annotations"),
        ("CronJob", "spec/jobTemplate/spec/template/metadata/annotations"),
    ];

    private static void Annotations(KustomizationFile k, List<KResource> resources)
    {
        if (k.Root.GetMapping("commonAnnotations") is not { } common)
            return;
        foreach (var pair in common.Entries)
        {
            var value = StringValue(pair);
            var origin = KYaml.OriginOf(pair);
            foreach (var r in resources)
            {
                SetIn(r.Root, "metadata/annotations", true, pair.Key.Text, value, origin, r.Origin);
                foreach (var (kind, path) in TemplateAnnotationPaths)
                {
                    if (kind == r.Kind)
                        SetIn(r.Root, path, true, pair.Key.Text, value, origin, r.Origin);
                }
            }
        }
    }

    /// <summary>A label or annotation value: kustomize's Go struct takes strings only (an unquoted number or boolean is an error).</summary>
    private static string StringValue(YamlEntry pair) => KYaml.From(pair.Value) switch
    {
        string s => s,
        null => string.Empty,
        var other => throw new KustomizeException(pair.Value.Span, $"invalid kustomization: the value of '{pair.Key.Text}' is a {(other is bool ? "boolean" : other is KMap or KList ? "collection" : "number")}, not a string; quote it"),
    };

    private static void Replicas(KustomizationFile k, List<KResource> resources)
    {
        foreach (var rep in Mappings(k, "replicas"))
        {
            var name = rep.GetString("name") ?? throw new KustomizeException(rep.Span, "a replicas entry needs a 'name'");
            if (rep.GetScalar("count") is not { } countNode || KYaml.Scalar(countNode) is not long count)
                throw new KustomizeException(rep.Span, "a replicas entry needs an integer 'count'");
            var origin = KYaml.OriginOf(rep.GetEntry("count")!.Value);
            foreach (var r in resources)
            {
                if (r.Kind is not ("Deployment" or "ReplicaSet" or "StatefulSet" or "ReplicationController") || !r.HadName(name))
                    continue;
                var spec = r.Root.GetOrAddMap("spec", origin);
                spec.Set("replicas", count, origin.Over(spec.Entry("replicas")?.Origin, "base value set here"));
            }
        }
    }

    private static void Images(KustomizationFile k, List<KResource> resources)
    {
        var images = Mappings(k, "images").ToList();
        if (images.Count == 0)
            return;
        foreach (var r in resources)
            VisitContainers(r.Root, images);
    }

    private static void VisitContainers(object? node, List<YamlMapping> images)
    {
        switch (node)
        {
            case KMap m:
                foreach (var e in m.Entries)
                {
                    if (e.Key is "containers" or "initContainers" or "ephemeralContainers" && e.Value is KList list)
                    {
                        foreach (var c in list.Maps())
                            SetImage(c, images);
                    }

                    VisitContainers(e.Value, images);
                }

                break;
            case KList l:
                foreach (var i in l.Items)
                    VisitContainers(i.Value, images);
                break;
        }
    }

    private static void SetImage(KMap container, List<YamlMapping> images)
    {
        if (container.Entry("image") is not { Value: string image } entry)
            return;
        var (name, tag, digest) = SplitImage(image);
        foreach (var spec in images)
        {
            if (spec.GetString("name") != name)
                continue;
            var newName = spec.GetString("newName") ?? name;
            var newTag = spec.GetScalar("newTag") is { IsNull: false } t ? KNode.ScalarText(KYaml.From(t)) : null;
            var newDigest = spec.GetString("digest");
            string result;
            if (newDigest is not null)
                result = newName + "@" + newDigest;
            else if (newTag is not null)
                result = newName + ":" + newTag;
            else
                result = newName + (digest is not null ? "@" + digest : tag is not null ? ":" + tag : string.Empty);
            var at = (spec.GetEntry("newTag") ?? spec.GetEntry("digest") ?? spec.GetEntry("newName") ?? spec.GetEntry("name"))!.Value;
            entry.Value = result;
            entry.Origin = KYaml.OriginOf(at).Over(entry.Origin, "base value set here");
            return;
        }
    }

    /// <summary>kustomize's split of an image reference into name, tag and digest.</summary>
    internal static (string Name, string? Tag, string? Digest) SplitImage(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = image[(at + 1)..];
            image = image[..at];
        }

        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        if (colon > slash)
            return (image[..colon], image[(colon + 1)..], digest);
        return (image, null, digest);
    }
}

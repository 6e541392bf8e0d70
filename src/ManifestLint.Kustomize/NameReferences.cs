namespace ManifestLint.Kustomize;

/// <summary>
/// kustomize's name reference fix-up, run once at the top of the build: a field that names a ConfigMap, Secret,
/// ServiceAccount, PersistentVolumeClaim, Service, Role or workload by an earlier name of that resource (before a
/// prefix, suffix or hash) gets the current name.
/// </summary>
internal static class NameReferences
{
    // Referenced kind, referrer kinds ("*" for every pod-spec holder), path below the referrer (or below its pod spec when it starts with "~/").
    private static readonly (string Kind, string Referrer, string Path)[] Fields =
    [
        ("ConfigMap", "*", "~/volumes[]/configMap/name"),
        ("ConfigMap", "*", "~/volumes[]/projected/sources[]/configMap/name"),
        ("ConfigMap", "*", "~/containers[]/env[]/valueFrom/configMapKeyRef/name"),
        ("ConfigMap", "*", "~/initContainers[]/env[]/valueFrom/configMapKeyRef/name"),
        ("ConfigMap", "*", "~/containers[]/envFrom[]/configMapRef/name"),
        ("ConfigMap", "*", "~/initContainers[]/envFrom[]/configMapRef/name"),
        ("Secret", "*", "~/volumes[]/secret/secretName"),
        ("Secret", "*", "~/volumes[]/projected/sources[]/secret/name"),
        ("Secret", "*", "~/containers[]/env[]/valueFrom/secretKeyRef/name"),
        ("Secret", "*", "~/initContainers[]/env[]/valueFrom/secretKeyRef/name"),
        ("Secret", "*", "~/containers[]/envFrom[]/secretRef/name"),
        ("Secret", "*", "~/initContainers[]/envFrom[]/secretRef/name"),
        ("Secret", "*", "~/imagePullSecrets[]/name"),
        ("Secret", "ServiceAccount", "imagePullSecrets[]/name"),
        ("Secret", "ServiceAccount", "secrets[]/name"),
        ("Secret", "Ingress", "spec/tls[]/secretName"),
        ("ServiceAccount", "*", "~/serviceAccountName"),
        ("PersistentVolumeClaim", "*", "~/volumes[]/persistentVolumeClaim/claimName"),
        ("Service", "Ingress", "spec/rules[]/http/paths[]/backend/service/name"),
        ("Service", "Ingress", "spec/defaultBackend/service/name"),
        ("Service", "StatefulSet", "spec/serviceName"),
        ("Deployment", "HorizontalPodAutoscaler", "spec/scaleTargetRef/name"),
        ("StatefulSet", "HorizontalPodAutoscaler", "spec/scaleTargetRef/name"),
        ("PriorityClass", "*", "~/priorityClassName"),
        ("Service", "ValidatingWebhookConfiguration", "webhooks[]/clientConfig/service/name"),
        ("Service", "MutatingWebhookConfiguration", "webhooks[]/clientConfig/service/name"),
    ];

    public static void Fix(List<KResource> resources)
    {
        foreach (var referrer in resources)
        {
            foreach (var (kind, who, path) in Fields)
            {
                string[] paths;
                if (who == "*")
                    paths = [.. FieldPaths.PodSpecs(referrer.Kind).Select(p => p + path[1..])];
                else if (who == referrer.Kind)
                    paths = [path];
                else
                    continue;
                foreach (var p in paths)
                    FieldPaths.Visit(referrer.Root, p, create: false, null!, (holder, key) => Rename(holder, key, kind, referrer, resources, holder.String("namespace"), withNamespace: holder.Entry("namespace") is not null));
            }

            if (referrer.Kind is "RoleBinding" or "ClusterRoleBinding")
            {
                if (referrer.Root.Map("roleRef") is { } roleRef && roleRef.String("kind") is { } roleKind)
                    Rename(roleRef, "name", roleKind, referrer, resources);
                if (referrer.Root.List("subjects") is { } subjects)
                {
                    foreach (var s in subjects.Maps())
                    {
                        if (s.String("kind") == "ServiceAccount")
                            Rename(s, "name", "ServiceAccount", referrer, resources, s.String("namespace") ?? string.Empty, withNamespace: true);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Points the reference at the resource that had its name. A reference that names its own namespace (RoleBinding
    /// subjects, webhook services) matches the resource's earlier namespace, with "" and "default" alike, and follows
    /// the resource into its new namespace.
    /// </summary>
    private static void Rename(KMap holder, string key, string kind, KResource referrer, List<KResource> resources, string? inNamespace = null, bool withNamespace = false)
    {
        if (holder.Entry(key) is not { Value: string name } entry)
            return;
        var ns = inNamespace ?? referrer.Namespace;
        static bool SameNamespace(string a, string b) => a == b || (a is "" or "default" && b is "" or "default");
        var candidates = resources.Where(r => r.Kind == kind && (r.Name == name || r.History.Any(h => h.Name == name))).ToList();
        if (candidates.Count == 0)
            return;
        List<KResource> target;
        if (withNamespace)
        {
            target = [.. candidates.Where(c => (c.Name == name && SameNamespace(c.Namespace, ns)) || c.History.Any(h => h.Name == name && SameNamespace(h.Namespace, ns)))];
        }
        else
        {
            if (candidates.Any(c => c.Name == name && c.Namespace == ns))
                return;
            target = [.. candidates.Where(c => c.Namespace == ns || c.History.Any(h => h.Namespace == ns && h.Name == name))];
            if (target.Count == 0 && candidates.Count == 1 && kind is "ClusterRole" or "PriorityClass")
                target = candidates;
        }

        if (target.Count != 1)
            return;
        entry.Value = target[0].Name;
        if (withNamespace && target[0].Namespace.Length > 0 && holder.String("namespace") != target[0].Namespace)
            holder.Set("namespace", target[0].Namespace, holder.Entry("namespace")?.Origin ?? entry.Origin);
    }
}

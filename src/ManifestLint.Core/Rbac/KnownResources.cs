using System.Collections.Frozen;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// Facts about built-in API resources (plural names, as RBAC rules name them) that RBAC decisions depend on:
/// which are cluster-scoped (a RoleBinding can never grant them, and a request for them has no namespace).
/// </summary>
public static class KnownResources
{
    private static readonly FrozenSet<string> ClusterScoped = new[]
    {
        "apiservices", "certificatesigningrequests", "clusterrolebindings", "clusterroles", "clustertrustbundles",
        "componentstatuses", "csidrivers", "csinodes", "customresourcedefinitions", "deviceclasses", "flowschemas",
        "ingressclasses", "ipaddresses", "mutatingwebhookconfigurations", "namespaces", "nodes", "persistentvolumes",
        "podsecuritypolicies", "priorityclasses", "prioritylevelconfigurations", "resourceslices", "runtimeclasses",
        "selfsubjectaccessreviews", "selfsubjectreviews", "selfsubjectrulesreviews", "servicecidrs", "storageclasses",
        "subjectaccessreviews", "tokenreviews", "validatingadmissionpolicies", "validatingadmissionpolicybindings",
        "validatingwebhookconfigurations", "volumeattachments",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Groups = new (string Key, string Value)[]
    {
        ("controllerrevisions", "apps"), ("daemonsets", "apps"), ("deployments", "apps"), ("replicasets", "apps"), ("statefulsets", "apps"),
        ("cronjobs", "batch"), ("jobs", "batch"),
        ("horizontalpodautoscalers", "autoscaling"), ("poddisruptionbudgets", "policy"),
        ("clusterrolebindings", "rbac.authorization.k8s.io"), ("clusterroles", "rbac.authorization.k8s.io"),
        ("rolebindings", "rbac.authorization.k8s.io"), ("roles", "rbac.authorization.k8s.io"),
        ("ingressclasses", "networking.k8s.io"), ("ingresses", "networking.k8s.io"), ("networkpolicies", "networking.k8s.io"),
        ("mutatingwebhookconfigurations", "admissionregistration.k8s.io"), ("validatingwebhookconfigurations", "admissionregistration.k8s.io"),
        ("validatingadmissionpolicies", "admissionregistration.k8s.io"), ("validatingadmissionpolicybindings", "admissionregistration.k8s.io"),
        ("certificatesigningrequests", "certificates.k8s.io"), ("customresourcedefinitions", "apiextensions.k8s.io"),
        ("apiservices", "apiregistration.k8s.io"), ("leases", "coordination.k8s.io"), ("endpointslices", "discovery.k8s.io"),
        ("priorityclasses", "scheduling.k8s.io"), ("runtimeclasses", "node.k8s.io"),
        ("csidrivers", "storage.k8s.io"), ("csinodes", "storage.k8s.io"), ("storageclasses", "storage.k8s.io"), ("volumeattachments", "storage.k8s.io"),
        ("tokenreviews", "authentication.k8s.io"), ("selfsubjectreviews", "authentication.k8s.io"),
        ("subjectaccessreviews", "authorization.k8s.io"), ("selfsubjectaccessreviews", "authorization.k8s.io"),
        ("selfsubjectrulesreviews", "authorization.k8s.io"), ("localsubjectaccessreviews", "authorization.k8s.io"),
        ("flowschemas", "flowcontrol.apiserver.k8s.io"), ("prioritylevelconfigurations", "flowcontrol.apiserver.k8s.io"),
    }.ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ShortNames = new (string Key, string Value)[]
    {
        ("cm", "configmaps"), ("cj", "cronjobs"), ("crd", "customresourcedefinitions"), ("crds", "customresourcedefinitions"),
        ("csr", "certificatesigningrequests"), ("deploy", "deployments"), ("ds", "daemonsets"), ("ep", "endpoints"),
        ("ev", "events"), ("hpa", "horizontalpodautoscalers"), ("ing", "ingresses"), ("netpol", "networkpolicies"),
        ("no", "nodes"), ("ns", "namespaces"), ("pdb", "poddisruptionbudgets"), ("po", "pods"), ("pv", "persistentvolumes"),
        ("pvc", "persistentvolumeclaims"), ("rc", "replicationcontrollers"), ("rs", "replicasets"), ("sa", "serviceaccounts"),
        ("sc", "storageclasses"), ("sts", "statefulsets"), ("svc", "services"),
    }.ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>
    /// Reads a resource as <c>kubectl auth can-i</c> takes it without API discovery: a plural, a short name
    /// (<c>deploy</c>) or <c>plural.group</c>; a built-in plural gets its API group, anything else the core group.
    /// </summary>
    public static (string Resource, string Group) Resolve(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
            return (text[..dot], text[(dot + 1)..]);
        var plural = ShortNames.GetValueOrDefault(text, text);
        return (plural, Groups.GetValueOrDefault(plural, string.Empty));
    }

    /// <summary>True for built-in cluster-scoped resources (subresources follow their resource: <c>nodes/proxy</c>).</summary>
    public static bool IsClusterScoped(string resource)
    {
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return ClusterScoped.Contains(slash < 0 ? resource : resource[..slash]);
    }
}

namespace ManifestLint.Kustomize;

/// <summary>
/// kustomize's default output order ("legacy"): kinds listed first in their order, kinds listed last after all others,
/// then by group/version/kind text, then by namespace and name (an empty part sorts after every other, as its
/// placeholders <c>~G</c>, <c>~V</c>, <c>~X</c> do). The sort is stable.
/// </summary>
internal static class LegacyOrder
{
    private static readonly string[] First =
    [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
        "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service",
        "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet",
        "CronJob", "PodDisruptionBudget",
    ];

    private static readonly string[] Last = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

    public static List<KResource> Sort(IEnumerable<KResource> resources) =>
        [.. resources.Select((r, i) => (r, i)).OrderBy(x => x.r, Comparer<KResource>.Create(Compare)).ThenBy(x => x.i).Select(x => x.r)];

    private static int Rank(string kind)
    {
        var f = Array.IndexOf(First, kind);
        if (f >= 0)
            return f - First.Length;
        var l = Array.IndexOf(Last, kind);
        return l >= 0 ? l + 1 : 0;
    }

    private static int Compare(KResource a, KResource b)
    {
        var c = Rank(a.Kind).CompareTo(Rank(b.Kind));
        if (c != 0)
            return c;
        c = string.CompareOrdinal(Gvk(a), Gvk(b));
        if (c != 0)
            return c;
        return string.CompareOrdinal(Id(a), Id(b));
    }

    private static string Or(string s, string placeholder) => s.Length == 0 ? placeholder : s;

    private static string Gvk(KResource r) => Or(r.Group, "~G") + "_" + Or(r.Version, "~V") + "_" + Or(r.Kind, "~K");

    private static string Id(KResource r) => Gvk(r) + "|" + Or(r.Namespace, "~X") + "|" + Or(r.Name, "~N");
}

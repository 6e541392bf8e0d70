using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.ServiceAccounts;

/// <summary>
/// Whether a pod gets an API token mounted, with Kubernetes' precedence: the pod's
/// <c>automountServiceAccountToken</c> wins; when it is not set, the ServiceAccount's setting applies;
/// when neither opts out, the token is mounted.
/// </summary>
internal sealed record TokenAutomount(bool Mounted, YamlScalar? PodSetting, Resource? ServiceAccount)
{
    public static TokenAutomount Of(ResourceGraph graph, PodTemplateView pod)
    {
        var podSetting = pod.Spec.GetScalar("automountServiceAccountToken");
        var account = ServiceAccountOf(graph, pod);
        if (podSetting is { } s && s.AsBool() is { } explicitValue)
            return new TokenAutomount(explicitValue, podSetting, account);
        var accountOptsOut = account?.Root.GetScalar("automountServiceAccountToken") is { IsFalse: true };
        return new TokenAutomount(!accountOptsOut, podSetting, account);
    }

    /// <summary>The pod's ServiceAccount object when the input defines it (an index lookup, not a scan).</summary>
    public static Resource? ServiceAccountOf(ResourceGraph graph, PodTemplateView pod) =>
        pod.Namespace is { } ns && graph.Get(new ResourceKey(string.Empty, "ServiceAccount", ns, pod.ServiceAccountName)) is [var first, ..]
            ? first
            : null;
}

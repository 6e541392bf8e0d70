using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Network;

internal static class NetworkReferences
{
    public static RuleReference NetworkPolicies { get; } =
        new("Kubernetes: Network Policies", "https://kubernetes.io/docs/concepts/services-networking/network-policies/");

    public static RuleReference DefaultPolicies { get; } =
        new("Kubernetes: Default policies", "https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies");

    /// <summary>Namespaces Kubernetes creates; their policies are the platform's business.</summary>
    public static bool IsSystemNamespace(string @namespace) => @namespace is "kube-system" or "kube-public" or "kube-node-lease";
}

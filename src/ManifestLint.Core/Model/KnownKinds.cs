using System.Collections.Frozen;

namespace ManifestLint.Core.Model;

/// <summary>Facts about kinds that do not depend on a cluster: which are cluster-scoped, which carry pod templates.</summary>
public static class KnownKinds
{
    private static readonly FrozenSet<string> ClusterScoped = new[]
    {
        "APIService", "CertificateSigningRequest", "ClusterIssuer", "ClusterPolicy", "ClusterRole", "ClusterRoleBinding",
        "ComponentStatus", "CSIDriver", "CSINode", "CustomResourceDefinition", "FlowSchema", "GatewayClass", "IngressClass",
        "MutatingWebhookConfiguration", "Namespace", "Node", "PersistentVolume", "PodSecurityPolicy", "PriorityClass",
        "PriorityLevelConfiguration", "RuntimeClass", "StorageClass", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration", "VolumeAttachment", "CiliumClusterwideNetworkPolicy",
        "GlobalNetworkPolicy", "ClusterIssuer",
        // Configuration files that are not API objects; they have no namespace.
        "ClusterConfiguration", "InitConfiguration", "JoinConfiguration", "KubeletConfiguration", "KubeProxyConfiguration",
        "EncryptionConfiguration", "AdmissionConfiguration",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for kinds that are not namespaced. The audit <c>Policy</c> kind counts only in its own group.</summary>
    public static bool IsClusterScoped(string group, string kind) =>
        ClusterScoped.Contains(kind) || (kind == "Policy" && group == "audit.k8s.io");

    /// <summary>True for <c>List</c> and <c>*List</c> kinds whose <c>items</c> are objects.</summary>
    public static bool IsList(string kind) => kind.EndsWith("List", StringComparison.Ordinal);
}

using System.Collections.Immutable;

namespace ManifestLint.Helm;

/// <summary>Defaults Helm builds into its binary.</summary>
public static class HelmDefaults
{
    /// <summary>
    /// The kind order Helm 3 installs (and <c>helm template</c> prints) manifests in; other kinds follow, by name.
    /// Helm 3.17 ends the list at APIService, so webhook configurations sort among the other kinds by name
    /// (ServiceMonitor before ValidatingWebhookConfiguration); Helm 4 appends them: <see cref="InstallOrderHelm4"/>.
    /// </summary>
    public static ImmutableArray<string> InstallOrder { get; } =
    [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
        "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
    ];

    /// <summary>Helm 4's install order: Helm 3's, then MutatingWebhookConfiguration and ValidatingWebhookConfiguration (seen with helm v4.1.4).</summary>
    public static ImmutableArray<string> InstallOrderHelm4 { get; } = [.. InstallOrder, "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

    /// <summary>
    /// Helm's default <c>.Capabilities.APIVersions</c> under <c>helm template</c>: every group/version registered in
    /// the client-go scheme Helm is built with (client-go v0.36 for Kubernetes 1.36), in registration order, then the
    /// two apiextensions versions Helm registers itself. Group/versions only: without a cluster Helm lists no kinds,
    /// so <c>Has "policy/v1/PodDisruptionBudget"</c> is false unless <c>--api-versions</c> adds it.
    /// Source: k8s.io/client-go kubernetes/scheme/register.go and Helm's pkg/chartutil/capabilities.go.
    /// </summary>
    public static ImmutableArray<string> ApiVersions { get; } =
    [
        "v1",
        "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1", "admissionregistration.k8s.io/v1beta1",
        "internal.apiserver.k8s.io/v1alpha1",
        "apps/v1", "apps/v1beta1", "apps/v1beta2",
        "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1",
        "autoscaling/v1", "autoscaling/v2",
        "batch/v1", "batch/v1beta1",
        "certificates.k8s.io/v1", "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1alpha1",
        "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1",
        "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1",
        "events.k8s.io/v1", "events.k8s.io/v1beta1",
        "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta3",
        "networking.k8s.io/v1", "networking.k8s.io/v1beta1",
        "node.k8s.io/v1", "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1",
        "policy/v1", "policy/v1beta1",
        "rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1",
        "resource.k8s.io/v1", "resource.k8s.io/v1alpha3", "resource.k8s.io/v1beta1", "resource.k8s.io/v1beta2",
        "scheduling.k8s.io/v1alpha2", "scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1",
        "storage.k8s.io/v1beta1", "storage.k8s.io/v1", "storage.k8s.io/v1alpha1",
        "storagemigration.k8s.io/v1beta1",
        "apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1",
    ];
}

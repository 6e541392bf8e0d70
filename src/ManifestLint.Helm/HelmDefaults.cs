using System.Collections.Immutable;

namespace ManifestLint.Helm;

/// <summary>Defaults Helm builds into its binary.</summary>
public static class HelmDefaults
{
    /// <summary>The kind order Helm installs (and <c>helm template</c> prints) manifests in; other kinds follow, by name.</summary>
    public static ImmutableArray<string> InstallOrder { get; } =
    [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
        "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService", "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration",
    ];

    /// <summary>Group/versions the built-in API server serves (Kubernetes 1.3x), plus apiextensions v1beta1 as Helm adds it.</summary>
    public static ImmutableArray<string> ApiVersions { get; } =
    [
        "v1", "admissionregistration.k8s.io/v1", "apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1",
        "apiregistration.k8s.io/v1", "apps/v1", "authentication.k8s.io/v1", "authorization.k8s.io/v1",
        "autoscaling/v1", "autoscaling/v2", "batch/v1", "certificates.k8s.io/v1", "coordination.k8s.io/v1",
        "discovery.k8s.io/v1", "events.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1", "networking.k8s.io/v1",
        "node.k8s.io/v1", "policy/v1", "rbac.authorization.k8s.io/v1", "resource.k8s.io/v1", "scheduling.k8s.io/v1",
        "storage.k8s.io/v1",
        "v1/ConfigMap", "v1/Namespace", "v1/Pod", "v1/Secret", "v1/Service", "v1/ServiceAccount", "v1/PersistentVolumeClaim",
        "apps/v1/DaemonSet", "apps/v1/Deployment", "apps/v1/ReplicaSet", "apps/v1/StatefulSet",
        "batch/v1/CronJob", "batch/v1/Job", "networking.k8s.io/v1/Ingress", "networking.k8s.io/v1/IngressClass",
        "networking.k8s.io/v1/NetworkPolicy", "policy/v1/PodDisruptionBudget", "autoscaling/v2/HorizontalPodAutoscaler",
        "rbac.authorization.k8s.io/v1/ClusterRole", "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
        "rbac.authorization.k8s.io/v1/Role", "rbac.authorization.k8s.io/v1/RoleBinding",
        "apiextensions.k8s.io/v1/CustomResourceDefinition", "storage.k8s.io/v1/StorageClass",
    ];
}

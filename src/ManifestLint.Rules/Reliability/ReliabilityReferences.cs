using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Reliability;

internal static class ReliabilityReferences
{
    public static RuleReference Probes { get; } = new("Kubernetes: Configure Liveness, Readiness and Startup Probes", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/");

    public static RuleReference Resources { get; } = new("Kubernetes: Resource Management for Pods and Containers", "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/");

    public static RuleReference Images { get; } = new("Kubernetes: Images (image pull policy)", "https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy");

    public static RuleReference Jobs { get; } = new("Kubernetes: Jobs", "https://kubernetes.io/docs/concepts/workloads/controllers/job/");

    public static RuleReference CronJobs { get; } = new("Kubernetes: CronJob", "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/");

    public static RuleReference Disruptions { get; } = new("Kubernetes: Specifying a Disruption Budget for your Application", "https://kubernetes.io/docs/tasks/run-application/configure-pdb/");

    public static RuleReference Hpa { get; } = new("Kubernetes: Horizontal Pod Autoscaling", "https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/");

    public static RuleReference StatefulSets { get; } = new("Kubernetes: StatefulSets (stable network identity)", "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id");

    public static RuleReference PriorityClasses { get; } = new("Kubernetes: Guaranteed Scheduling For Critical Add-On Pods", "https://kubernetes.io/docs/tasks/administer-cluster/guaranteed-scheduling-critical-addon-pods/");

    public static RuleReference NodePorts { get; } = new("Kubernetes: Service type NodePort", "https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport");
}

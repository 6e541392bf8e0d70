using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.References;

internal static class ReferenceLinks
{
    public static RuleReference Services { get; } = new("Kubernetes: Service", "https://kubernetes.io/docs/concepts/services-networking/service/");

    public static RuleReference Labels { get; } = new("Kubernetes: Labels and Selectors", "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/");

    public const string PartialInput = """
        Partial input: the pods may be deployed from elsewhere, so the rule judges a selector only when its namespace is
        owned by the input (its Namespace object is there), the input holds at least one pod template in that namespace,
        or the input is complete (`--complete` or `complete: true` in the config file). A namespace holding a custom
        resource that an operator turns into pods (Prometheus Operator's `Prometheus`, Strimzi's `Kafka`, a CloudNativePG
        `Cluster`, an ECK `Elasticsearch`, ..., or a custom resource of a group not known to run none) may hold pods the
        input cannot show, so selectors there are not judged even then. Labels that controllers add to pods at run time
        (`pod-template-hash`, `controller-revision-hash`, `statefulset.kubernetes.io/pod-name`,
        `apps.kubernetes.io/pod-index`, `batch.kubernetes.io/job-name`, ...) match the workloads whose controller adds them.
        """;
}

using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Pods;

/// <summary>The documents the pod-security rules cite, spelled once so titles and URLs stay consistent.</summary>
internal static class PodSecurityReferences
{
    public static RuleReference Baseline { get; } =
        new("Kubernetes Pod Security Standards: Baseline", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline");

    public static RuleReference Restricted { get; } =
        new("Kubernetes Pod Security Standards: Restricted", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted");

    public static RuleReference NsaCisa { get; } =
        new("NSA/CISA Kubernetes Hardening Guide (v1.2)", "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF");

    public static RuleReference SecurityContext { get; } =
        new("Kubernetes: Configure a Security Context for a Pod or Container", "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/");

    public static RuleReference KernelConstraints { get; } =
        new("Kubernetes: Linux kernel security constraints for Pods and containers", "https://kubernetes.io/docs/concepts/security/linux-kernel-security-constraints/");

    /// <summary>A control of the CIS Kubernetes Benchmark (the benchmark is published as one document).</summary>
    public static RuleReference Cis(string control, string title) =>
        new($"CIS Kubernetes Benchmark {control}: {title}", "https://www.cisecurity.org/benchmark/kubernetes");
}

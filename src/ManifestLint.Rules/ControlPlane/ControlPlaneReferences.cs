using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.ControlPlane;

/// <summary>Documents the encryption and audit rules cite.</summary>
internal static class ControlPlaneReferences
{
    public static RuleReference Cis(string control) => new("CIS Kubernetes Benchmark " + control, "https://www.cisecurity.org/benchmark/kubernetes");

    public static RuleReference EncryptAtRest { get; } = new("Kubernetes: Encrypting Confidential Data at Rest", "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/");

    public static RuleReference Kms { get; } = new("Kubernetes: Using a KMS provider for data encryption", "https://kubernetes.io/docs/tasks/administer-cluster/kms-provider/");

    public static RuleReference Auditing { get; } = new("Kubernetes: Auditing", "https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/");

    public static RuleReference NsaCisa { get; } = new("NSA/CISA Kubernetes Hardening Guide: Audit logging", "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF");

    public static RuleReference KubeBench { get; } = new("kube-bench", "https://github.com/aquasecurity/kube-bench");
}

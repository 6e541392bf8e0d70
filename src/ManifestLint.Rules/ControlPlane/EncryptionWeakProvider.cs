using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.ControlPlane;

public sealed class EncryptionWeakProvider : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "encryption-weak-provider",
        Summary: "Encryption at rest must use a recommended provider",
        Category: Category.ControlPlane,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            `aescbc` is open to padding-oracle attacks and the Kubernetes documentation no longer recommends it;
            KMS v1 is deprecated and disabled by default since 1.29. KMS v2 keeps the key outside the cluster and
            supports rotation; `aesgcm` (with key rotation) and `secretbox` are the strongest local providers.

            CIS Kubernetes Benchmark 1.2.29 (encryption providers appropriately configured). On a live node,
            kube-bench reads the configuration file and checks which providers are listed.
            """,
        Remediation: "Make `kms` with `apiVersion: v2` the first provider (or `secretbox`/`aesgcm` with rotation), and re-encrypt existing data with `kubectl get secrets -A -o json | kubectl replace -f -`.",
        References: [ControlPlaneReferences.Cis("1.2.29"), ControlPlaneReferences.EncryptAtRest, ControlPlaneReferences.Kms],
        SecuritySeverity: 5.0,
        Tags: ["cis-1.2.29", "control-plane"]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var resource in context.Graph.Resources)
        {
            if (!EncryptionConfigView.IsEncryptionConfig(resource))
                continue;
            foreach (var (_, providers) in new EncryptionConfigView(resource).Entries())
            {
                var first = providers?.Items.FirstOrDefault();
                if (first is null || EncryptionConfigView.ProviderOf(first) is not { } provider)
                    continue;
                if (provider.Key.Text == "aescbc")
                    yield return context.Report(resource, provider.Key, "The first provider is `aescbc`, which is vulnerable to padding-oracle attacks; prefer KMS v2, `secretbox` or `aesgcm`");
                else if (provider.Key.Text == "kms" && provider.Body?.GetString("apiVersion") != "v2")
                    yield return context.Report(resource, (Core.Yaml.YamlNode?)provider.Body?.GetScalar("apiVersion") ?? provider.Key, "The first provider is KMS v1, which is deprecated; set `apiVersion: v2`");
            }
        }
    }
}

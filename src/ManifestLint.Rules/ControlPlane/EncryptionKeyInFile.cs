using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.ControlPlane;

public sealed class EncryptionKeyInFile : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "encryption-key-in-file",
        Summary: "Encryption keys should not be stored in the configuration file",
        Category: Category.ControlPlane,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Local providers (`aescbc`, `aesgcm`, `secretbox`) keep the key in the configuration file on every
            control-plane node, next to the data it protects; whoever can read the node's disk or a backup of it
            can decrypt etcd. A KMS provider keeps the key in an external key service. A key committed to a
            repository is readable by everyone with access to it.

            CIS Kubernetes Benchmark 1.2.29 recommends a KMS provider. kube-bench does not inspect key storage.
            """,
        Remediation: "Move to a KMS v2 provider; if a local key must stay, keep the file out of version control and rotate the key.",
        References: [ControlPlaneReferences.Cis("1.2.29"), ControlPlaneReferences.Kms],
        SecuritySeverity: 3.0,
        Tags: ["control-plane"]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var resource in context.Graph.Resources)
        {
            if (!EncryptionConfigView.IsEncryptionConfig(resource))
                continue;
            foreach (var (_, providers) in new EncryptionConfigView(resource).Entries())
            {
                if (providers is null)
                    continue;
                foreach (var item in providers.Items)
                {
                    if (EncryptionConfigView.ProviderOf(item) is not { Key.Text: "aescbc" or "aesgcm" or "secretbox" } provider)
                        continue;
                    foreach (var key in provider.Body?.GetSequence("keys")?.Mappings() ?? [])
                    {
                        if (key.GetScalar("secret") is { IsNull: false } secret)
                            yield return context.Report(resource, secret, $"Key '{key.GetString("name") ?? "?"}' of the `{provider.Key.Text}` provider is stored in the file");
                    }
                }
            }
        }
    }
}

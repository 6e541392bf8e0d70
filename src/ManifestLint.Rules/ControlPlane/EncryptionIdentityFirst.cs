using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.ControlPlane;

public sealed class EncryptionIdentityFirst : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "encryption-identity-first",
        Summary: "Secrets must be encrypted by the first provider of the encryption configuration",
        Category: Category.ControlPlane,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            The API server writes new data with the first provider listed for a resource. When that provider is
            `identity`, or when no entry covers `secrets`, Secrets are stored in etcd as plain base64 even though an
            encryption configuration is loaded, which gives a false sense of protection.

            CIS Kubernetes Benchmark 1.2.28. On a live node, kube-bench reads the file named by
            `--encryption-provider-config` and checks that a provider such as aescbc, kms or secretbox is configured.
            """,
        Remediation: "List `secrets` in a resources entry whose first provider is `kms` (apiVersion v2), `aesgcm` or `secretbox`; keep `identity` last only while migrating.",
        References: [ControlPlaneReferences.Cis("1.2.28"), ControlPlaneReferences.EncryptAtRest, ControlPlaneReferences.KubeBench],
        SecuritySeverity: 7.5,
        Tags: ["cis-1.2.28", "control-plane"]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var resource in context.Graph.Resources)
        {
            if (!EncryptionConfigView.IsEncryptionConfig(resource))
                continue;
            var view = new EncryptionConfigView(resource);
            var loaders = ConfigFileReferences.ReferencesTo(context.Graph, resource, "encryption-provider-config")
                .Select(f => RuleContext.Related(f.Node, "loaded by kube-apiserver --encryption-provider-config")).ToArray();
            if (view.SecretsEntry() is not { } entry)
            {
                yield return context.Report(resource, view.Anchor, "No entry of the encryption configuration covers `secrets`, so Secrets are stored unencrypted", loaders);
                continue;
            }

            var first = entry.Providers?.Items.FirstOrDefault();
            if (first is not null && EncryptionConfigView.ProviderOf(first) is { Key.Text: "identity" } provider)
                yield return context.Report(resource, provider.Key, "The first provider for `secrets` is `identity`, so new Secrets are written unencrypted", loaders);
            else if (first is null)
                yield return context.Report(resource, entry.Name, "The entry covering `secrets` lists no providers", loaders);
        }
    }
}

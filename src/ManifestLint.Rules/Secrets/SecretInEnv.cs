using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Secrets;

public sealed class SecretInEnv : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "secret-in-env",
        Summary: "Secrets should be mounted as files, not exposed as environment variables",
        Category: Category.Secrets,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Environment variables leak far more easily than files: applications print them in crash reports
            and debug endpoints, every child process inherits them, they are readable in
            `/proc/<pid>/environ`, and `kubectl describe` or a dump of the container spec shows where they
            come from. A value read at start-up also never changes, so a rotated Secret only takes effect
            after a restart, whereas a mounted Secret volume is updated in place.

            The rule flags `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef` in containers, init
            containers and ephemeral containers, at the `secretKeyRef`/`secretRef` key.
            """,
        Remediation: "Mount the Secret as a volume (`volumes[].secret` with a `volumeMounts` entry, read-only) and read the value from the file.",
        References:
        [
            new("Kubernetes: Good practices for Kubernetes Secrets", "https://kubernetes.io/docs/concepts/security/secrets-good-practices/"),
            new("Kubernetes: Secrets, using Secrets as files from a Pod", "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod"),
            new("CIS Kubernetes Benchmark 5.4.1: Prefer using Secrets as files over Secrets as environment variables", "https://www.cisecurity.org/benchmark/kubernetes"),
        ],
        SecuritySeverity: 4.0,
        PeerChecks:
        [
            PeerCheck.Linter("read-secret-from-env-var"),
            PeerCheck.Ckv("CKV_K8S_35"),
        ]);

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        foreach (var env in container.Env?.Mappings() ?? [])
        {
            if (env.GetMapping("valueFrom") is not { } valueFrom || valueFrom.GetMapping("secretKeyRef") is not { } reference)
                continue;
            var secret = reference.GetString("name") ?? "?";
            var key = reference.GetString("key") ?? "?";
            yield return Report(context, container, valueFrom.GetKey("secretKeyRef")!,
                $"{container.Describe()} reads key '{key}' of Secret '{secret}' into environment variable '{env.GetString("name") ?? "?"}'");
        }

        foreach (var source in container.EnvFrom?.Mappings() ?? [])
        {
            if (source.GetMapping("secretRef") is not { } reference)
                continue;
            yield return Report(context, container, source.GetKey("secretRef")!,
                $"{container.Describe()} loads every key of Secret '{reference.GetString("name") ?? "?"}' into its environment");
        }
    }
}

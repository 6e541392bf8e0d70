using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Secrets;

public sealed class HardcodedSecretInEnv : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "hardcoded-secret-in-env",
        Summary: "Credentials must not be written as literal environment variable values",
        Category: Category.Secrets,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A password, token or key typed into a manifest is stored in plain text in git history, in every
            clone and CI log, in the API server's etcd as part of the pod spec (which, unlike a Secret, is
            readable by anyone who may read the workload), and in `kubectl get -o yaml`. It cannot be rotated
            without a commit, and removing it later does not remove it from history.

            The rule flags a literal `value:` under an environment variable whose name reads as a credential
            (words such as PASSWORD, PASSWD, PASSPHRASE, SECRET, TOKEN, API_KEY/APIKEY, ACCESS_KEY,
            PRIVATE_KEY, CREDENTIAL(S)), in containers, init containers and ephemeral containers. Names that
            describe a secret rather than hold one (`DB_PASSWORD_FILE`, `TOKEN_PATH`, `SECRET_NAME`, `..._TTL`)
            are ignored, and so are empty values, dependent references such as `$(DB_PASSWORD)`,
            placeholders replaced before deployment (`${DB_PASSWORD}`, `{{ .password }}`) and absolute file
            paths. The message never repeats the value.
            """,
        Remediation: "Move the value into a Secret (created out of band or by a secrets operator), mount it as a file, and rotate the exposed credential.",
        References:
        [
            new("Kubernetes: Good practices for Kubernetes Secrets", "https://kubernetes.io/docs/concepts/security/secrets-good-practices/"),
            new("Kubernetes: Secrets", "https://kubernetes.io/docs/concepts/configuration/secret/"),
            new("NSA/CISA Kubernetes Hardening Guide (v1.2): secrets", "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF"),
            new("CWE-798: Use of hard-coded credentials", "https://cwe.mitre.org/data/definitions/798.html"),
        ],
        SecuritySeverity: 7.5,
        PeerChecks:
        [
            PeerCheck.Fairwinds("sensitiveContainerEnvVar"),
            PeerCheck.Linter("env-var-secret"),
        ]);

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        foreach (var env in container.Env?.Mappings() ?? [])
        {
            if (env.GetString("name") is not { } name || env.GetScalar("value") is not { } value)
                continue;
            if (IsLiteral(value) && CredentialNames.IsCredential(name))
                yield return Report(context, container, value, $"{container.Describe()} sets environment variable '{name}' to a literal credential");
        }
    }

    private static bool IsLiteral(YamlScalar value)
    {
        // The API only accepts strings here; an unquoted number or boolean is a flag, not a credential.
        if (value.Kind != ScalarKind.String)
            return false;
        var text = value.Text.Trim();
        if (text.Length == 0 || text.StartsWith('/'))
            return false;
        // $(VAR) is expanded by Kubernetes from another variable; ${VAR} and {{ ... }} are placeholders
        // that a deploy step (envsubst, a template engine) replaces before the manifest is applied.
        return !(text.StartsWith("$(", StringComparison.Ordinal) && text.EndsWith(')'))
            && !(text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}'))
            && !(text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal));
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Docs;

/// <summary>
/// <c>docs/migrating-from-&lt;tool&gt;.md</c> for kube-score, Polaris, kube-linter and Checkov, generated from the
/// <see cref="RuleInfo.PeerChecks"/> of every rule and from <see cref="NotCovered"/>, the peer checks no rule covers
/// and why. A test regenerates them and fails when the files are stale.
/// </summary>
public static class MigrationDocs
{
    public static readonly ImmutableArray<string> Tools = [PeerCheck.KubeScore, PeerCheck.Polaris, PeerCheck.KubeLinter, PeerCheck.Checkov];

    /// <summary>Peer checks with no ManifestLint rule, and why.</summary>
    public static ImmutableArray<(PeerCheck Check, string Why)> NotCovered { get; } =
    [
        (PeerCheck.Score("deployment-strategy"), "the rollout strategy is a choice, not a defect"),
        (PeerCheck.Score("deployment-replicas"), "a single replica is often deliberate; `hpa-min-replicas` and `pdb-missing` judge replicated workloads"),
        (PeerCheck.Score("stable-version"), "API versions are judged by the API schema rules, not by this rule pack"),
        (PeerCheck.Score("container-cpu-requests-equal-limits"), "CPU limits cause throttling; only memory is compared (`memory-request-below-limit`)"),
        (PeerCheck.Score("environment-variable-key-duplication"), "reported by the API schema validation (`schema-duplicate-list-key`)"),
        (PeerCheck.Fairwinds("deploymentMissingReplicas"), "a single replica is often deliberate; `pdb-missing` and `hpa-min-replicas` judge replicated workloads"),
        (PeerCheck.Fairwinds("metadataAndInstanceMismatched"), "a labelling convention, not a defect"),
        (PeerCheck.Fairwinds("linuxHardening"), "split into `seccomp-unconfined`, `apparmor-unconfined` and `capabilities-not-dropped`, which say what is missing"),
        (PeerCheck.Linter("required-annotation-email"), "an organisation's convention; write it as an admission policy"),
        (PeerCheck.Linter("required-label-owner"), "an organisation's convention; write it as an admission policy"),
        (PeerCheck.Linter("use-namespace"), "the namespace usually comes from the deploy step (`helm -n`, Kustomize, Argo CD)"),
        (PeerCheck.Linter("no-rolling-update-strategy"), "the rollout strategy is a choice, not a defect"),
        (PeerCheck.Linter("duplicate-env-var"), "reported by the API schema validation (`schema-duplicate-list-key`)"),
        (PeerCheck.Linter("ssh-port"), "a port number says little about what listens on it"),
        (PeerCheck.Ckv("CKV_K8S_21"), "the namespace usually comes from the deploy step (`helm -n`, Kustomize, Argo CD)"),
        (PeerCheck.Ckv("CKV_K8S_40"), "a high UID is a convention; `run-as-root` reports what matters, root"),
    ];

    private static readonly ImmutableDictionary<string, (string Name, string Suppression)> About = new Dictionary<string, (string, string)>
    {
        [PeerCheck.KubeScore] = ("kube-score", "kube-score's `kube-score/ignore` annotation is not read: add `ignore-check.manifestlint.io/<rule-id>: \"<reason>\"` for the rule in the table."),
        [PeerCheck.Polaris] = ("Polaris", "Polaris exemptions written as annotations, `polaris.fairwinds.com/<check>-exempt: \"true\"` (and `polaris.fairwinds.com/exempt: \"true\"` for every check), suppress the rules that cover that check; the annotation is the SARIF suppression's justification. Exemptions in Polaris's own configuration file are not read."),
        [PeerCheck.KubeLinter] = ("kube-linter", "kube-linter's `ignore-check.kube-linter.io/<check>: \"<reason>\"` annotations suppress the rules that cover that check, with the reason (else the annotation) as the SARIF suppression's justification. `kube-linter.io/ignore-all` suppresses every mapped rule."),
        [PeerCheck.Checkov] = ("Checkov", "Checkov's `checkov.io/skip<n>` annotations are not read: add `ignore-check.manifestlint.io/<rule-id>: \"<reason>\"` for the rule in the table."),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>File name to content, one file per tool.</summary>
    public static ImmutableSortedDictionary<string, string> Generate(IEnumerable<Rule> rules)
    {
        var infos = rules.Select(r => r.Info).ToList();
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var tool in Tools)
            result[$"migrating-from-{tool}.md"] = Write(tool, infos);
        return result.ToImmutable();
    }

    private static string Write(string tool, List<RuleInfo> rules)
    {
        var (name, suppression) = About[tool];
        var rows = rules
            .SelectMany(r => (r.PeerChecks.IsDefault ? [] : r.PeerChecks).Where(p => p.Tool == tool).Select(p => (Check: p.Id, Rule: r)))
            .OrderBy(x => x.Check, StringComparer.Ordinal).ThenBy(x => x.Rule.Id, StringComparer.Ordinal)
            .ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Migrating from {name}\n\n");
        sb.Append("<!-- Generated from rule metadata (RuleInfo.PeerChecks) by `manifestlint rules docs --migration-out docs`; do not edit. -->\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Each {name} check, the ManifestLint rule that covers it, and whether that rule runs by default. ");
        sb.Append("Rules that are off by default run with `--enable <rule-id>` or `enabled: true` in `.manifestlint.yaml`.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"| {name} check | ManifestLint rule | Severity | Default |\n| --- | --- | --- | --- |\n");
        foreach (var (check, rule) in rows)
            sb.Append(CultureInfo.InvariantCulture, $"| `{check}` | [`{rule.Id}`](../rules/{rule.Id}.md) | {rule.Severity.ToString().ToLowerInvariant()} | {(rule.EnabledByDefault ? "on" : "off")} |\n");
        var uncovered = NotCovered.Where(n => n.Check.Tool == tool).OrderBy(n => n.Check.Id, StringComparer.Ordinal).ToList();
        if (uncovered.Count > 0)
        {
            sb.Append("\n## Not covered\n\n| check | why |\n| --- | --- |\n");
            foreach (var (check, why) in uncovered)
                sb.Append(CultureInfo.InvariantCulture, $"| `{check.Id}` | {why} |\n");
        }

        sb.Append("\n## Suppressions\n\n").Append(suppression).Append('\n');
        return sb.ToString();
    }
}

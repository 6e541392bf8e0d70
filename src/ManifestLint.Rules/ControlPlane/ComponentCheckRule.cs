using System.Collections.Immutable;
using System.Globalization;
using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.ControlPlane;

/// <summary>
/// The rule template for "a component setting must hold a value" controls: kube-linter's checks-as-data,
/// each instance a rule with its own id, CIS reference and doc.
/// </summary>
public sealed class ComponentCheckRule : Rule
{
    public ComponentCheckRule(ComponentCheck check)
    {
        Definition = check;
        Info = new RuleInfo(
            Id: check.Id,
            Summary: check.Summary,
            Category: Category.ControlPlane,
            Severity: check.Severity,
            EnabledByDefault: true,
            Since: "0.1.0",
            Rationale: check.Rationale + "\n\nCIS Kubernetes Benchmark control " + check.Cis + ". On a live node, kube-bench " + check.KubeBench,
            Remediation: check.Remediation,
            References:
            [
                new RuleReference("CIS Kubernetes Benchmark " + check.Cis, "https://www.cisecurity.org/benchmark/kubernetes"),
                new RuleReference(ComponentReference(check.Component).Title, ComponentReference(check.Component).Url),
                new RuleReference("kube-bench", "https://github.com/aquasecurity/kube-bench"),
            ],
            SecuritySeverity: check.SecuritySeverity,
            Tags: ["cis-" + check.Cis, "control-plane"]);
    }

    public ComponentCheck Definition { get; }

    public override RuleInfo Info { get; }

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var config in context.Graph.ComponentConfigs)
        {
            if (config.Component != Definition.Component)
                continue;
            foreach (var condition in Definition.Conditions)
            {
                if (Evaluate(config, condition) is { } failure)
                    yield return context.Report(config.Resource, failure.Node, failure.Message);
            }
        }
    }

    private static (YamlNode Node, string Message)? Evaluate(ComponentConfig config, SettingCondition condition)
    {
        string? value;
        YamlNode node;
        string subject;
        bool isSet;
        if (config.Source == ConfigSource.KubeletConfigFile)
        {
            if (condition.KubeletField is null)
                return null;
            var field = config.Field(condition.KubeletField);
            isSet = field is YamlScalar { IsNull: false };
            value = isSet ? ((YamlScalar)field!).Text : condition.KubeletFieldDefault;
            node = isSet ? field! : DeepestExisting(config, condition.KubeletField);
            subject = isSet
                ? $"KubeletConfiguration sets {condition.KubeletField}: {value}"
                : $"KubeletConfiguration leaves {condition.KubeletField} unset" + (value is null ? string.Empty : $" (default {value})");
        }
        else
        {
            if (condition.OnlyWhenSet is { } gate && config.Flag(gate) is null && (config.Source != ConfigSource.Kubeadm || condition.KubeadmDefault is null))
                return null;
            var flag = config.Flag(condition.Flag);
            isSet = flag is not null;
            if (!isSet && config.Component == ComponentKind.Kubelet && config.Source == ConfigSource.Kubeadm)
                return null; // kubeadm writes a KubeletConfiguration file; an unset flag leaves that file in charge.
            value = flag?.Value ?? (config.Source == ConfigSource.Kubeadm ? condition.KubeadmDefault ?? condition.UpstreamDefault : condition.UpstreamDefault);
            node = flag?.Node ?? config.Anchor;
            var where = config.Source == ConfigSource.Kubeadm ? "kubeadm configures " + config.Describe() + (isSet ? " with" : " without") : config.Describe() + (isSet ? " runs with" : " runs without");
            subject = isSet
                ? $"{where} --{condition.Flag}={value}"
                : $"{where} --{condition.Flag}" + (value is null ? string.Empty : $" (default {value})");
        }

        return Passes(condition, value) ? null : (node, $"{subject}: {condition.Problem}");
    }

    private static YamlNode DeepestExisting(ComponentConfig config, string dottedPath)
    {
        YamlNode node = config.Anchor;
        YamlNode? current = config.Resource.Root;
        foreach (var part in dottedPath.Split('.'))
        {
            if (current is not YamlMapping m || m.GetEntry(part) is not { } entry)
                break;
            node = entry.Key;
            current = entry.Value;
        }

        return node;
    }

    internal static bool Passes(SettingCondition condition, string? value)
    {
        var items = value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return condition.Expect switch
        {
            Expectation.MustEqual => value is not null && string.Equals(value.Trim(), condition.Value, StringComparison.OrdinalIgnoreCase),
            Expectation.MustNotEqual => value is null || !string.Equals(value.Trim(), condition.Value, StringComparison.OrdinalIgnoreCase),
            Expectation.MustBeSet => !string.IsNullOrWhiteSpace(value),
            Expectation.MustNotBeSet => string.IsNullOrWhiteSpace(value),
            Expectation.MustContain => items.Contains(condition.Value, StringComparer.Ordinal),
            Expectation.MustNotContain => !items.Contains(condition.Value, StringComparer.Ordinal),
            Expectation.AtLeast => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                && n >= long.Parse(condition.Value!, CultureInfo.InvariantCulture),
            _ => true,
        };
    }

    private static (string Title, string Url) ComponentReference(ComponentKind kind) => kind switch
    {
        ComponentKind.ApiServer => ("kube-apiserver reference", "https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"),
        ComponentKind.ControllerManager => ("kube-controller-manager reference", "https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/"),
        ComponentKind.Scheduler => ("kube-scheduler reference", "https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/"),
        ComponentKind.Etcd => ("etcd security model", "https://etcd.io/docs/latest/op-guide/security/"),
        _ => ("Kubelet configuration (v1beta1)", "https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/"),
    };
}

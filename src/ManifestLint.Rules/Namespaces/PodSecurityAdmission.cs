using ManifestLint.Core.Model.Views;
using ManifestLint.Core.PodSecurity;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Namespaces;

public sealed class PodSecurityAdmission : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "pod-security-admission",
        Summary: "Pods must pass the Pod Security level their namespace enforces",
        Category: Category.Namespaces,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Pod Security Admission applies the Pod Security Standards per namespace: the Namespace labels
            `pod-security.kubernetes.io/enforce`, `warn` and `audit` name a level (`privileged`, `baseline` or
            `restricted`) and `pod-security.kubernetes.io/<mode>-version` pins the policy version (`latest` when
            absent). A pod that fails the enforce level is rejected; for a workload, the Deployment or Job is
            accepted but its controller cannot create a single pod, which shows up only at rollout time.

            Every pod template is checked against its namespace's enforce level with each control defined as
            the Kubernetes documentation defines it for that policy version (seccomp from v1.19, Restricted
            capabilities from v1.22, `runAsUser: 0` from v1.23, the Windows exemptions from v1.25, the extra safe
            sysctls of v1.27, v1.29 and v1.32, `container_engine_t` from v1.31, probe and lifecycle hosts from
            v1.34, the user-namespace relaxations from v1.35). Each violated control is an error at the field
            that violates it (or the nearest parent when a required field is missing), naming the control, with
            the namespace's label as a related location. Violations of a stricter `warn` or `audit` level are
            warnings. An invalid enforce level is evaluated as `restricted` and an invalid version as `latest`,
            as Pod Security Admission does.

            Partial input: only namespaces whose Namespace object is in the input are judged. Pods in other
            namespaces are checked only when a level is assumed for them (`--pod-security-level` or the
            configuration file); with no assumption they are not reported. Namespaces exempted in the cluster's
            admission configuration are not known to the linter.
            """,
        Remediation: "Change the pod's security settings to satisfy the control named in the message, or deploy it to a namespace with a level it meets.",
        References:
        [
            new("Kubernetes: Pod Security Standards", "https://kubernetes.io/docs/concepts/security/pod-security-standards/"),
            new("Kubernetes: Pod Security Admission", "https://kubernetes.io/docs/concepts/security/pod-security-admission/"),
            new("Kubernetes: Enforce Pod Security Standards with Namespace Labels", "https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/"),
        ],
        SecuritySeverity: 7.5);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var assumed = PodSecurityLevels.TryParse(graph.Options.AssumedPodSecurityLevel, out var assumedLevel) ? assumedLevel : (PodSecurityLevel?)null;
        var byNamespace = new Dictionary<string, NamespacePodSecurity?>(StringComparer.Ordinal);

        foreach (var pod in graph.PodTemplates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (pod.Namespace is not { } name)
                continue;
            if (!byNamespace.TryGetValue(name, out var labels))
            {
                labels = graph.Find("Namespace", null, name) is { } ns ? NamespacePodSecurity.Read(ns) : null;
                byNamespace[name] = labels;
            }

            var policies = labels is not null
                ? labels.Policies
                : assumed is { } level
                    ? [new PodSecurityModePolicy(PodSecurityMode.Enforce, level, PolicyVersion.Latest, null, null)]
                    : [];

            // Enforce comes first, so a warn or audit policy reports only what enforce did not already reject.
            var reported = new HashSet<(YamlNode Node, string Control)>();
            foreach (var policy in policies)
            {
                foreach (var violation in PodSecurityEvaluator.Evaluate(pod, policy.Level, policy.Version))
                {
                    if (!reported.Add((violation.Node, violation.Control)))
                        continue;
                    yield return Report(context, pod, name, policy, violation);
                }
            }
        }
    }

    private static Finding Report(RuleContext context, PodTemplateView pod, string @namespace, PodSecurityModePolicy policy, PodSecurityViolation violation)
    {
        var level = violation.Level.Name();
        var control = $"{char.ToUpperInvariant(level[0])}{level[1..]} control '{violation.Control}'";
        var where = policy.LevelNode is null
            ? $"namespace '{@namespace}' is assumed to enforce {policy.Describe()}"
            : policy.Mode switch
            {
                PodSecurityMode.Enforce => $"namespace '{@namespace}' enforces {policy.Describe()}",
                PodSecurityMode.Warn => $"namespace '{@namespace}' warns at {policy.Describe()}",
                _ => $"namespace '{@namespace}' audits at {policy.Describe()}",
            };
        var message = $"{violation.Message}: fails the Pod Security {control} ({where})";
        var severity = policy.Mode == PodSecurityMode.Enforce ? Severity.Error : Severity.Warning;
        if (policy.LevelNode is not { } labelNode)
            return context.Report(pod.Owner, violation.Node, message, severity);

        var label = $"{NamespacePodSecurity.LabelKey(policy.Mode)}: {labelNode.StringValue}";
        var related = policy.Problem is { } problem
            ? RuleContext.Related(policy.VersionNode is { } v && problem.Contains(v.StringValue, StringComparison.Ordinal) ? v : labelNode, $"{problem}; evaluated as {policy.Describe()}")
            : RuleContext.Related(labelNode, $"namespace '{@namespace}' sets {label} here");
        return context.Report(pod.Owner, violation.Node, message, severity, related);
    }
}

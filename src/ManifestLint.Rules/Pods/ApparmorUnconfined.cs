using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Pods;

public sealed class ApparmorUnconfined : ContainerRule
{
    private const string AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    public override RuleInfo Info { get; } = new(
        Id: "apparmor-unconfined",
        Summary: "Containers must not disable AppArmor",
        Category: Category.PodSecurity,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            On nodes with AppArmor, the container runtime confines every container with its default profile,
            which denies writes to sensitive parts of `/proc` and `/sys`, mounting, and other operations
            container escapes use. Setting the profile to `Unconfined` removes that layer, and the Pod Security
            Standards Baseline profile forbids it.

            The rule reports `appArmorProfile.type: Unconfined` in the pod's or a container's
            `securityContext` (the field since Kubernetes 1.30) and the older annotation
            `container.apparmor.security.beta.kubernetes.io/<container>: unconfined`, each at the value.
            Windows pods are skipped.
            """,
        Remediation: "Remove the `Unconfined` profile so the runtime default applies, or set `appArmorProfile.type: RuntimeDefault` (or `Localhost` with a reviewed profile).",
        References:
        [
            PodSecurityReferences.Baseline,
            new("Kubernetes: Restrict a Container's Access to Resources with AppArmor", "https://kubernetes.io/docs/tutorials/security/apparmor/"),
            PodSecurityReferences.KernelConstraints,
            PodSecurityReferences.NsaCisa,
        ],
        SecuritySeverity: 5.5);

    protected override bool AppliesToWindows => false;

    protected override IEnumerable<Finding> CheckPodLevel(RuleContext context, PodTemplateView pod)
    {
        if (UnconfinedType(pod.SecurityContext) is { } podType)
            yield return context.Report(pod.Owner, podType, $"{pod.Describe()} disables AppArmor (Unconfined) for the whole pod");
        foreach (var finding in AnnotationFindings(context, pod))
            yield return finding;
    }

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (UnconfinedType(container.SecurityContext) is { } type)
            yield return Report(context, container, type, $"{container.Describe()} disables AppArmor (Unconfined)");
    }

    private static IEnumerable<Finding> AnnotationFindings(RuleContext context, PodTemplateView pod)
    {
        if (pod.Metadata?.GetMapping("annotations") is not { } annotations)
            yield break;
        foreach (var entry in annotations.Entries)
        {
            if (!entry.Key.Text.StartsWith(AnnotationPrefix, StringComparison.Ordinal)
                || entry.Value is not YamlScalar { IsNull: false } value
                || !string.Equals(value.Text.Trim(), "unconfined", StringComparison.OrdinalIgnoreCase))
                continue;
            var name = entry.Key.Text[AnnotationPrefix.Length..];
            yield return context.Report(pod.Owner, value, $"{pod.Describe()} disables AppArmor for container '{name}' (annotation set to unconfined)");
        }
    }

    private static YamlScalar? UnconfinedType(YamlMapping? securityContext) =>
        securityContext?.Find("appArmorProfile", "type") is YamlScalar { Text: "Unconfined" } type ? type : null;
}

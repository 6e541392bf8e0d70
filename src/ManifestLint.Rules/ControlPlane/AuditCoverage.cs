using System.Collections.Immutable;
using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.ControlPlane;

/// <summary>
/// Shared evaluation of the audit-policy rules: run probe requests through the policy's first-match rules
/// and group the ones that fail by the policy rule that decided them, so each finding sits on that rule's
/// <c>level</c> (or on <c>rules:</c> when no rule matched).
/// </summary>
internal static class AuditCoverage
{
    public static IEnumerable<Finding> Missing(RuleContext context, ImmutableArray<AuditRequest> probes, string what)
    {
        foreach (var (policy, related) in Policies(context))
        {
            var groups = new SortedDictionary<int, (YamlNode Node, List<string> Requests)>();
            foreach (var probe in probes)
            {
                if (policy.LevelOf(probe, out var matched) != "None")
                    continue;
                var index = matched is null ? -1 : policy.RulesNode!.Items.IndexOf(matched);
                var node = matched?.GetScalar("level") ?? (YamlNode?)matched ?? policy.RulesKey;
                if (!groups.TryGetValue(index, out var g))
                    groups[index] = g = (node, []);
                g.Requests.Add(probe.Describe());
            }

            foreach (var (index, g) in groups)
            {
                var reason = index < 0 ? "no rule matches" : $"rule #{index + 1} logs at level None";
                yield return context.Report(policy.Resource, g.Node, $"{what} are not audited ({reason}): {string.Join(", ", g.Requests.Distinct())}", related);
            }
        }
    }

    public static IEnumerable<(AuditPolicyView Policy, RelatedLocation[] Related)> Policies(RuleContext context)
    {
        foreach (var resource in context.Graph.Resources)
        {
            if (!AuditPolicyView.IsAuditPolicy(resource))
                continue;
            var related = ConfigFileReferences.ReferencesTo(context.Graph, resource, "audit-policy-file")
                .Select(f => RuleContext.Related(f.Node, "loaded by kube-apiserver --audit-policy-file")).ToArray();
            yield return (new AuditPolicyView(resource), related);
        }
    }

    public static ImmutableArray<AuditRequest> Writes(string apiGroup, params string[] resources) =>
        [.. resources.SelectMany(r => new[] { "create", "update", "patch", "delete" }.Select(v => AuditRequest.ByUser(v, apiGroup, r)))];
}

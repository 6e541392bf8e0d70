using System.Collections.Immutable;
using ManifestLint.Core.Rbac;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

public sealed class WildcardRbacRule : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "wildcard-rbac-rule",
        Summary: "Role rules should list verbs, API groups and resources instead of using *",
        Category: Category.Rbac,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A `*` in `verbs`, `apiGroups`, `resources` or `nonResourceURLs` grants everything that exists now and
            everything added later: new verbs, new subresources (`pods/exec` is covered by `resources: ["*"]`),
            and every CustomResourceDefinition installed after the role was written. Least privilege needs the list
            spelled out. A rule with `*` in all of verbs, API groups and resources is cluster-admin, reported as an
            error.

            The finding is placed on the first `*` item of the rule and names every field that uses one. Kubernetes'
            own built-in roles are not input and are never reported; a binding to one of them is judged by
            `cluster-admin-binding` and the permission rules. The rule judges each role on its own, so partial input
            changes nothing.
            """,
        Remediation: "Replace `*` with the verbs, API groups and resources the subject needs.",
        References: [RbacReferences.GoodPractices, RbacReferences.Cis],
        SecuritySeverity: 5.5,
        PeerChecks:
        [
            PeerCheck.Linter("wildcard-in-rules"),
            PeerCheck.Ckv("CKV_K8S_49"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var role in context.Graph.Rbac.InputRoles)
        {
            foreach (var rule in role.Rules)
            {
                var fields = new (string Name, ImmutableArray<RbacValue> Values)[]
                {
                    ("verbs", rule.Verbs), ("apiGroups", rule.ApiGroups), ("resources", rule.Resources), ("nonResourceURLs", rule.NonResourceUrls),
                };
                var wild = fields.Where(f => f.Values.Any(v => v.Text == PolicyRuleView.All)).ToList();
                if (wild.Count == 0)
                    continue;
                // The first * as written, whatever the order of the fields in the rule.
                var node = (Core.Yaml.YamlNode?)wild.SelectMany(f => f.Values)
                    .Where(v => v.Text == PolicyRuleView.All && v.Node is not null)
                    .Select(v => v.Node!)
                    .MinBy(n => n.Span) ?? rule.Node!;
                var names = string.Join(", ", wild.Select(f => f.Name));
                yield return rule.GrantsEverything && !rule.ListsEveryStandardVerb
                    ? context.Report(role.Resource!, node, $"{rule.Describe()} grants every verb on every resource of every API group (cluster-admin)", Severity.Error)
                    : context.Report(role.Resource!, node, $"{rule.Describe()} uses * in {names}");
            }
        }
    }
}

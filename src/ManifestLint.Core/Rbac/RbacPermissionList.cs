using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// What a subject may do in a namespace, laid out as <c>kubectl auth can-i --list</c> does: every rule that
/// applies (ClusterRoleBindings, and RoleBindings of the namespace) broken down to one (group, resource,
/// resource name) or one non-resource URL per line, lines with the same key merged with their verbs united.
/// Non-resource URLs count only from ClusterRoleBindings, as the authorizer decides. Lines are sorted by
/// resource (ordinal), then names; non-resource URLs last.
/// </summary>
public static class RbacPermissionList
{
    public static ImmutableArray<RbacPermissionRow> For(RbacIndex index, RbacSubject subject, string @namespace)
    {
        var rows = new Dictionary<(string Resource, string Url, string Name), (List<string> Verbs, List<RbacGrant> Grants)>();

        void Add((string, string, string) key, RbacGrant grant)
        {
            if (!rows.TryGetValue(key, out var row))
                rows[key] = row = ([], []);
            foreach (var v in grant.Rule.Verbs)
            {
                if (!row.Verbs.Contains(v.Text))
                    row.Verbs.Add(v.Text);
            }

            if (!row.Grants.Contains(grant))
                row.Grants.Add(grant);
        }

        foreach (var grant in index.GrantsIn(subject, @namespace))
        {
            var rule = grant.Rule;
            if (rule.Verbs.IsEmpty)
                continue;
            foreach (var group in rule.ApiGroups)
            {
                foreach (var resource in rule.Resources)
                {
                    var name = ResourceGroup(resource.Text, group.Text);
                    if (rule.ResourceNames.IsEmpty)
                        Add((name, string.Empty, string.Empty), grant);
                    foreach (var n in rule.ResourceNames)
                        Add((name, string.Empty, n.Text), grant);
                }
            }

            if (grant.Binding.IsClusterRoleBinding && grant.Role.IsClusterRole)
            {
                foreach (var url in rule.NonResourceUrls)
                    Add((string.Empty, url.Text, string.Empty), grant);
            }
        }

        return [.. rows
            .OrderBy(r => r.Key.Resource.Length == 0 ? 1 : 0)
            .ThenBy(r => r.Key.Resource, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Url, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Name, StringComparer.Ordinal)
            .Select(r => new RbacPermissionRow(r.Key.Resource, r.Key.Url,
                r.Key.Name.Length == 0 ? [] : [r.Key.Name], [.. r.Value.Verbs], [.. r.Value.Grants]))];
    }

    /// <summary>kubectl's resource column: <c>pods</c>, <c>deployments.apps</c>, <c>*.*</c>.</summary>
    public static string ResourceGroup(string resource, string group) => group.Length == 0 ? resource : $"{resource}.{group}";

    /// <summary>
    /// The table kubectl prints (columns separated by at least three spaces), with an optional last column
    /// naming the grants of each line through <paramref name="describeGrant"/>.
    /// </summary>
    public static string Format(ImmutableArray<RbacPermissionRow> rows, Func<RbacGrant, string>? describeGrant = null)
    {
        var header = describeGrant is null
            ? new[] { "Resources", "Non-Resource URLs", "Resource Names", "Verbs" }
            : ["Resources", "Non-Resource URLs", "Resource Names", "Verbs", "Granted by"];
        var lines = new List<string[]> { header };
        foreach (var r in rows)
        {
            var cells = new List<string>
            {
                r.Resource,
                r.NonResourceUrl.Length == 0 ? "[]" : $"[{r.NonResourceUrl}]",
                $"[{string.Join(' ', r.ResourceNames)}]",
                $"[{string.Join(' ', r.Verbs)}]",
            };
            if (describeGrant is not null)
                cells.Add(string.Join("; ", r.Grants.Select(describeGrant)));
            lines.Add([.. cells]);
        }

        var widths = new int[header.Length];
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Length - 1; i++)
                widths[i] = Math.Max(widths[i], line[i].Length);
        }

        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            var text = new StringBuilder();
            for (var i = 0; i < line.Length; i++)
            {
                text.Append(line[i]);
                if (i < line.Length - 1)
                    text.Append(' ', widths[i] - line[i].Length + 3);
            }

            sb.Append(text.ToString().TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary><c>RoleBinding 'ns/b' (rbac.yaml:12) -&gt; Role 'r' rules[0] (rbac.yaml:20)</c>: where each end of a grant is written.</summary>
    public static string DescribeGrant(RbacGrant grant)
    {
        var binding = grant.Binding.Resource is { } b ? $"{grant.Binding.Describe()} ({Where(b.AnchorNode.Span)})" : grant.Binding.Describe();
        var rule = grant.Rule.Node is { } n ? $"{grant.Rule.Describe()} ({Where(n.Span)})" : grant.Rule.Describe();
        var via = grant.Rule.Role == grant.Role ? string.Empty : $" via {grant.Role.Describe()}";
        return $"{binding} -> {rule}{via}";
    }

    private static string Where(Text.SourceSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.Path}:{span.StartLine}");
}

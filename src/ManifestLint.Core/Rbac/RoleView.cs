using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// A Role or ClusterRole: its own rules and, for aggregated ClusterRoles, the selectors of
/// <c>aggregationRule.clusterRoleSelectors</c>. Built-in roles (Kubernetes' defaults) have no
/// <see cref="Resource"/>. The rules a role actually grants (aggregation resolved) come from
/// <see cref="RbacIndex.EffectiveRules(RoleView)"/>.
/// </summary>
public sealed class RoleView
{
    internal RoleView(
        Resource? resource,
        string kind,
        string? @namespace,
        string name,
        ImmutableSortedDictionary<string, string> labels,
        Func<RoleView, ImmutableArray<PolicyRuleView>> rules,
        ImmutableArray<LabelSelectorView>? aggregationSelectors)
    {
        Resource = resource;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        Labels = labels;
        HasAggregationRule = aggregationSelectors is not null;
        AggregationSelectors = aggregationSelectors ?? [];
        Rules = rules(this);
    }

    /// <summary>The resource in the input; null for Kubernetes' built-in ClusterRoles.</summary>
    public Resource? Resource { get; }

    public bool IsBuiltIn => Resource is null;

    /// <summary><c>Role</c> or <c>ClusterRole</c>.</summary>
    public string Kind { get; }

    public bool IsClusterRole => Kind == "ClusterRole";

    /// <summary>The namespace of a Role; null for ClusterRoles.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    public ImmutableSortedDictionary<string, string> Labels { get; }

    /// <summary>The rules written in the role itself (for an aggregated role, the API server replaces these).</summary>
    public ImmutableArray<PolicyRuleView> Rules { get; }

    /// <summary>True when the role has an <c>aggregationRule</c> (its rules are the union of the selected ClusterRoles' rules).</summary>
    public bool HasAggregationRule { get; }

    public ImmutableArray<LabelSelectorView> AggregationSelectors { get; }

    /// <summary><c>ClusterRole 'edit'</c>, <c>built-in ClusterRole 'edit'</c>, <c>Role 'reader'</c>.</summary>
    public string Describe() => IsBuiltIn ? $"built-in {Kind} '{Name}'" : $"{Kind} '{Name}'";

    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Namespace}/{Kind}/{Name}";

    /// <summary>Reads a Role or ClusterRole from the input.</summary>
    public static RoleView FromResource(Resource resource)
    {
        ImmutableArray<LabelSelectorView>? selectors = null;
        if (resource.Kind == "ClusterRole" && resource.Root.GetMapping("aggregationRule") is { } agg)
        {
            selectors = agg.GetSequence("clusterRoleSelectors") is { } seq
                ? [.. seq.Mappings().Select(LabelSelectorView.Read)]
                : [];
        }

        return new RoleView(resource, resource.Kind, resource.Kind == "ClusterRole" ? null : resource.Namespace, resource.Name, resource.Labels,
            role => ReadRules(role, resource.Root.GetSequence("rules")), selectors);
    }

    private static ImmutableArray<PolicyRuleView> ReadRules(RoleView role, YamlSequence? rules)
    {
        if (rules is null)
            return [];
        var b = ImmutableArray.CreateBuilder<PolicyRuleView>();
        var i = 0;
        foreach (var item in rules.Items)
        {
            if (item is YamlMapping m)
            {
                b.Add(new PolicyRuleView(role, i, m, Values(m, "verbs"), Values(m, "apiGroups"), Values(m, "resources"),
                    Values(m, "resourceNames"), Values(m, "nonResourceURLs")));
            }

            i++;
        }

        return b.ToImmutable();
    }

    private static ImmutableArray<RbacValue> Values(YamlMapping rule, string key) =>
        rule.GetSequence(key) is { } seq ? [.. seq.Scalars().Select(s => new RbacValue(s.StringValue, s))] : [];
}

using System.Collections.Immutable;
using ManifestLint.Admission.Matching;
using ManifestLint.Core.Model;
using ManifestLint.Core.Selectors;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Admission;

/// <summary><c>matchConstraints</c> of a policy or <c>matchResources</c> of a binding, evaluated as for a CREATE.</summary>
internal sealed class MatchResources
{
    private readonly ImmutableArray<YamlMapping> _rules;
    private readonly ImmutableArray<YamlMapping> _excludes;
    private readonly LabelSelector? _namespaceSelector;
    private readonly LabelSelector? _objectSelector;
    private readonly bool _exact;

    public MatchResources(YamlMapping? node)
    {
        _rules = [.. node?.GetSequence("resourceRules")?.Mappings() ?? []];
        _excludes = [.. node?.GetSequence("excludeResourceRules")?.Mappings() ?? []];
        _namespaceSelector = LabelSelector.Read(node?["namespaceSelector"]);
        _objectSelector = LabelSelector.Read(node?["objectSelector"]);
        _exact = node?.GetString("matchPolicy") == "Exact";
        HasRules = !_rules.IsEmpty;
    }

    public bool HasRules { get; }

    public bool Matches(Resource obj, ApiResourceInfo api, Func<string, IReadOnlyDictionary<string, string>> namespaceLabels, bool requireRules)
    {
        if (requireRules && !HasRules)
            return false;
        if (HasRules && !_rules.Any(r => RuleMatches(r, obj, api)))
            return false;
        if (_excludes.Any(r => RuleMatches(r, obj, api)))
            return false;
        if (_objectSelector is { IsEmpty: false } os && !os.Matches(obj.Labels))
            return false;
        if (_namespaceSelector is { IsEmpty: false } ns && api.Namespaced && obj.Namespace is { } n && !ns.Matches(namespaceLabels(n)))
            return false;
        if (_namespaceSelector is { IsEmpty: false } nsel && obj.Kind == "Namespace" && obj.Group.Length == 0 && !nsel.Matches(namespaceLabels(obj.Name)))
            return false;
        return true;
    }

    private bool RuleMatches(YamlMapping rule, Resource obj, ApiResourceInfo api)
    {
        if (!Contains(rule, "operations", "CREATE"))
            return false;
        if (!Contains(rule, "apiGroups", api.Group) || !Contains(rule, "resources", api.Resource))
            return false;
        if (!_exact || Contains(rule, "apiVersions", api.Version))
            return true;
        return false;
    }

    private static bool Contains(YamlMapping rule, string key, string value)
    {
        var items = rule.GetSequence(key);
        if (items is null)
            return key == "apiVersions";
        foreach (var s in items.Scalars())
        {
            if (s.Text == "*" || s.Text == value || (key == "resources" && s.Text.EndsWith("/*", StringComparison.Ordinal) && s.Text[..^2] == value))
                return true;
        }

        return false;
    }
}

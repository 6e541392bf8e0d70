using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// One entry of a Role's or ClusterRole's <c>rules</c>, with Kubernetes' RBAC matching semantics
/// (<c>k8s.io/kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go</c>): <c>*</c> in verbs, apiGroups and
/// resources matches everything, <c>*/sub</c> matches that subresource of every resource, a listed
/// resource never covers its subresources, and non-empty <c>resourceNames</c> restricts to those names.
/// </summary>
public sealed class PolicyRuleView
{
    public const string All = "*";

    internal PolicyRuleView(
        RoleView role,
        int index,
        YamlMapping? node,
        ImmutableArray<RbacValue> verbs,
        ImmutableArray<RbacValue> apiGroups,
        ImmutableArray<RbacValue> resources,
        ImmutableArray<RbacValue> resourceNames,
        ImmutableArray<RbacValue> nonResourceUrls)
    {
        Role = role;
        Index = index;
        Node = node;
        Verbs = verbs;
        ApiGroups = apiGroups;
        Resources = resources;
        ResourceNames = resourceNames;
        NonResourceUrls = nonResourceUrls;
    }

    /// <summary>The role that defines the rule (for aggregated roles, the role it was aggregated from).</summary>
    public RoleView Role { get; }

    /// <summary>Position of the rule in its role's <c>rules</c> list.</summary>
    public int Index { get; }

    /// <summary>The rule's mapping in the input; null for built-in roles.</summary>
    public YamlMapping? Node { get; }

    public ImmutableArray<RbacValue> Verbs { get; }

    public ImmutableArray<RbacValue> ApiGroups { get; }

    public ImmutableArray<RbacValue> Resources { get; }

    public ImmutableArray<RbacValue> ResourceNames { get; }

    public ImmutableArray<RbacValue> NonResourceUrls { get; }

    public bool IsBuiltIn => Node is null;

    /// <summary>
    /// True when the rule grants every verb on every resource of every API group (what cluster-admin grants), with
    /// <c>*</c> or by listing every standard verb: the few verbs left out (<c>escalate</c>, <c>bind</c>,
    /// <c>impersonate</c>) are reached anyway by whoever may create and update anything, RoleBindings included.
    /// </summary>
    public bool GrantsEverything =>
        (HasItem(Verbs, All) || ListsEveryStandardVerb) && HasItem(ApiGroups, All) && HasItem(Resources, All) && ResourceNames.IsEmpty;

    /// <summary>True when the verbs are not <c>*</c> but list each of <see cref="StandardVerbs"/>.</summary>
    public bool ListsEveryStandardVerb
    {
        get
        {
            if (HasItem(Verbs, All))
                return false;
            foreach (var verb in StandardVerbs)
            {
                if (!HasItem(Verbs, verb))
                    return false;
            }

            return true;
        }
    }

    /// <summary>The verbs of the API's resource requests that a role spelling out "everything" lists.</summary>
    public static ImmutableArray<string> StandardVerbs { get; } = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];

    /// <summary>
    /// Kubernetes' decision for a resource request: does this rule allow <paramref name="verb"/> on
    /// <paramref name="resource"/> (and <paramref name="subresource"/>, empty for none) in <paramref name="group"/>,
    /// for the object <paramref name="name"/> (null or empty for requests without a name: list, create, watch of all)?
    /// </summary>
    public bool Allows(string verb, string group, string resource, string subresource, string? name) =>
        MatchingVerb(verb) is not null
        && MatchingGroup(group) is not null
        && MatchingResource(resource, subresource) is not null
        && NameMatches(name);

    /// <summary>
    /// As <see cref="Allows"/>, but true when the rule allows the request for at least some object names:
    /// what a linter asks ("can this role read secrets at all?"). <see cref="ResourceNames"/> says whether it is limited.
    /// </summary>
    public bool AllowsSome(string verb, string group, string resource, string subresource = "") =>
        MatchingVerb(verb) is not null && MatchingGroup(group) is not null && MatchingResource(resource, subresource) is not null;

    /// <summary>Kubernetes' decision for a non-resource request (<c>/healthz</c>, <c>/metrics</c>...): exact, <c>*</c>, or a final <c>*</c> as a prefix match.</summary>
    public bool AllowsNonResource(string verb, string path) =>
        MatchingVerb(verb) is not null && MatchingNonResourceUrl(path) is not null;

    public RbacValue? MatchingVerb(string verb)
    {
        foreach (var v in Verbs)
        {
            if (v.Text == All || v.Text == verb)
                return v;
        }

        return null;
    }

    public RbacValue? MatchingGroup(string group)
    {
        foreach (var g in ApiGroups)
        {
            if (g.Text == All || g.Text == group)
                return g;
        }

        return null;
    }

    /// <summary>The resources item that covers <paramref name="resource"/>/<paramref name="subresource"/>, if any.</summary>
    public RbacValue? MatchingResource(string resource, string subresource)
    {
        foreach (var r in Resources)
        {
            if (r.Text == All || IsResource(r.Text, resource, subresource))
                return r;
            if (subresource.Length > 0 && r.Text.Length == subresource.Length + 2
                && r.Text.StartsWith("*/", StringComparison.Ordinal) && r.Text.EndsWith(subresource, StringComparison.Ordinal))
                return r;
        }

        return null;
    }

    public RbacValue? MatchingNonResourceUrl(string path)
    {
        foreach (var u in NonResourceUrls)
        {
            if (u.Text == All || u.Text == path)
                return u;
            if (u.Text.EndsWith('*') && path.StartsWith(u.Text[..^1], StringComparison.Ordinal))
                return u;
        }

        return null;
    }

    public bool NameMatches(string? name)
    {
        if (ResourceNames.IsEmpty)
            return true;
        if (string.IsNullOrEmpty(name))
            return false;
        foreach (var n in ResourceNames)
        {
            if (n.Text == name)
                return true;
        }

        return false;
    }

    /// <summary><c>ClusterRole 'x' rules[2]</c>.</summary>
    public string Describe() => $"{Role.Describe()} rules[{Index}]";

    public override string ToString() =>
        $"verbs=[{string.Join(',', Verbs)}] apiGroups=[{string.Join(',', ApiGroups.Select(g => g.Text.Length == 0 ? "\"\"" : g.Text))}] resources=[{string.Join(',', Resources)}]"
        + (ResourceNames.IsEmpty ? string.Empty : $" resourceNames=[{string.Join(',', ResourceNames)}]")
        + (NonResourceUrls.IsEmpty ? string.Empty : $" nonResourceURLs=[{string.Join(',', NonResourceUrls)}]");

    /// <summary>Whether <paramref name="text"/> is <c>resource</c>, or <c>resource/subresource</c> when there is a subresource.</summary>
    private static bool IsResource(string text, string resource, string subresource)
    {
        if (subresource.Length == 0)
            return text == resource;
        return text.Length == resource.Length + 1 + subresource.Length
            && text.StartsWith(resource, StringComparison.Ordinal)
            && text[resource.Length] == '/'
            && text.EndsWith(subresource, StringComparison.Ordinal);
    }

    private static bool HasItem(ImmutableArray<RbacValue> values, string text)
    {
        foreach (var v in values)
        {
            if (v.Text == text)
                return true;
        }

        return false;
    }
}

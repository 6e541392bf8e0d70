using System.Collections.Frozen;
using System.Collections.Immutable;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// The RBAC graph of a run: Roles and ClusterRoles (the input's, plus Kubernetes' built-in ClusterRoles
/// for names the input does not define), aggregation resolved through a label index of ClusterRoles, and
/// bindings indexed by role and by subject. Answers <see cref="Can"/> and <see cref="Who"/> with the chains
/// (binding → role → rule) that grant. Built once per graph (see <see cref="ResourceGraph.Rbac"/>), immutable.
/// </summary>
public sealed class RbacIndex
{
    public const string Group = "rbac.authorization.k8s.io";

    private static readonly IEqualityComparer<(string, string?, string)> RoleKeyComparer = EqualityComparer<(string, string?, string)>.Default;

    private readonly FrozenDictionary<(string Kind, string? Namespace, string Name), RoleView> _roles;
    private readonly FrozenDictionary<RoleView, ImmutableArray<PolicyRuleView>> _aggregatedRules;
    private readonly FrozenDictionary<RoleView, ImmutableArray<RoleView>> _aggregatedFrom;
    private readonly FrozenDictionary<RoleView, ImmutableArray<RoleView>> _aggregatesInto;
    private readonly FrozenDictionary<RoleView, ImmutableArray<BindingView>> _bindingsByRole;
    private readonly FrozenDictionary<string, ImmutableArray<BindingView>> _bindingsBySubject;
    private readonly FrozenDictionary<BindingView, RoleView> _resolved;

    private RbacIndex(ImmutableArray<RoleView> inputRoles, ImmutableArray<BindingView> inputBindings, ImmutableArray<RoleView> builtInRoles, ImmutableArray<BindingView> builtInBindings)
    {
        var roles = new Dictionary<(string, string?, string), RoleView>(RoleKeyComparer);
        foreach (var r in inputRoles)
            roles.TryAdd((r.Kind, r.Namespace, r.Name), r);
        var usedBuiltIns = ImmutableArray.CreateBuilder<RoleView>();
        foreach (var r in builtInRoles)
        {
            if (roles.TryAdd((r.Kind, r.Namespace, r.Name), r))
                usedBuiltIns.Add(r);
        }

        _roles = roles.ToFrozenDictionary(RoleKeyComparer);
        InputRoles = inputRoles;
        BuiltInRoles = usedBuiltIns.ToImmutable();
        InputBindings = inputBindings;
        BuiltInBindings = builtInBindings;

        (_aggregatedFrom, _aggregatedRules) = ResolveAggregation([.. roles.Values.Where(r => r.IsClusterRole)]);
        _aggregatesInto = _aggregatedFrom
            .SelectMany(kv => kv.Value.Select(source => (Source: source, Target: kv.Key)))
            .GroupBy(x => x.Source)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Target).Distinct().ToImmutableArray());

        var resolved = new Dictionary<BindingView, RoleView>();
        var byRole = new Dictionary<RoleView, List<BindingView>>();
        var bySubject = new Dictionary<string, List<BindingView>>(StringComparer.Ordinal);
        foreach (var b in inputBindings.Concat(builtInBindings))
        {
            if (Resolve(b.RoleRef, b.Namespace, b.IsClusterRoleBinding) is { } role)
            {
                resolved[b] = role;
                if (!byRole.TryGetValue(role, out var list))
                    byRole[role] = list = [];
                list.Add(b);
            }

            foreach (var s in b.Subjects)
            {
                if (s.Subject is null)
                    continue;
                if (!bySubject.TryGetValue(s.Subject.IndexKey, out var list))
                    bySubject[s.Subject.IndexKey] = list = [];
                if (list.Count == 0 || list[^1] != b)
                    list.Add(b);
            }
        }

        _resolved = resolved.ToFrozenDictionary();
        _bindingsByRole = byRole.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray());
        _bindingsBySubject = bySubject.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Roles and ClusterRoles of the input, in input order.</summary>
    public ImmutableArray<RoleView> InputRoles { get; }

    /// <summary>Kubernetes' default ClusterRoles whose names the input does not define.</summary>
    public ImmutableArray<RoleView> BuiltInRoles { get; }

    /// <summary>RoleBindings and ClusterRoleBindings of the input, in input order.</summary>
    public ImmutableArray<BindingView> InputBindings { get; }

    /// <summary>Kubernetes' default ClusterRoleBindings (e.g. <c>system:basic-user</c> for every authenticated user).</summary>
    public ImmutableArray<BindingView> BuiltInBindings { get; }

    public static RbacIndex Build(ResourceGraph graph) =>
        Build(graph.OfKind("Role").Concat(graph.OfKind("ClusterRole")).Concat(graph.OfKind("RoleBinding")).Concat(graph.OfKind("ClusterRoleBinding")));

    /// <summary>Builds the index from the RBAC objects among <paramref name="resources"/>, with Kubernetes' defaults.</summary>
    public static RbacIndex Build(IEnumerable<Resource> resources) =>
        Build(resources, DefaultClusterRoles.AllRoles, DefaultClusterRoles.Bindings);

    public static RbacIndex Build(IEnumerable<Resource> resources, ImmutableArray<RoleView> builtInRoles, ImmutableArray<BindingView> builtInBindings)
    {
        var roles = ImmutableArray.CreateBuilder<RoleView>();
        var bindings = ImmutableArray.CreateBuilder<BindingView>();
        foreach (var r in resources)
        {
            if (r.Group != Group)
                continue;
            switch (r.Kind)
            {
                case "Role" or "ClusterRole":
                    roles.Add(RoleView.FromResource(r));
                    break;
                case "RoleBinding" or "ClusterRoleBinding":
                    bindings.Add(BindingView.FromResource(r));
                    break;
            }
        }

        return new RbacIndex(roles.ToImmutable(), bindings.ToImmutable(), builtInRoles, builtInBindings);
    }

    /// <summary>The ClusterRole with this name (the input's, else the built-in one).</summary>
    public RoleView? FindClusterRole(string name) => _roles.GetValueOrDefault(("ClusterRole", null, name));

    public RoleView? FindRole(string @namespace, string name) => _roles.GetValueOrDefault(("Role", @namespace, name));

    /// <summary>The role a binding refers to, or null when it is neither in the input nor built in (or the reference is invalid).</summary>
    public RoleView? RoleOf(BindingView binding) => _resolved.GetValueOrDefault(binding);

    /// <summary>The rules a role grants: its own, or for an aggregated ClusterRole the union of the selected ClusterRoles' rules.</summary>
    public ImmutableArray<PolicyRuleView> EffectiveRules(RoleView role) =>
        _aggregatedRules.TryGetValue(role, out var rules) ? rules : role.Rules;

    /// <summary>ClusterRoles whose rules an aggregated ClusterRole takes (directly or through another aggregated role).</summary>
    public ImmutableArray<RoleView> AggregatedFrom(RoleView role) => _aggregatedFrom.GetValueOrDefault(role, []);

    /// <summary>Aggregated ClusterRoles that take this ClusterRole's rules (a chart role labelled <c>aggregate-to-edit</c> extends <c>edit</c> and <c>admin</c>).</summary>
    public ImmutableArray<RoleView> AggregatesInto(RoleView role) => _aggregatesInto.GetValueOrDefault(role, []);

    /// <summary>Bindings (input and built-in) that refer to the role.</summary>
    public ImmutableArray<BindingView> BindingsOf(RoleView role) => _bindingsByRole.GetValueOrDefault(role, []);

    /// <summary>
    /// Every chain that grants the role's rules to someone: its own bindings, and the bindings of aggregated
    /// roles that take its rules. Used to judge where a rule written in a role takes effect.
    /// </summary>
    public IEnumerable<BindingView> EffectiveBindingsOf(RoleView role) =>
        BindingsOf(role).Concat(AggregatesInto(role).SelectMany(r => BindingsOf(r))).Distinct();

    /// <summary>Bindings that apply to the subject: naming it, its user name, or one of its groups.</summary>
    public ImmutableArray<BindingView> BindingsFor(RbacSubject subject)
    {
        var result = ImmutableArray.CreateBuilder<BindingView>();
        var seen = new HashSet<BindingView>();
        foreach (var key in subject.MatchKeys)
        {
            if (!_bindingsBySubject.TryGetValue(key, out var list))
                continue;
            foreach (var b in list)
            {
                if (seen.Add(b))
                    result.Add(b);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Every grant the subject holds, in any namespace, as (binding, role, rule) chains.</summary>
    public IEnumerable<RbacGrant> GrantsFor(RbacSubject subject, bool includeBuiltInBindings = true)
    {
        foreach (var binding in BindingsFor(subject))
        {
            if (!includeBuiltInBindings && binding.IsBuiltIn)
                continue;
            if (RoleOf(binding) is not { } role)
                continue;
            foreach (var rule in EffectiveRules(role))
                yield return new RbacGrant(binding, role, rule);
        }
    }

    /// <summary>
    /// The subject's effective permissions in <paramref name="namespace"/>: grants of ClusterRoleBindings and of
    /// RoleBindings in that namespace (null: cluster-scoped requests, ClusterRoleBindings only).
    /// </summary>
    public IEnumerable<RbacGrant> GrantsIn(RbacSubject subject, string? @namespace, bool includeBuiltInBindings = true) =>
        GrantsFor(subject, includeBuiltInBindings).Where(g => g.AppliesIn(@namespace));

    /// <summary>
    /// The grants that let <paramref name="subject"/> make a resource request: <paramref name="verb"/> on
    /// <paramref name="resource"/>[/<paramref name="subresource"/>] of <paramref name="group"/> in
    /// <paramref name="namespace"/> (null for cluster-scoped resources), for object <paramref name="name"/>
    /// (null for requests without one). Empty means RBAC denies it.
    /// </summary>
    public ImmutableArray<RbacGrant> Can(RbacSubject subject, string verb, string group, string resource, string subresource, string? @namespace, string? name = null) =>
        [.. GrantsIn(subject, @namespace).Where(g => g.Rule.Allows(verb, group, resource, subresource, name))];

    /// <summary>The grants that let <paramref name="subject"/> call a non-resource URL (only ClusterRoles bound by ClusterRoleBindings grant these).</summary>
    public ImmutableArray<RbacGrant> CanNonResource(RbacSubject subject, string verb, string path) =>
        [.. GrantsFor(subject).Where(g => g.Binding.IsClusterRoleBinding && g.Role.IsClusterRole && g.Rule.AllowsNonResource(verb, path))];

    /// <summary>Every binding subject allowed to make the request, with the chain that allows it, in binding order.</summary>
    public ImmutableArray<RbacAccess> Who(string verb, string group, string resource, string subresource, string? @namespace, string? name = null)
    {
        var result = ImmutableArray.CreateBuilder<RbacAccess>();
        foreach (var binding in InputBindings.Concat(BuiltInBindings))
        {
            if (RoleOf(binding) is not { } role)
                continue;
            var grant = EffectiveRules(role).Select(rule => new RbacGrant(binding, role, rule))
                .FirstOrDefault(g => g.AppliesIn(@namespace) && g.Rule.Allows(verb, group, resource, subresource, name));
            if (grant is null)
                continue;
            foreach (var s in binding.Subjects)
            {
                if (s.Subject is not null)
                    result.Add(new RbacAccess(s, grant));
            }
        }

        return result.ToImmutable();
    }

    private RoleView? Resolve(RoleRefView roleRef, string? bindingNamespace, bool clusterRoleBinding) => roleRef.Kind switch
    {
        "ClusterRole" => FindClusterRole(roleRef.Name),
        "Role" when !clusterRoleBinding && bindingNamespace is not null => FindRole(bindingNamespace, roleRef.Name),
        _ => null,
    };

    /// <summary>
    /// Resolves every aggregated ClusterRole as the API server's aggregation controller does, to a fixed point:
    /// the union of the rules of the ClusterRoles its selectors match (never itself), where those may be aggregated too.
    /// Candidates come from the label index, not from a scan of all roles per selector.
    /// </summary>
    private static (FrozenDictionary<RoleView, ImmutableArray<RoleView>> From, FrozenDictionary<RoleView, ImmutableArray<PolicyRuleView>> Rules) ResolveAggregation(ImmutableArray<RoleView> clusterRoles)
    {
        var byPair = clusterRoles.SelectMany(r => r.Labels.Select(l => (Pair: (l.Key, l.Value), Role: r)))
            .GroupBy(x => x.Pair).ToDictionary(g => g.Key, g => g.Select(x => x.Role).ToList());
        var byKey = clusterRoles.SelectMany(r => r.Labels.Keys.Select(k => (Key: k, Role: r)))
            .GroupBy(x => x.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Role).ToList(), StringComparer.Ordinal);

        IEnumerable<RoleView> Candidates(LabelSelectorView selector)
        {
            List<RoleView>? smallest = null;
            foreach (var pair in selector.RequiredPairs)
            {
                var set = byPair.GetValueOrDefault(pair) ?? [];
                if (smallest is null || set.Count < smallest.Count)
                    smallest = set;
            }

            if (smallest is null)
            {
                foreach (var key in selector.RequiredKeys)
                {
                    var set = byKey.GetValueOrDefault(key) ?? [];
                    if (smallest is null || set.Count < smallest.Count)
                        smallest = set;
                }
            }

            return (smallest ?? (IEnumerable<RoleView>)clusterRoles).Where(r => selector.Matches(r.Labels));
        }

        var direct = new Dictionary<RoleView, List<RoleView>>();
        foreach (var role in clusterRoles.Where(r => r.HasAggregationRule))
        {
            var sources = new List<RoleView>();
            foreach (var selector in role.AggregationSelectors)
            {
                foreach (var c in Candidates(selector))
                {
                    if (c != role && !sources.Contains(c))
                        sources.Add(c);
                }
            }

            direct[role] = sources;
        }

        var from = new Dictionary<RoleView, ImmutableArray<RoleView>>();
        var rules = new Dictionary<RoleView, ImmutableArray<PolicyRuleView>>();
        foreach (var role in direct.Keys)
        {
            // Depth-first over the aggregation edges; a role already on the path is skipped, so cycles end.
            var all = new List<RoleView>();
            var seen = new HashSet<RoleView> { role };
            var stack = new Stack<RoleView>(Enumerable.Reverse(direct[role]));
            var ruleList = new List<PolicyRuleView>();
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                if (!seen.Add(next))
                    continue;
                all.Add(next);
                if (direct.TryGetValue(next, out var deeper))
                {
                    foreach (var d in Enumerable.Reverse(deeper))
                        stack.Push(d);
                }
                else
                {
                    ruleList.AddRange(next.Rules);
                }
            }

            from[role] = [.. all];
            rules[role] = [.. ruleList];
        }

        return (from.ToFrozenDictionary(), rules.ToFrozenDictionary());
    }
}

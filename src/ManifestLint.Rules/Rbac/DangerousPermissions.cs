using ManifestLint.Core.Rbac;

namespace ManifestLint.Rules.Rbac;

/// <summary>
/// The permissions the RBAC rules treat as dangerous, decided with RBAC's own matching (so <c>*</c>, <c>*/exec</c>
/// and aggregated rules count). Each check returns the item that grants the permission, for the finding's location.
/// </summary>
internal static class DangerousPermissions
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];
    private static readonly string[] CreateVerb = ["create"];
    private static readonly string[] WriteVerbs = ["create", "update", "patch"];
    private static readonly string[] ExecSubresources = ["exec", "attach"];
    private static readonly string[] ExecVerbs = ["create", "get"];
    private static readonly string[] EscalationVerbs = ["escalate", "bind"];
    private static readonly string[] RoleResources = ["clusterroles", "roles"];
    private static readonly string[] UpdateVerbs = ["update", "patch"];
    private static readonly string[] NodeProxyVerbs = ["get", "create"];
    private static readonly string[] WebhookResources = ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"];
    private static readonly string[] WebhookVerbs = ["create", "update", "patch", "delete"];

    private static readonly (string Group, string Resource)[] Impersonated =
    [
        ("", "users"), ("", "groups"), ("", "serviceaccounts"), ("authentication.k8s.io", "uids"), ("authentication.k8s.io", "userextras"),
    ];

    private static readonly (string Group, string Resource)[] Workloads =
    [
        ("", "pods"), ("", "replicationcontrollers"), ("apps", "deployments"), ("apps", "daemonsets"), ("apps", "statefulsets"),
        ("apps", "replicasets"), ("batch", "jobs"), ("batch", "cronjobs"), ("extensions", "deployments"), ("extensions", "daemonsets"),
        ("extensions", "replicasets"),
    ];

    public static PermissionMatch? Everything(PolicyRuleView rule) =>
        rule.GrantsEverything ? new PermissionMatch(rule.ListsEveryStandardVerb ? "every standard verb on every resource" : "every verb on every resource", rule.MatchingResource("*", string.Empty)!, rule) : null;

    public static PermissionMatch? ReadSecrets(PolicyRuleView rule)
    {
        if (AllowedVerbs(rule, ReadVerbs, "", "secrets") is not { } verbs)
            return null;
        var limited = rule.ResourceNames.IsEmpty ? string.Empty : $" named {string.Join(", ", rule.ResourceNames.Select(n => $"'{n.Text}'"))}";
        return new PermissionMatch($"read access to Secrets{limited} ({string.Join(", ", verbs)})", rule.MatchingResource("secrets", string.Empty)!, rule);
    }

    public static PermissionMatch? CreatePods(PolicyRuleView rule)
    {
        foreach (var (group, resource) in Workloads)
        {
            if (AllowedVerbs(rule, resource == "pods" ? CreateVerb : WriteVerbs, group, resource) is { } allowed)
            {
                var name = group.Length == 0 ? resource : $"{resource}.{group}";
                return new PermissionMatch($"{string.Join("/", allowed)} on {name}", rule.MatchingResource(resource, string.Empty)!, rule);
            }
        }

        return null;
    }

    public static PermissionMatch? ExecIntoPods(PolicyRuleView rule)
    {
        foreach (var sub in ExecSubresources)
        {
            if (AllowedVerbs(rule, ExecVerbs, "", "pods", sub) is { } verbs)
                return new PermissionMatch($"{string.Join("/", verbs)} on pods/{sub}", rule.MatchingResource("pods", sub)!, rule);
        }

        return null;
    }

    public static PermissionMatch? Escalation(PolicyRuleView rule)
    {
        foreach (var verb in EscalationVerbs)
        {
            foreach (var resource in RoleResources)
            {
                if (rule.AllowsSome(verb, RbacIndex.Group, resource))
                    return new PermissionMatch($"'{verb}' on {resource}", rule.MatchingVerb(verb)!, rule);
            }
        }

        if (rule.MatchingVerb("impersonate") is { } impersonate)
        {
            foreach (var (group, resource) in Impersonated)
            {
                if (rule.MatchingGroup(group) is not null && rule.MatchingResource(resource, string.Empty) is not null)
                    return new PermissionMatch($"'impersonate' on {resource}", impersonate, rule);
            }
        }

        if (rule.AllowsSome("create", "", "serviceaccounts", "token"))
            return new PermissionMatch("create on serviceaccounts/token (minting tokens for any ServiceAccount it can name)", rule.MatchingResource("serviceaccounts", "token")!, rule);
        foreach (var verb in UpdateVerbs)
        {
            if (rule.AllowsSome(verb, "certificates.k8s.io", "certificatesigningrequests", "approval"))
                return new PermissionMatch($"{verb} on certificatesigningrequests/approval", rule.MatchingResource("certificatesigningrequests", "approval")!, rule);
        }

        if (rule.AllowsSome("approve", "certificates.k8s.io", "signers"))
            return new PermissionMatch("'approve' on certificate signers", rule.MatchingVerb("approve")!, rule);
        foreach (var verb in NodeProxyVerbs)
        {
            if (rule.AllowsSome(verb, "", "nodes", "proxy"))
                return new PermissionMatch($"{verb} on nodes/proxy (the kubelet API, including exec in any pod on the node)", rule.MatchingResource("nodes", "proxy")!, rule);
        }

        return null;
    }

    public static PermissionMatch? WebhookControl(PolicyRuleView rule)
    {
        foreach (var resource in WebhookResources)
        {
            if (AllowedVerbs(rule, WebhookVerbs, "admissionregistration.k8s.io", resource) is { } verbs)
                return new PermissionMatch($"{string.Join("/", verbs)} on {resource}", rule.MatchingResource(resource, string.Empty)!, rule);
        }

        return null;
    }

    /// <summary>
    /// Those of <paramref name="verbs"/> (in their order) the rule allows on the resource for some names; null for
    /// none. The group and resource are matched once, before any verb: most rules fail there.
    /// </summary>
    private static List<string>? AllowedVerbs(PolicyRuleView rule, string[] verbs, string group, string resource, string subresource = "")
    {
        if (rule.MatchingGroup(group) is null || rule.MatchingResource(resource, subresource) is null)
            return null;
        List<string>? allowed = null;
        foreach (var verb in verbs)
        {
            if (rule.MatchingVerb(verb) is not null)
                (allowed ??= []).Add(verb);
        }

        return allowed;
    }

    /// <summary>The first dangerous permission of the rule, most severe first; null when the rule grants none.</summary>
    public static PermissionMatch? Any(PolicyRuleView rule) =>
        Everything(rule) ?? Escalation(rule) ?? ReadSecrets(rule) ?? ExecIntoPods(rule) ?? WebhookControl(rule) ?? CreatePods(rule);
}

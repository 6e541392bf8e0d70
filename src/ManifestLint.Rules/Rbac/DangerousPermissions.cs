using ManifestLint.Core.Rbac;

namespace ManifestLint.Rules.Rbac;

/// <summary>
/// The permissions the RBAC rules treat as dangerous, decided with RBAC's own matching (so <c>*</c>, <c>*/exec</c>
/// and aggregated rules count). Each check returns the item that grants the permission, for the finding's location.
/// </summary>
internal static class DangerousPermissions
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];

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
        var verbs = ReadVerbs.Where(v => rule.AllowsSome(v, "", "secrets")).ToList();
        if (verbs.Count == 0)
            return null;
        var limited = rule.ResourceNames.IsEmpty ? string.Empty : $" named {string.Join(", ", rule.ResourceNames.Select(n => $"'{n.Text}'"))}";
        return new PermissionMatch($"read access to Secrets{limited} ({string.Join(", ", verbs)})", rule.MatchingResource("secrets", string.Empty)!, rule);
    }

    public static PermissionMatch? CreatePods(PolicyRuleView rule)
    {
        foreach (var (group, resource) in Workloads)
        {
            var verbs = resource == "pods" ? ["create"] : new[] { "create", "update", "patch" };
            var allowed = verbs.Where(v => rule.AllowsSome(v, group, resource)).ToList();
            if (allowed.Count > 0)
            {
                var name = group.Length == 0 ? resource : $"{resource}.{group}";
                return new PermissionMatch($"{string.Join("/", allowed)} on {name}", rule.MatchingResource(resource, string.Empty)!, rule);
            }
        }

        return null;
    }

    public static PermissionMatch? ExecIntoPods(PolicyRuleView rule)
    {
        foreach (var sub in new[] { "exec", "attach" })
        {
            var verbs = new[] { "create", "get" }.Where(v => rule.AllowsSome(v, "", "pods", sub)).ToList();
            if (verbs.Count > 0)
                return new PermissionMatch($"{string.Join("/", verbs)} on pods/{sub}", rule.MatchingResource("pods", sub)!, rule);
        }

        return null;
    }

    public static PermissionMatch? Escalation(PolicyRuleView rule)
    {
        foreach (var verb in new[] { "escalate", "bind" })
        {
            foreach (var resource in new[] { "clusterroles", "roles" })
            {
                if (rule.AllowsSome(verb, "rbac.authorization.k8s.io", resource))
                    return new PermissionMatch($"'{verb}' on {resource}", rule.MatchingVerb(verb)!, rule);
            }
        }

        foreach (var (group, resource) in new[] { ("", "users"), ("", "groups"), ("", "serviceaccounts"), ("authentication.k8s.io", "uids"), ("authentication.k8s.io", "userextras") })
        {
            if (rule.AllowsSome("impersonate", group, resource))
                return new PermissionMatch($"'impersonate' on {resource}", rule.MatchingVerb("impersonate")!, rule);
        }

        if (rule.AllowsSome("create", "", "serviceaccounts", "token"))
            return new PermissionMatch("create on serviceaccounts/token (minting tokens for any ServiceAccount it can name)", rule.MatchingResource("serviceaccounts", "token")!, rule);
        foreach (var verb in new[] { "update", "patch" })
        {
            if (rule.AllowsSome(verb, "certificates.k8s.io", "certificatesigningrequests", "approval"))
                return new PermissionMatch($"{verb} on certificatesigningrequests/approval", rule.MatchingResource("certificatesigningrequests", "approval")!, rule);
        }

        if (rule.AllowsSome("approve", "certificates.k8s.io", "signers"))
            return new PermissionMatch("'approve' on certificate signers", rule.MatchingVerb("approve")!, rule);
        foreach (var verb in new[] { "get", "create" })
        {
            if (rule.AllowsSome(verb, "", "nodes", "proxy"))
                return new PermissionMatch($"{verb} on nodes/proxy (the kubelet API, including exec in any pod on the node)", rule.MatchingResource("nodes", "proxy")!, rule);
        }

        return null;
    }

    public static PermissionMatch? WebhookControl(PolicyRuleView rule)
    {
        foreach (var resource in new[] { "mutatingwebhookconfigurations", "validatingwebhookconfigurations" })
        {
            var verbs = new[] { "create", "update", "patch", "delete" }.Where(v => rule.AllowsSome(v, "admissionregistration.k8s.io", resource)).ToList();
            if (verbs.Count > 0)
                return new PermissionMatch($"{string.Join("/", verbs)} on {resource}", rule.MatchingResource(resource, string.Empty)!, rule);
        }

        return null;
    }

    /// <summary>The first dangerous permission of the rule, most severe first; null when the rule grants none.</summary>
    public static PermissionMatch? Any(PolicyRuleView rule) =>
        Everything(rule) ?? Escalation(rule) ?? ReadSecrets(rule) ?? ExecIntoPods(rule) ?? WebhookControl(rule) ?? CreatePods(rule);
}

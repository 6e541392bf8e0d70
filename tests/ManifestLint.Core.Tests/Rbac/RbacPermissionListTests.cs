using System.Text.RegularExpressions;
using ManifestLint.Core.Rbac;

namespace ManifestLint.Core.Tests.Rbac;

/// <summary>
/// <c>can-i --list</c> for a ServiceAccount bound to the built-in <c>view</c> role and a custom Role. The expected
/// lines are written from RBAC's documented rules: view's rules (aggregated from system:aggregate-to-view), the
/// custom Role's name-limited rule on its own line, and what every authenticated user gets from Kubernetes'
/// default bindings (system:basic-user, system:discovery, system:public-info-viewer).
/// </summary>
public sealed class RbacPermissionListTests
{
    private const string Input = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: web-view
          namespace: app
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
          - kind: ServiceAccount
            name: web
            namespace: app
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: config-writer
          namespace: app
        rules:
          - apiGroups: [""]
            resources: ["configmaps"]
            resourceNames: ["app-config"]
            verbs: ["update", "patch"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: web-config
          namespace: app
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: config-writer
        subjects:
          - kind: ServiceAccount
            name: web
            namespace: app
        """;

    private static readonly RbacSubject Web = RbacSubject.ServiceAccount("app", "web");

    [Fact]
    public void Lists_what_kubectl_auth_can_i_list_would_for_the_same_bindings()
    {
        var rows = RbacPermissionList.For(RbacTestGraph.From(Input).Rbac, Web, "app");
        var lines = rows.Select(Line).ToList();

        string[] expected =
        [
            "configmaps | [] | [] | [get list watch]",
            "configmaps | [] | [app-config] | [update patch]",
            "deployments.apps | [] | [] | [get list watch]",
            "pods | [] | [] | [get list watch]",
            "pods/log | [] | [] | [get list watch]",
            "selfsubjectaccessreviews.authorization.k8s.io | [] | [] | [create]",
            "selfsubjectreviews.authentication.k8s.io | [] | [] | [create]",
            "selfsubjectrulesreviews.authorization.k8s.io | [] | [] | [create]",
            "namespaces | [] | [] | [get list watch]",
            " | [/api/*] | [] | [get]",
            " | [/healthz] | [] | [get]",
            " | [/version/] | [] | [get]",
        ];
        Assert.All(expected, e => Assert.Contains(e, lines));

        // view grants no secrets, no exec, no writes; nothing else in the input reaches web.
        Assert.DoesNotContain(lines, l => l.StartsWith("secrets ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("pods/exec ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("create", StringComparison.Ordinal) && !l.Contains("review", StringComparison.Ordinal));

        // Resource lines first (ordinal), then non-resource URLs.
        var firstUrl = lines.FindIndex(l => l.StartsWith(' '));
        Assert.True(firstUrl > 0);
        Assert.All(lines.Skip(firstUrl), l => Assert.StartsWith(" | [/", l, StringComparison.Ordinal));
        Assert.Equal(lines.Take(firstUrl).Order(StringComparer.Ordinal), lines.Take(firstUrl));

        // /healthz comes from two default bindings; both are cited.
        var healthz = rows.Single(r => r.NonResourceUrl == "/healthz");
        Assert.Equal(["system:discovery", "system:public-info-viewer"], healthz.Grants.Select(g => g.Binding.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Role_bindings_of_other_namespaces_do_not_count()
    {
        var rows = RbacPermissionList.For(RbacTestGraph.From(Input).Rbac, Web, "other");
        Assert.DoesNotContain(rows, r => r.Resource is "pods" or "configmaps");
        Assert.Contains(rows, r => r.Resource == "selfsubjectrulesreviews.authorization.k8s.io");
    }

    [Fact]
    public void Table_has_kubectls_columns_and_cites_the_binding_and_rule_lines()
    {
        var rows = RbacPermissionList.For(RbacTestGraph.From(Input, "deploy/rbac.yaml").Rbac, Web, "app");
        var table = RbacPermissionList.Format(rows, RbacPermissionList.DescribeGrant);
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^Resources\s{3,}Non-Resource URLs\s{3,}Resource Names\s{3,}Verbs\s{3,}Granted by$", lines[0]);
        var line = lines.Single(l => l.Contains("[app-config]", StringComparison.Ordinal));
        Assert.Matches(@"^configmaps\s+\[\]\s+\[app-config\]\s+\[update patch\]\s+RoleBinding 'app/web-config' \(deploy/rbac\.yaml:29\) -> Role 'config-writer' rules\[0\] \(deploy/rbac\.yaml:21\)$", line);
        var pods = lines.Single(l => l.StartsWith("pods ", StringComparison.Ordinal));
        Assert.Contains("RoleBinding 'app/web-view' (deploy/rbac.yaml:4) -> built-in ClusterRole 'system:aggregate-to-view' rules[0] via built-in ClusterRole 'view'", pods, StringComparison.Ordinal);
    }

    private static string Line(RbacPermissionRow r) =>
        $"{r.Resource} | {(r.NonResourceUrl.Length == 0 ? "[]" : $"[{r.NonResourceUrl}]")} | [{string.Join(' ', r.ResourceNames)}] | [{string.Join(' ', r.Verbs)}]";
}

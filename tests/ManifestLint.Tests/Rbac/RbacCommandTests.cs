using System.Collections.Immutable;
using System.CommandLine;
using ManifestLint.Cli;
using ManifestLint.Commands;

namespace ManifestLint.Tests.Rbac;

/// <summary>The <c>rbac can-i</c> and <c>rbac who-can</c> commands over manifests in a temporary folder.</summary>
public sealed class RbacCommandTests : IDisposable
{
    private const string Manifests = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: debugger
          namespace: shop
        rules:
          - apiGroups: [""]
            resources: ["pods", "pods/exec"]
            verbs: ["get", "create"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: api-debugger
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: debugger
        subjects:
          - kind: ServiceAccount
            name: api
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: api-view
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
          - kind: ServiceAccount
            name: api
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("manifestlint-rbac-").FullName;

    public RbacCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "deploy"));
        File.WriteAllText(Path.Combine(_folder, "deploy", "rbac.yaml"), Manifests.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Can_i_says_yes_with_exit_0_and_cites_the_binding_and_rule()
    {
        var run = Run("rbac", "can-i", "--as", "system:serviceaccount:shop:api", "create", "pods", "--subresource", "exec", "-n", "shop", "deploy");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "yes\n  RoleBinding 'shop/api-debugger' (deploy/rbac.yaml:14) -> Role 'debugger' rules[0] (deploy/rbac.yaml:7)\n",
            run.Out);
    }

    [Fact]
    public void Can_i_says_no_with_exit_1()
    {
        Assert.Equal((1, "no\n"), Outcome(Run("rbac", "can-i", "--as", "system:serviceaccount:shop:api", "get", "secrets", "-n", "shop", "deploy")));
        Assert.Equal((1, "no\n"), Outcome(Run("rbac", "can-i", "--as", "system:serviceaccount:shop:api", "create", "pods", "--subresource", "exec", "-n", "other", "deploy")));
        Assert.Equal((1, "no\n"), Outcome(Run("rbac", "can-i", "--as", "system:serviceaccount:shop:web", "get", "pods", "-n", "shop", "deploy")));
    }

    [Fact]
    public void Can_i_reads_group_qualified_resources_names_and_non_resource_urls()
    {
        Assert.Equal(0, Run("rbac", "can-i", "--as", "system:serviceaccount:shop:api", "list", "deployments.apps", "-n", "shop", "deploy").ExitCode);
        Assert.Equal(0, Run("rbac", "can-i", "--as", "system:serviceaccount:shop:api", "get", "deploy/web", "-n", "shop", "deploy").ExitCode);
        var healthz = Run("rbac", "can-i", "--as", "system:serviceaccount:shop:api", "get", "/healthz", "deploy");
        Assert.Equal(0, healthz.ExitCode);
        Assert.Contains("built-in ClusterRoleBinding 'system:public-info-viewer'", healthz.Out, StringComparison.Ordinal);

        // namespaces are cluster-scoped: a RoleBinding to view does not reach them.
        Assert.Equal(1, Run("rbac", "can-i", "--as", "system:serviceaccount:shop:api", "list", "namespaces", "-n", "shop", "deploy").ExitCode);
    }

    [Fact]
    public void Can_i_list_prints_kubectls_table_with_the_granting_lines()
    {
        var run = Run("rbac", "can-i", "--list", "--as", "system:serviceaccount:shop:api", "-n", "shop", "deploy");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs\s+Granted by$", lines[0]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l,
            @"^pods/exec\s+\[\]\s+\[\]\s+\[get create\]\s+RoleBinding 'shop/api-debugger' \(deploy/rbac\.yaml:14\) -> Role 'debugger' rules\[0\] \(deploy/rbac\.yaml:7\)$"));
        Assert.Contains(lines, l => l.StartsWith("pods ", StringComparison.Ordinal) && l.Contains("[get create list watch]", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("secrets ", StringComparison.Ordinal));
    }

    [Fact]
    public void Who_can_lists_subjects_with_their_grants()
    {
        var run = Run("rbac", "who-can", "create", "pods", "--subresource", "exec", "-n", "shop", "deploy");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ServiceAccount 'shop/api'   RoleBinding 'shop/api-debugger' (deploy/rbac.yaml:14) -> Role 'debugger' rules[0] (deploy/rbac.yaml:7)\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("Group 'system:masters'", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("shop/api", Run("rbac", "who-can", "create", "pods", "--subresource", "exec", "-n", "other", "deploy").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_requests_and_missing_paths_are_usage_errors()
    {
        var run = Run("rbac", "can-i", "--as", "alice", "get");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("can-i needs VERB and RESOURCE", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, Run("rbac", "who-can", "get", "pods", "no-such-folder").ExitCode);
    }

    private static (int, string) Outcome(CliRun run) => (run.ExitCode, run.Out);

    private CliRun Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(output, error, _folder, ImmutableDictionary<string, string>.Empty, false);
        var root = new RootCommand("test") { RbacCommand.Create(environment) };
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Testing;

namespace ManifestLint.Admission.Tests;

/// <summary>
/// The ValidatingAdmissionPolicy examples of the Kubernetes documentation (<c>testdata/admission/docs/&lt;case&gt;/</c>)
/// and the starter library (<c>policies/&lt;name&gt;.yaml</c> with <c>testdata/policies/&lt;name&gt;/</c>): each
/// <c>fail-*.yaml</c> gets an <c>admission-policy</c> finding exactly on its <c># expect:</c> lines, each
/// <c>pass-*.yaml</c> none.
/// </summary>
public class AdmissionFixtureTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var root in new[] { Path.Combine(RepositoryPaths.Root, "testdata", "admission", "docs"), Path.Combine(RepositoryPaths.Root, "testdata", "policies") })
        {
            foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                foreach (var file in Directory.GetFiles(dir, "*.yaml").Where(f => Path.GetFileName(f) is var n && (n.StartsWith("fail-", StringComparison.Ordinal) || n.StartsWith("pass-", StringComparison.Ordinal))).Order(StringComparer.Ordinal))
                    data.Add(RepositoryPaths.Relative(dir), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Findings_are_on_the_marked_lines(string folder, string file)
    {
        var dir = Path.Combine(RepositoryPaths.Root, folder);
        var objects = Load(Path.Combine(dir, file), out var documents);
        var findings = Evaluate(objects, PolicySources(dir));

        var expected = FixtureExpectations.Parse(documents).Select(e => e.Line).ToArray();
        if (file.StartsWith("fail-", StringComparison.Ordinal))
            Assert.NotEmpty(expected);
        Assert.All(findings, f => Assert.Equal("admission-policy", f.RuleId));
        Assert.True(
            expected.SequenceEqual(findings.Where(f => f.Span.Path.EndsWith(file, StringComparison.Ordinal)).Select(f => f.Span.StartLine).Order()),
            $"expected findings on lines [{string.Join(", ", expected)}], got:\n{string.Join("\n", findings.Select(f => $"{f.Span} {f.Message}"))}");
        Assert.All(findings, f => Assert.NotEmpty(f.Related));
    }

    [Fact]
    public void Validation_actions_set_the_severity()
    {
        var dir = Path.Combine(RepositoryPaths.Root, "testdata", "admission", "docs");
        var warn = Evaluate(Load(Path.Combine(dir, "warn-audit", "fail-no-team.yaml"), out _), PolicySources(Path.Combine(dir, "warn-audit")));
        Assert.Equal(Severity.Warning, Assert.Single(warn).Severity);
        var deny = Evaluate(Load(Path.Combine(dir, "replica-limit", "fail-six-replicas.yaml"), out _), PolicySources(Path.Combine(dir, "replica-limit")));
        Assert.Equal(Severity.Error, Assert.Single(deny).Severity);
    }

    [Fact]
    public void The_message_is_the_kubernetes_denial_with_message_expression_and_reason()
    {
        var dir = Path.Combine(RepositoryPaths.Root, "testdata", "admission", "docs", "params-replica-limit");
        var finding = Assert.Single(Evaluate(Load(Path.Combine(dir, "fail-over-limit.yaml"), out _), PolicySources(dir)));
        Assert.Equal(
            "ValidatingAdmissionPolicy 'replicalimit-policy.example.com' with binding 'replicalimit-binding-test.example.com' denied request: object.spec.replicas must be no greater than 3",
            finding.Message);
        Assert.Equal("spec.replicas", finding.YamlPath);
        Assert.Contains(finding.Related, r => r.Span.Path.EndsWith("policy.yaml", StringComparison.Ordinal) && r.Span.StartLine == 18 && r.Span.StartColumn == 20);
    }

    [Fact]
    public void A_missing_param_denies_or_allows_as_parameterNotFoundAction_says()
    {
        var policy = PolicyWithParams("parameterNotFoundAction: Deny");
        var obj = Parse("obj.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  replicas: 1\n");
        var finding = Assert.Single(Evaluate(obj, policy));
        Assert.Contains("no params found", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Evaluate(obj, PolicyWithParams("parameterNotFoundAction: Allow")));
    }

    [Fact]
    public void Params_selected_by_label_are_each_checked()
    {
        var policy = PolicyWithParams("parameterNotFoundAction: Deny", "selector: { matchLabels: { tier: limits } }");
        var objects = Parse("obj.yaml", """
            apiVersion: rules.example.com/v1
            kind: ReplicaLimit
            metadata: { name: small, namespace: default, labels: { tier: limits } }
            maxReplicas: 2
            ---
            apiVersion: rules.example.com/v1
            kind: ReplicaLimit
            metadata: { name: large, namespace: default, labels: { tier: limits } }
            maxReplicas: 10
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: default }
            spec: { replicas: 5 }
            """);
        var finding = Assert.Single(Evaluate(objects, policy));
        Assert.EndsWith("denied request: failed expression: object.spec.replicas <= params.maxReplicas", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expression_that_does_not_compile_is_reported_at_its_column_in_the_policy_file()
    {
        var policy = Parse("policy.yaml", """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata:
              name: broken
            spec:
              matchConstraints:
                resourceRules:
                - { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments"] }
              validations:
                - expression: "object.spec.replicas <=> 5"
                - expression: |
                    object.spec.replicas > 0 &&
                      object.spec.template.spec.containers.allx(c, true)
            """);
        var findings = Evaluate([], policy, text: "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: broken\nspec:\n  matchConstraints:\n    resourceRules:\n    - { apiGroups: [\"apps\"], apiVersions: [\"v1\"], operations: [\"CREATE\"], resources: [\"deployments\"] }\n  validations:\n    - expression: \"object.spec.replicas <=> 5\"\n    - expression: |\n        object.spec.replicas > 0 &&\n          object.spec.template.spec.containers.allx(c, true)\n");
        Assert.Collection(
            findings.OrderBy(f => f.Span.StartLine),
            f =>
            {
                Assert.Equal(SourceSpan.At("policy.yaml", 10, 43), f.Span);
                Assert.Contains("does not compile: unexpected '>'", f.Message, StringComparison.Ordinal);
            },
            f =>
            {
                Assert.Equal(SourceSpan.At("policy.yaml", 13, 48), f.Span);
                Assert.Contains("undeclared reference to 'allx'", f.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void A_runtime_error_follows_failurePolicy_and_the_cost_limit_is_always_reported()
    {
        const string obj = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\ndata:\n  a: b\n";
        Assert.Contains("resulted in error: no such key: missing", Assert.Single(Evaluate(Parse("o.yaml", obj), Policy("Fail", "object.data.missing == 'x'"))).Message, StringComparison.Ordinal);
        Assert.Empty(Evaluate(Parse("o.yaml", obj), Policy("Ignore", "object.data.missing == 'x'")));
        var range = "[" + string.Join(",", Enumerable.Range(0, 200)) + "]";
        var cost = Assert.Single(Evaluate(Parse("o.yaml", obj), Policy("Ignore", $"{range}.all(x, {range}.all(y, {range}.all(z, true)))")));
        Assert.Contains("cost limit exceeded", cost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_without_binding_does_nothing_unless_unbound_policies_are_applied()
    {
        var policy = Parse("policy.yaml", """
            apiVersion: admissionregistration.k8s.io/v1beta1
            kind: ValidatingAdmissionPolicy
            metadata: { name: p }
            spec:
              matchConstraints:
                resourceRules:
                - { apiGroups: [""], apiVersions: ["v1"], operations: ["*"], resources: ["configmaps"] }
              validations:
                - expression: "false"
            """);
        var obj = Parse("o.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        Assert.Empty(Evaluate(obj, policy));
        Assert.Single(Evaluate(obj, policy, new AdmissionOptions(ApplyUnbound: true)));
    }

    [Fact]
    public void Object_selector_exclude_rules_and_crd_kinds_decide_what_matches()
    {
        var policy = Parse("policy.yaml", """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata: { name: p }
            spec:
              matchConstraints:
                objectSelector: { matchExpressions: [{ key: skip, operator: DoesNotExist }] }
                resourceRules:
                - { apiGroups: ["*"], apiVersions: ["*"], operations: ["CREATE"], resources: ["*"] }
                excludeResourceRules:
                - { apiGroups: [""], apiVersions: ["v1"], operations: ["*"], resources: ["secrets"] }
              validations:
                - expression: "request.resource.resource != 'widgets' && request.resource.resource != 'configmaps'"
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata: { name: b }
            spec: { policyName: p, validationActions: [Audit] }
            """);
        var objects = Parse("o.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: widgets.example.com }
            spec:
              group: example.com
              scope: Namespaced
              names: { kind: Widget, plural: widgets }
              versions: [{ name: v1 }]
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: { name: w }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: skipped, labels: { skip: "yes" } }
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: excluded }
            """);
        var finding = Assert.Single(Evaluate(objects, policy));
        Assert.Equal("Widget", finding.Subject!.Kind);
        Assert.Equal(Severity.Note, finding.Severity);
    }

    [Fact]
    public void Authorizer_checks_answer_from_the_rbac_objects_of_the_input()
    {
        var policy = Policy("Fail", "authorizer.serviceAccount('default', 'deployer').group('apps').resource('deployments').namespace('default').check('create').allowed()");
        var obj = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n";
        Assert.Single(Evaluate(Parse("o.yaml", obj), policy));
        var rbac = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: { name: deployer, namespace: default }
            rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["create"] }]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: { name: deployer, namespace: default }
            roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer }
            subjects: [{ kind: ServiceAccount, name: deployer, namespace: default }]
            ---
            """;
        var objects = Parse("o.yaml", rbac + obj);
        Assert.Empty(Evaluate(objects, policy, rbac: Core.Rbac.RbacIndex.Build(objects)));
    }

    internal static ImmutableArray<Finding> Evaluate(ImmutableArray<Resource> objects, ImmutableArray<Resource> policies, AdmissionOptions? options = null, string? text = null, Core.Rbac.RbacIndex? rbac = null) =>
        AdmissionEvaluator.Evaluate(objects, policies, options ?? new AdmissionOptions(), rbac ?? Core.Rbac.RbacIndex.Build(objects), path =>
            text ?? (File.Exists(Path.Combine(RepositoryPaths.Root, path)) ? File.ReadAllText(Path.Combine(RepositoryPaths.Root, path)) : null));

    internal static ImmutableArray<Resource> PolicySources(string dir)
    {
        var policies = ImmutableArray.CreateBuilder<Resource>();
        foreach (var f in Directory.GetFiles(dir, "policy*.yaml").Order(StringComparer.Ordinal))
            policies.AddRange(Load(f, out _));
        var starter = Path.Combine(RepositoryPaths.Root, "policies", Path.GetFileName(dir) + ".yaml");
        if (dir.Contains(Path.Combine("testdata", "policies"), StringComparison.Ordinal) && File.Exists(starter))
            policies.AddRange(Load(starter, out _));
        return policies.ToImmutable();
    }

    private static ImmutableArray<Resource> Load(string fullPath, out ImmutableArray<YamlDocument> documents)
    {
        var path = RepositoryPaths.Relative(fullPath);
        var load = YamlLoader.Load(new SourceFile(path, File.ReadAllText(fullPath)));
        documents = load.Documents;
        return [.. load.Documents.SelectMany(d => ResourceReader.Read(d, "default", new ResourceOrigin(path, d.Index), out _))];
    }

    private static ImmutableArray<Resource> Parse(string path, string yaml) =>
        [.. YamlLoader.Load(new SourceFile(path, yaml)).Documents.SelectMany(d => ResourceReader.Read(d, "default", new ResourceOrigin(path, d.Index), out _))];

    private static ImmutableArray<Resource> Policy(string failurePolicy, string expression) => Parse("policy.yaml", $$"""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: { name: p }
        spec:
          failurePolicy: {{failurePolicy}}
          matchConstraints:
            resourceRules:
            - { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"] }
          validations:
            - expression: "{{expression}}"
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: { name: b }
        spec: { policyName: p, validationActions: [Deny] }
        """);

    private static ImmutableArray<Resource> PolicyWithParams(string notFound, string reference = "name: limits") => Parse("policy.yaml", $$"""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: { name: p }
        spec:
          paramKind: { apiVersion: rules.example.com/v1, kind: ReplicaLimit }
          matchConstraints:
            resourceRules:
            - { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments"] }
          validations:
            - expression: "object.spec.replicas <= params.maxReplicas"
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: { name: b }
        spec:
          policyName: p
          validationActions: [Deny]
          paramRef:
            {{reference}}
            {{notFound}}
        """);
}

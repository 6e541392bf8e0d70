using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Tests.Graph;

public sealed class GraphExportTests
{
    private const string Shop = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web, tier: frontend}}
            spec:
              serviceAccountName: web
              containers:
                - name: web
                  image: registry.example.com/web:1.0.0
                  envFrom: [{secretRef: {name: web-secrets}}]
              volumes:
                - name: config
                  configMap: {name: web-config}
                - name: data
                  persistentVolumeClaim: {claimName: web-data}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web, namespace: shop}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web-config, namespace: shop}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: other}
        spec:
          selector: {app: web}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          rules:
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: api, port: {number: 80}}}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 3
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec:
          minAvailable: 1
          selector:
            matchExpressions: [{key: tier, operator: In, values: [frontend]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: web-view, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: web}]
        """;

    private static GraphExport Export(string yaml)
    {
        var file = new SourceFile("graph.yaml", yaml);
        var resources = new List<Resource>();
        foreach (var d in YamlLoader.Load(file).Documents)
            resources.AddRange(ResourceReader.Read(d, "default", new ResourceOrigin(file.Path, d.Index), out _));
        return GraphExport.Build(ResourceGraph.Build(resources));
    }

    [Fact]
    public void Edges_cover_every_relation_sorted_by_ends_and_selectors_stay_in_their_namespace()
    {
        var edges = Export(Shop).Edges.Select(e => $"{e.From} -{e.Relation}-> {e.To}").ToList();
        Assert.Equal(
            [
                "shop/Deployment/web -uses-> shop/ConfigMap/web-config",
                "shop/Deployment/web -uses-> shop/PersistentVolumeClaim/web-data",
                "shop/Deployment/web -uses-> shop/Secret/web-secrets",
                "shop/Deployment/web -runs as-> shop/ServiceAccount/web",
                "shop/HorizontalPodAutoscaler/web -scales-> shop/Deployment/web",
                "shop/Ingress/shop -routes to-> shop/Service/api",
                "shop/Ingress/shop -routes to-> shop/Service/web",
                "shop/NetworkPolicy/deny -selects-> shop/Deployment/web",
                "shop/PodDisruptionBudget/web -protects-> shop/Deployment/web",
                "shop/RoleBinding/web-view -grants-> ClusterRole/view",
                "shop/RoleBinding/web-view -binds-> shop/ServiceAccount/web",
                "shop/Service/web -selects-> shop/Deployment/web",
            ],
            edges);
    }

    [Fact]
    public void Ends_the_input_does_not_define_are_marked_missing()
    {
        var missing = Export(Shop).Nodes.Where(n => n.Missing).Select(n => n.Key).ToList();
        // ClusterRole/view is one of Kubernetes' default roles: present in every cluster, so not missing.
        Assert.Equal(["shop/PersistentVolumeClaim/web-data", "shop/Secret/web-secrets", "shop/Service/api"], missing);
    }

    [Fact]
    public void Output_does_not_depend_on_input_order()
    {
        var documents = Shop.Split("\n---\n");
        var reversed = string.Join("\n---\n", documents.Reverse());
        foreach (var format in GraphExport.Formats)
            Assert.Equal(Export(Shop).Write(format), Export(reversed).Write(format));
    }

    [Fact]
    public void Dot_quotes_keys_and_dashes_missing_nodes()
    {
        var dot = Export(Shop).ToDot();
        Assert.StartsWith("digraph manifests {\n", dot, StringComparison.Ordinal);
        Assert.Contains("  \"shop/Service/web\" -> \"shop/Deployment/web\" [label=\"selects\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("  \"shop/Service/api\" [label=\"Service\\nshop/api\\n(missing)\", style=dashed, color=red];\n", dot, StringComparison.Ordinal);
        Assert.EndsWith("}\n", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_uses_stable_ids_and_labelled_edges()
    {
        var mermaid = Export("""
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {selector: {app: web}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web-0, namespace: shop, labels: {app: web}}
            spec: {containers: [{name: web, image: "nginx:1.27"}]}
            """).ToMermaid();
        Assert.Equal("flowchart LR\n  n0[\"Pod<br/>shop/web-0\"]\n  n1[\"Service<br/>shop/web\"]\n  n1 -->|selects| n0\n", mermaid);
    }

    [Fact]
    public void Json_lists_nodes_and_edges()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Export(Shop).ToJson());
        var nodes = doc.RootElement.GetProperty("nodes");
        var view = nodes.EnumerateArray().Single(n => n.GetProperty("id").GetString() == "ClusterRole/view");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("namespace").ValueKind);
        Assert.False(view.GetProperty("missing").GetBoolean());
        Assert.Equal(12, doc.RootElement.GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public void Unknown_format_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Export(Shop).Write("svg"));
    }
}

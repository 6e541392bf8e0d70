using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ManifestLint.Core.Model;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Network;
using ManifestLint.Core.Selectors;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Graph;

/// <summary>
/// The resource graph as nodes and labelled edges, for export as Graphviz DOT, Mermaid or JSON. Nodes are keyed
/// <c>namespace/Kind/name</c> (<c>Kind/name</c> when cluster-scoped); an edge may end at a node the input does not
/// define, which is marked missing. Output is sorted (ordinal) so the same input always gives the same text.
/// </summary>
public sealed class GraphExport
{
    private const string ServiceAccount = "ServiceAccount";

    private GraphExport(ImmutableArray<(string Key, string Kind, string? Namespace, string Name, bool Missing)> nodes, ImmutableArray<(string From, string To, string Relation)> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    /// <summary>Every node, sorted by key; <c>Missing</c> marks ends of edges the input does not define.</summary>
    public ImmutableArray<(string Key, string Kind, string? Namespace, string Name, bool Missing)> Nodes { get; }

    /// <summary>Every edge (from key, to key, relation), sorted and distinct.</summary>
    public ImmutableArray<(string From, string To, string Relation)> Edges { get; }

    /// <summary>The formats <see cref="Write"/> accepts.</summary>
    public static ImmutableArray<string> Formats { get; } = ["dot", "json", "mermaid"];

    /// <summary>
    /// Collects the edges: workload → ServiceAccount, ConfigMap, Secret and PersistentVolumeClaim; Service →
    /// workloads; Ingress → Service; HorizontalPodAutoscaler → target; PodDisruptionBudget → workloads;
    /// NetworkPolicy → workloads; RoleBinding/ClusterRoleBinding → role and ServiceAccount subjects. Selectors are
    /// resolved through the label index.
    /// </summary>
    public static GraphExport Build(ResourceGraph graph, CancellationToken cancellationToken = default)
    {
        var edges = new HashSet<(string, string, string)>();
        var known = new Dictionary<string, (string Kind, string? Namespace, string Name)>(StringComparer.Ordinal);
        foreach (var r in graph.Resources)
            known.TryAdd(r.Key.ToString(), (r.Kind, r.Namespace, r.Name));
        var missing = new Dictionary<string, (string Kind, string? Namespace, string Name)>(StringComparer.Ordinal);

        void Edge(Resource from, string kind, string? ns, string name, string relation)
        {
            var to = new ResourceKey(string.Empty, kind, ns, name).ToString();
            // Kubernetes' default cluster roles exist in every cluster: drawn as nodes, not as missing ends.
            if (!known.ContainsKey(to) && kind == "ClusterRole" && graph.Rbac.FindClusterRole(name) is { Resource: null })
                known.TryAdd(to, (kind, ns, name));
            if (!known.ContainsKey(to))
                missing.TryAdd(to, (kind, ns, name));
            edges.Add((from.Key.ToString(), to, relation));
        }

        void Selects(Resource from, IEnumerable<PodTemplateView> pods, string relation)
        {
            foreach (var pod in pods)
                edges.Add((from.Key.ToString(), pod.Owner.Key.ToString(), relation));
        }

        foreach (var pod in graph.PodTemplates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sa = pod.ServiceAccountName;
            if (pod.ServiceAccountNode is not null || !graph.Get(new ResourceKey(string.Empty, ServiceAccount, pod.Namespace, sa)).IsEmpty)
                Edge(pod.Owner, ServiceAccount, pod.Namespace, sa, "runs as");
            foreach (var reference in PodObjectReferences.Of(pod))
                Edge(pod.Owner, reference.Kind, pod.Namespace, reference.Name, "uses");
        }

        foreach (var service in graph.OfKind("Service"))
        {
            if (LabelSelector.ReadMap(service.Root.Find("spec", "selector")) is { IsEmpty: false } selector)
                Selects(service, selector.SelectPods(graph, service.Namespace), "selects");
        }

        foreach (var ingress in graph.OfKind("Ingress"))
        {
            foreach (var name in IngressServiceNames(ingress))
                Edge(ingress, "Service", ingress.Namespace, name, "routes to");
        }

        foreach (var hpa in graph.OfKind("HorizontalPodAutoscaler"))
        {
            if (hpa.Root.Find("spec", "scaleTargetRef") is YamlMapping target && target.GetString("kind") is { } kind && target.GetString("name") is { } name)
                Edge(hpa, kind, hpa.Namespace, name, "scales");
        }

        foreach (var pdb in graph.OfKind("PodDisruptionBudget"))
        {
            if (LabelSelector.Read(pdb.Root.Find("spec", "selector")) is { } selector && !(selector.IsEmpty && pdb.Version == "v1beta1"))
                Selects(pdb, selector.SelectPods(graph, pdb.Namespace), "protects");
        }

        var network = NetworkPolicyIndex.Build(graph);
        foreach (var policy in network.Policies)
            Selects(policy.Resource, network.Selected(policy), "selects");

        foreach (var binding in graph.OfKind("RoleBinding").Concat(graph.OfKind("ClusterRoleBinding")))
        {
            if (binding.Root.GetMapping("roleRef") is { } roleRef && roleRef.GetString("kind") is { } roleKind && roleRef.GetString("name") is { } roleName)
                Edge(binding, roleKind, roleKind == "Role" ? binding.Namespace : null, roleName, "grants");
            if (binding.Root.GetSequence("subjects") is not { } subjects)
                continue;
            foreach (var subject in subjects.Mappings())
            {
                if (subject.GetString("kind") == ServiceAccount && subject.GetString("name") is { } name && (subject.GetString("namespace") ?? binding.Namespace) is { } ns)
                    Edge(binding, ServiceAccount, ns, name, "binds");
            }
        }

        var nodes = known.Select(n => (n.Key, n.Value.Kind, n.Value.Namespace, n.Value.Name, Missing: false))
            .Concat(missing.Select(n => (n.Key, n.Value.Kind, n.Value.Namespace, n.Value.Name, Missing: true)))
            .OrderBy(n => n.Key, StringComparer.Ordinal)
            .ToImmutableArray();
        var sorted = edges
            .OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.Item3, StringComparer.Ordinal)
            .ToImmutableArray();
        return new GraphExport(nodes, sorted);
    }

    /// <summary>The graph in <paramref name="format"/> (<c>dot</c>, <c>mermaid</c> or <c>json</c>), ending with a newline.</summary>
    public string Write(string format) => format switch
    {
        "dot" => ToDot(),
        "mermaid" => ToMermaid(),
        "json" => ToJson(),
        _ => throw new ArgumentException($"Unknown graph format '{format}'; expected one of {string.Join(", ", Formats)}", nameof(format)),
    };

    public string ToDot()
    {
        var sb = new StringBuilder();
        sb.Append("digraph manifests {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        foreach (var n in Nodes)
        {
            sb.Append("  ").Append(DotQuote(n.Key)).Append(" [label=").Append(DotQuote(Label(n, "\n")));
            if (n.Missing)
                sb.Append(", style=dashed, color=red");
            sb.Append("];\n");
        }

        foreach (var (from, to, relation) in Edges)
            sb.Append("  ").Append(DotQuote(from)).Append(" -> ").Append(DotQuote(to)).Append(" [label=").Append(DotQuote(relation)).Append("];\n");
        return sb.Append("}\n").ToString();
    }

    public string ToMermaid()
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var n in Nodes)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"n{ids.Count}");
            ids[n.Key] = id;
            sb.Append("  ").Append(id).Append("[\"").Append(MermaidText(Label(n, "<br/>"))).Append("\"]");
            if (n.Missing)
                sb.Append(":::missing");
            sb.Append('\n');
        }

        foreach (var (from, to, relation) in Edges)
            sb.Append("  ").Append(ids[from]).Append(" -->|").Append(MermaidText(relation)).Append("| ").Append(ids[to]).Append('\n');
        if (Nodes.Any(n => n.Missing))
            sb.Append("  classDef missing stroke-dasharray: 5 5,stroke:#d00\n");
        return sb.ToString();
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("nodes");
            foreach (var n in Nodes)
            {
                w.WriteStartObject();
                w.WriteString("id", n.Key);
                w.WriteString("kind", n.Kind);
                if (n.Namespace is null)
                    w.WriteNull("namespace");
                else
                    w.WriteString("namespace", n.Namespace);
                w.WriteString("name", n.Name);
                w.WriteBoolean("missing", n.Missing);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("edges");
            foreach (var (from, to, relation) in Edges)
            {
                w.WriteStartObject();
                w.WriteString("from", from);
                w.WriteString("to", to);
                w.WriteString("relation", relation);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string Label((string Key, string Kind, string? Namespace, string Name, bool Missing) n, string newline) =>
        n.Kind + newline + (n.Namespace is null ? n.Name : $"{n.Namespace}/{n.Name}") + (n.Missing ? newline + "(missing)" : string.Empty);

    private static string DotQuote(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string MermaidText(string s) =>
        s.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("|", "#124;", StringComparison.Ordinal);

    private static IEnumerable<string> IngressServiceNames(Resource ingress)
    {
        if (ingress.Root.GetMapping("spec") is not { } spec)
            yield break;
        var backends = new List<YamlMapping>();
        if (spec.GetMapping("defaultBackend") is { } d)
            backends.Add(d);
        if (spec.GetMapping("backend") is { } b)
            backends.Add(b);
        foreach (var rule in spec.GetSequence("rules")?.Mappings() ?? [])
        {
            if (rule.Find("http", "paths") is YamlSequence paths)
                backends.AddRange(paths.Mappings().Select(p => p.GetMapping("backend")).OfType<YamlMapping>());
        }

        foreach (var backend in backends)
        {
            if ((backend.Find("service", "name") as YamlScalar ?? backend.GetScalar("serviceName")) is { IsNull: false } name)
                yield return name.Text;
        }
    }
}

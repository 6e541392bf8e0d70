using System.Collections.Immutable;
using System.Text;
using CsCheck;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules;
using ManifestLint.Tests.Isolation;

namespace ManifestLint.Tests.Properties;

/// <summary>
/// Random manifests through every built-in rule (off-by-default ones included): no rule throws (an exception would
/// be an internal-error finding), and every finding points inside its file: line within 1..lineCount, column within
/// the line. Mutated copies of testdata/ manifests and random pod specs whose fields take values of every YAML type.
/// 150 cases each by default; <c>MANIFESTLINT_PROPERTY_CASES=N</c> runs N.
/// </summary>
public sealed class RuleProperties
{
    private static long Cases(long byDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("MANIFESTLINT_PROPERTY_CASES"), out var n) && n > 0 ? n : byDefault;

    private static readonly ImmutableArray<(Rule Rule, object? Options)> AllRules = [.. BuiltInRules.All.Select(r => (r, r.DefaultOptions))];

    private static readonly Lazy<List<string>> Manifests = new(() => CorruptedFolderTests.PlainManifests().Select(File.ReadAllText).ToList());

    [Fact]
    public void Mutated_testdata_manifests_never_break_a_rule_and_findings_stay_inside_the_file()
    {
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample(
            sample =>
            {
                var list = Manifests.Value;
                var text = CorruptedFolderTests.Corrupt(list[sample.Item1 % list.Count], new Random(sample.Item2));
                CheckAllRules(text);
            },
            iter: Cases(150),
            threads: 1);
    }

    [Fact]
    public void Random_pod_specs_never_break_a_rule_and_findings_stay_inside_the_file()
    {
        PodSpecs.Sample(CheckAllRules, iter: Cases(150), threads: 1, print: t => t);
    }

    private static void CheckAllRules(string text)
    {
        var file = new SourceFile("m.yaml", text);
        var load = YamlLoader.Load(file);
        var resources = load.Documents.SelectMany(d => ResourceReader.Read(d, "default", new ResourceOrigin(file.Path, d.Index), out _)).ToList();
        var graph = ResourceGraph.Build(resources, new GraphOptions(Complete: true));
        var findings = RuleRunner.Run(graph, AllRules, maxDegreeOfParallelism: 1);

        Assert.DoesNotContain(findings, f => f.RuleId == InputProblems.InternalError.Id);
        foreach (var f in findings.Concat(load.Problems))
        {
            Assert.Equal(file.Path, f.Span.Path);
            Assert.InRange(f.Span.StartLine, 1, Math.Max(1, file.LineCount));
            Assert.InRange(f.Span.StartColumn, 1, file.GetLine(f.Span.StartLine).Length + 1);
        }
    }

    /// <summary>A value of any YAML type, in block or flow style, to put under a known field.</summary>
    private static readonly Gen<string> AnyValue = Gen.OneOf(
        "true", "false", "yes", "\"true\"", "null", "~", "0", "-1", "65536", "1.5", "1e400", "\"\"", "x", "\"*\"", "ALL", "SYS_ADMIN", "NET_RAW",
        "/", "/var/run/docker.sock", "nginx", "nginx:latest", "registry.example.com/app@sha256:abc", "[]", "{}", "[a, 1, null]", "{a: b}",
        "Unconfined", "RuntimeDefault", "Localhost", "Unmasked", "0.0.0.0", "\"500m\"", "\"1Gi\"", "[{name: x}]", "[[1]]", "{name: {x: y}}");

    private static readonly string[] PodFields =
    [
        "hostNetwork", "hostPID", "hostIPC", "hostUsers", "serviceAccountName", "automountServiceAccountToken", "securityContext",
        "securityContext.runAsNonRoot", "securityContext.runAsUser", "securityContext.seccompProfile", "securityContext.seccompProfile.type",
        "securityContext.sysctls", "securityContext.appArmorProfile", "volumes", "initContainers", "ephemeralContainers", "nodeName",
    ];

    private static readonly string[] ContainerFields =
    [
        "name", "image", "ports", "env", "envFrom", "resources", "resources.limits", "resources.requests", "resources.limits.cpu",
        "livenessProbe", "readinessProbe", "securityContext", "securityContext.privileged", "securityContext.capabilities",
        "securityContext.capabilities.add", "securityContext.capabilities.drop", "securityContext.allowPrivilegeEscalation",
        "securityContext.readOnlyRootFilesystem", "securityContext.procMount", "securityContext.runAsUser", "volumeMounts",
    ];

    private static readonly Gen<(string Path, string Value)[]> PodFieldValues = Gen.Select(Gen.OneOf(PodFields), AnyValue).Array[0, 6];

    private static readonly Gen<(string Path, string Value)[]> ContainerFieldValues = Gen.Select(Gen.OneOf(ContainerFields), AnyValue).Array[0, 6];

    private static readonly Gen<string> PodSpecs = Gen.Select(
        Gen.OneOf("Pod", "Deployment", "DaemonSet", "StatefulSet", "Job", "CronJob", "ReplicaSet"),
        PodFieldValues,
        ContainerFieldValues.Array[0, 3],
        AnyValue,
        (kind, pod, containers, labels) => PodManifest(kind, pod, containers, labels));

    private static string PodManifest(string kind, (string Path, string Value)[] pod, (string Path, string Value)[][] containers, string labels)
    {
        var spec = new Tree();
        foreach (var (path, value) in pod)
            spec.Set(path, value);
        var list = new StringBuilder();
        foreach (var c in containers)
        {
            var container = new Tree();
            container.Set("name", "c");
            foreach (var (path, value) in c)
                container.Set(path, value);
            list.Append(container.Write(0, asListItem: true));
        }

        var sb = new StringBuilder();
        sb.Append("apiVersion: ").Append(kind is "Pod" ? "v1" : kind is "Job" or "CronJob" ? "batch/v1" : "apps/v1").Append('\n');
        sb.Append("kind: ").Append(kind).Append("\nmetadata:\n  name: p\n  labels: ").Append(labels).Append('\n');
        var (prefix, level) = kind switch
        {
            "Pod" => ("spec:\n", 1),
            "CronJob" => ("spec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels: " + labels + "\n        spec:\n", 5),
            _ => ("spec:\n  selector:\n    matchLabels: " + labels + "\n  template:\n    metadata:\n      labels: " + labels + "\n    spec:\n", 3),
        };
        sb.Append(prefix);
        var pad = new string(' ', level * 2);
        sb.Append(spec.Write(level, asListItem: false));
        sb.Append(pad).Append("containers:\n");
        foreach (var line in list.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            sb.Append(pad).Append("  ").Append(line).Append('\n');
        return sb.ToString();
    }

    /// <summary>Dotted paths to a nested block mapping; a later scalar at a prefix replaces the subtree.</summary>
    private sealed class Tree
    {
        private readonly SortedDictionary<string, object> _entries = new(StringComparer.Ordinal);

        public void Set(string path, string value)
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                _entries[path] = value;
                return;
            }

            var head = path[..dot];
            if (!_entries.TryGetValue(head, out var child) || child is not Tree tree)
                _entries[head] = tree = new Tree();
            tree.Set(path[(dot + 1)..], value);
        }

        public string Write(int level, bool asListItem)
        {
            var sb = new StringBuilder();
            var first = true;
            foreach (var (key, value) in _entries)
            {
                var pad = new string(' ', level * 2);
                if (asListItem)
                    pad = first ? "- " : "  ";
                first = false;
                sb.Append(pad).Append(key).Append(':');
                if (value is Tree t)
                    sb.Append('\n').Append(t.Write(asListItem ? 2 : level + 1, asListItem: false));
                else
                    sb.Append(' ').Append((string)value).Append('\n');
            }

            return sb.ToString();
        }
    }
}

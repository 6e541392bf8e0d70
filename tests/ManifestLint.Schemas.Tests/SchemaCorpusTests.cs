using System.Globalization;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Helm;
using ManifestLint.Testing;
using Xunit.Abstractions;

namespace ManifestLint.Schemas.Tests;

/// <summary>
/// Agreement with the API's own rules on a generated corpus. Valid documents: every Kubernetes document of testdata/
/// (rule fixtures aside, which are deliberately odd) and of ../shared/charts-corpus rendered with default values.
/// Invalid documents: systematic mutations of the valid ones that the spec itself says are wrong (a renamed
/// non-required key, a string where an integer or boolean goes, a removed required field, an enum value that is not
/// one, a repeated list-map key). Precision and recall per rule are printed; the test fails below 95 %.
/// </summary>
public sealed class SchemaCorpusTests(ITestOutputHelper output)
{
    private const int MaxCorpusDocuments = 1200;

    private static string CorpusFolder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "charts-corpus"));

    [Fact]
    public void Mutations_are_found_and_valid_documents_pass()
    {
        var api = KubernetesApi.Embedded.ForMinor(36)!;
        var valid = ValidDocuments(api);
        var falsePositives = new List<string>();
        var clean = new List<(string Name, YamlMapping Root, KindInfo Kind)>();
        foreach (var (name, root, kind) in valid)
        {
            var sink = Validate(root, kind);
            if (sink.Count == 0)
                clean.Add((name, root, kind));
            falsePositives.AddRange(sink.Select(v => $"{name}: {v.Problem}: {v.Message}"));
        }

        var counts = new Dictionary<SchemaProblem, (int Tp, int Fp, int Fn)>();
        foreach (var p in Enum.GetValues<SchemaProblem>())
            counts[p] = (0, 0, 0);
        foreach (var v in falsePositives)
        {
            var p = Enum.Parse<SchemaProblem>(v.Split(": ")[1]);
            counts[p] = counts[p] with { Fp = counts[p].Fp + 1 };
        }

        var invalid = 0;
        var misses = new List<string>();
        foreach (var (name, root, kind) in clean)
        {
            foreach (var mutation in Mutations(root, kind.Schema!))
            {
                invalid++;
                var sink = Validate(mutation.Root, kind);
                var hit = sink.Any(v => v.Problem == mutation.Expected && v.Node.Path.StartsWith(mutation.Path, StringComparison.Ordinal));
                var c = counts[mutation.Expected];
                counts[mutation.Expected] = hit ? c with { Tp = c.Tp + 1 } : c with { Fn = c.Fn + 1 };
                if (!hit)
                    misses.Add($"{name}: {mutation.Expected} at {mutation.Path} not found");
                foreach (var extra in sink.Where(v => !(v.Problem == mutation.Expected && v.Node.Path.StartsWith(mutation.Path, StringComparison.Ordinal))))
                {
                    var e = counts[extra.Problem];
                    counts[extra.Problem] = e with { Fp = e.Fp + 1 };
                    falsePositives.Add($"{name} ({mutation.Expected} mutation): {extra.Problem}: {extra.Message}");
                }
            }
        }

        output.WriteLine($"valid documents: {valid.Count} ({clean.Count} without findings); invalid (mutated) documents: {invalid}");
        foreach (var (problem, (tp, fp, fn)) in counts.OrderBy(c => c.Key))
            output.WriteLine($"{problem,-18} TP {tp,5}  FP {fp,4}  FN {fn,4}  precision {Ratio(tp, tp + fp)}  recall {Ratio(tp, tp + fn)}");
        foreach (var line in falsePositives.Concat(misses).Take(60))
            output.WriteLine(line);

        // The 200 + 200 documents need the rendered chart corpus; without ../shared the testdata/ documents alone
        // still exercise every mutation kind, with a smaller floor.
        var floor = Directory.Exists(CorpusFolder) ? 200 : 30;
        if (floor < 200)
            output.WriteLine($"../shared/charts-corpus not found at {CorpusFolder}: testdata/ documents only");
        Assert.True(valid.Count >= floor, $"only {valid.Count} valid documents");
        Assert.True(invalid >= floor, $"only {invalid} invalid documents");
        foreach (var (problem, (tp, fp, fn)) in counts)
        {
            Assert.True(tp + fn == 0 || tp >= 0.95 * (tp + fn), $"{problem}: recall {Ratio(tp, tp + fn)}");
            Assert.True(tp + fp == 0 || tp >= 0.95 * (tp + fp), $"{problem}: precision {Ratio(tp, tp + fp)}");
        }
    }

    private static string Ratio(int a, int b) => b == 0 ? "  n/a" : (100.0 * a / b).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static List<SchemaViolation> Validate(YamlMapping root, KindInfo kind)
    {
        var sink = new List<SchemaViolation>();
        SchemaValidator.ValidateResource(root, kind.Schema!, null, sink);
        return sink;
    }

    // Fixtures of other features whose objects are deliberately minimal or partial (rule fixtures, Deployments that only
    // carry what an admission policy judges, Kustomize patches), so they are not "valid" API objects.
    private static readonly string[] PartialFixtureFolders =
        ["testdata/rules/", "testdata/schema/", "testdata/admission/", "testdata/policies/", "testdata/kustomize/"];

    private static List<(string Name, YamlMapping Root, KindInfo Kind)> ValidDocuments(ApiVersionSchema api)
    {
        var result = new List<(string, YamlMapping, KindInfo)>();
        var testdata = Path.Combine(RepositoryPaths.Root, "testdata");
        var files = Directory.EnumerateFiles(testdata, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !PartialFixtureFolders.Any(folder => RepositoryPaths.Relative(f).StartsWith(folder, StringComparison.Ordinal))
                && !f.Contains("/templates/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
            Add(RepositoryPaths.Relative(file), File.ReadAllText(file));

        var corpus = CorpusFolder;
        if (Directory.Exists(corpus))
        {
            foreach (var chart in Directory.GetDirectories(corpus).Order(StringComparer.Ordinal))
            {
                if (result.Count >= MaxCorpusDocuments)
                    break;
                var render = HelmRenderer.Render(new ChartSource(chart, Path.GetFileName(chart)), new RenderOptions());
                foreach (var manifest in render.Manifests)
                    Add(manifest.Name, manifest.Content);
            }
        }

        return result;

        void Add(string name, string text)
        {
            YamlLoadResult load;
            try
            {
                load = YamlLoader.Load(new SourceFile(name, text));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return;
            }

            if (!load.Problems.IsEmpty)
                return;
            foreach (var doc in load.Documents)
            {
                if (doc.Root is YamlMapping root && root.GetString("apiVersion") is { } v && root.GetString("kind") is { } k && api.FindKind(v, k) is { Schema: not null } kind)
                    result.Add((name, root, kind));
            }
        }
    }

    private sealed record Mutation(YamlMapping Root, SchemaProblem Expected, string Path);

    /// <summary>Up to one mutation of each kind, at the first place in document order where the schema allows it.</summary>
    private static IEnumerable<Mutation> Mutations(YamlMapping root, SchemaNode schema)
    {
        var sites = new Dictionary<SchemaProblem, (YamlNode Node, SchemaNode Schema)>();
        Find(root, schema, sites, topLevel: true);
        foreach (var (problem, (node, s)) in sites.OrderBy(s => s.Key))
        {
            switch (problem)
            {
                case SchemaProblem.UnknownField:
                    {
                        var key = (YamlScalar)node;
                        var renamed = key.Text.Length > 2 ? key.Text[..^2] + key.Text[^1] + key.Text[^2] : key.Text + "x";
                        if (s.Properties.ContainsKey(renamed) || renamed == key.Text)
                            renamed = key.Text + "x";
                        var copy = Copy(root, n => ReferenceEquals(n, key) ? Scalar(key, renamed, quoted: false, ScalarKind.String) : null);
                        yield return new Mutation(copy, problem, Parent(key) + renamed);
                        break;
                    }

                case SchemaProblem.InvalidType:
                    yield return new Mutation(Copy(root, n => ReferenceEquals(n, node) ? Scalar(node, "many", quoted: true, ScalarKind.String) : null), problem, node.Path);
                    break;
                case SchemaProblem.InvalidValue:
                    yield return new Mutation(Copy(root, n => ReferenceEquals(n, node) ? Scalar(node, "NotAValue", quoted: false, ScalarKind.String) : null), problem, node.Path);
                    break;
                case SchemaProblem.MissingRequired:
                    {
                        var obj = (YamlMapping)node;
                        var field = s.Required.First(r => obj[r] is not null and not YamlScalar { IsNull: true });
                        var copy = Copy(root, n => ReferenceEquals(n, obj) ? new YamlMapping(obj.Span, [.. obj.Entries.Where(e => e.Key.Text != field).Select(e => new YamlEntry(CopyScalar(e.Key), Copy(e.Value, _ => null)))]) : null);
                        yield return new Mutation(copy, problem, obj.Path);
                        break;
                    }

                case SchemaProblem.DuplicateListKey:
                    {
                        var seq = (YamlSequence)node;
                        var first = seq.Items[0];
                        var copy = Copy(root, n => ReferenceEquals(n, seq) ? new YamlSequence(seq.Span, [.. seq.Items.Select(i => Copy(i, _ => null)), Copy(first, _ => null)]) : null);
                        yield return new Mutation(copy, problem, seq.Path + "[" + seq.Count.ToString(CultureInfo.InvariantCulture) + "]");
                        break;
                    }
            }
        }
    }

    private static string Parent(YamlScalar key)
    {
        var path = key.Path;
        return path.Length == key.Text.Length ? string.Empty : path[..^key.Text.Length];
    }

    private static void Find(YamlNode node, SchemaNode schema, Dictionary<SchemaProblem, (YamlNode, SchemaNode)> sites, bool topLevel)
    {
        if (schema.Resolved is not { } s || node is YamlScalar { IsNull: true })
            return;
        switch (s.Tag)
        {
            case SchemaTag.Integer or SchemaTag.Boolean when node is YamlScalar:
                sites.TryAdd(SchemaProblem.InvalidType, (node, s));
                return;
            case SchemaTag.Enum when node is YamlScalar:
                sites.TryAdd(SchemaProblem.InvalidValue, (node, s));
                return;
            case SchemaTag.Array when node is YamlSequence seq:
                if (s.IsListMap && seq.Count > 0 && seq.Items[0] is YamlMapping m && s.MapKeys.All(k => m.GetScalar(k) is { IsNull: false }))
                    sites.TryAdd(SchemaProblem.DuplicateListKey, (seq, s));
                foreach (var item in seq.Items)
                    Find(item, s.Items!, sites, false);
                return;
            case SchemaTag.Map when node is YamlMapping map:
                foreach (var e in map.Entries)
                    Find(e.Value, s.Items!, sites, false);
                return;
            case SchemaTag.Object when node is YamlMapping obj:
                if (s.Required.Any(r => obj[r] is not null and not YamlScalar { IsNull: true }))
                    sites.TryAdd(SchemaProblem.MissingRequired, (obj, s));
                foreach (var e in obj.Entries)
                {
                    if (topLevel && e.Key.Text is "status" or "apiVersion" or "kind")
                        continue;
                    if (!s.Properties.TryGetValue(e.Key.Text, out var field))
                        continue;
                    if (!s.Required.Contains(e.Key.Text))
                        sites.TryAdd(SchemaProblem.UnknownField, (e.Key, s));
                    Find(e.Value, field, sites, false);
                }

                return;
        }
    }

    private static YamlScalar Scalar(YamlNode at, string text, bool quoted, ScalarKind kind) => new(at.Span, text, quoted, kind);

    private static YamlScalar CopyScalar(YamlScalar s) => new(s.Span, s.Text, s.Quoted, s.Kind, s.Tag);

    /// <summary>A fresh tree (nodes know their parent, so nothing is shared), with <paramref name="replace"/> applied.</summary>
    private static T Copy<T>(T node, Func<YamlNode, YamlNode?> replace)
        where T : YamlNode => (T)CopyNode(node, replace);

    private static YamlNode CopyNode(YamlNode node, Func<YamlNode, YamlNode?> replace)
    {
        if (replace(node) is { } replaced)
            return replaced;
        return node switch
        {
            YamlMapping m => new YamlMapping(m.Span, [.. m.Entries.Select(e => new YamlEntry((YamlScalar)(replace(e.Key) ?? CopyScalar(e.Key)), CopyNode(e.Value, replace)))]),
            YamlSequence s => new YamlSequence(s.Span, [.. s.Items.Select(i => CopyNode(i, replace))]),
            YamlScalar s => CopyScalar(s),
            _ => node,
        };
    }
}

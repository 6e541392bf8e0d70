using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ManifestLint.Fuzz;

/// <summary>
/// Builds a target's seed corpus at run time from the repository's testdata/ and, when present, the shared chart
/// and template corpora (which are not ours to commit). Seeds stay under <see cref="MaxSeedBytes"/>: AFL works
/// best on small inputs.
/// </summary>
internal static class Seeds
{
    private const int MaxSeedBytes = 10 * 1024;
    private const int MaxPerSource = 40;

    public static int Write(string target, string outDir, string repo, string? shared)
    {
        Directory.CreateDirectory(outDir);
        var seeds = target switch
        {
            "yaml" or "yaml-block" => Yaml(repo, shared),
            "template" => Template(shared),
            "values" => Values(shared),
            "chart" => Chart(repo, shared),
            "config" => Config(repo),
            "lint" => Lint(repo, shared),
            _ => [],
        };
        var written = 0;
        foreach (var seed in seeds.Where(s => s.Length is > 0 and <= MaxSeedBytes).DistinctBy(Convert.ToHexString))
        {
            var name = Convert.ToHexString(SHA256.HashData(seed))[..16].ToLowerInvariant();
            File.WriteAllBytes(Path.Combine(outDir, name), seed);
            written++;
        }

        Console.WriteLine($"seeds {target}: {written} file(s) in {outDir}");
        return written > 0 ? 0 : 1;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Parts(params string[] parts) => FuzzInput.Join(parts);

    private static byte[] Mode(byte mode, byte[] rest) => [mode, .. rest];

    /// <summary>Files under <paramref name="root"/> matching <paramref name="accept"/>, sorted, at most <paramref name="max"/> spread evenly.</summary>
    private static List<string> Pick(string? root, Func<string, bool> accept, int max = MaxPerSource, int maxBytes = MaxSeedBytes)
    {
        if (root is null || !Directory.Exists(root))
            return [];
        var all = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => accept(f) && new FileInfo(f).Length is > 0 and var n && n <= maxBytes)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (all.Count <= max)
            return all;
        var step = (double)all.Count / max;
        return [.. Enumerable.Range(0, max).Select(i => all[(int)(i * step)])];
    }

    private static string? Shared(string? shared, string sub) => shared is null ? null : Path.Combine(shared, sub);

    private static bool IsYaml(string f) => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal);

    private static string ReadSmall(string path, int max) =>
        File.Exists(path) && new FileInfo(path).Length <= max ? File.ReadAllText(path) : string.Empty;

    /// <summary>Small charts of the shared corpus: (folder, Chart.yaml, values.yaml, one template, helpers).</summary>
    private static IEnumerable<(string Dir, string Chart, string Values, string Template, string Helpers)> SmallCharts(string? shared, int max)
    {
        var root = Shared(shared, "charts-corpus");
        if (root is null || !Directory.Exists(root))
            yield break;
        var count = 0;
        foreach (var chartYaml in Directory.EnumerateFiles(root, "Chart.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var dir = Path.GetDirectoryName(chartYaml)!;
            var templates = Path.Combine(dir, "templates");
            if (!Directory.Exists(templates))
                continue;
            var template = Directory.EnumerateFiles(templates, "*.yaml").Order(StringComparer.Ordinal)
                .FirstOrDefault(f => new FileInfo(f).Length <= 2500);
            if (template is null)
                continue;
            yield return (dir, ReadSmall(chartYaml, 1500), ReadSmall(Path.Combine(dir, "values.yaml"), 3000), File.ReadAllText(template),
                ReadSmall(Path.Combine(templates, "_helpers.tpl"), 3000));
            if (++count >= max)
                yield break;
        }
    }

    private static IEnumerable<byte[]> Yaml(string repo, string? shared)
    {
        foreach (var f in Pick(Path.Combine(repo, "testdata"), IsYaml, 60))
            yield return File.ReadAllBytes(f);
        foreach (var f in Pick(Shared(shared, "charts-corpus"), f => Path.GetFileName(f) is "values.yaml" or "Chart.yaml", 20))
            yield return File.ReadAllBytes(f);
        yield return Bytes("metadata:\n    metadata:\n      volumes:\n        - name: {etcd\n          volumeMounts:\n");
        yield return Bytes("a: &x [1, 2]\nb: *x\nc: !!str 3\n---\n- {k: v, \"q\": 'w'}\n- ? complex\n  : value\n...\n");
        yield return Bytes("%YAML 1.1\n---\nkey: |\n  block\n  text\nfolded: >-\n  more\n# comment\n");
    }

    private static IEnumerable<byte[]> Template(string? shared)
    {
        var cases = Shared(shared, "conformance/templates/cases.jsonl");
        if (cases is not null && File.Exists(cases))
        {
            var all = new List<byte[]>();
            foreach (var line in File.ReadLines(cases))
            {
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var entry = root.TryGetProperty("entry", out var e) ? e.GetString()! : "main";
                var templates = root.GetProperty("templates").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
                if (templates.Count > 3 || !templates.ContainsKey(entry))
                    continue;
                var values = root.TryGetProperty("values", out var v) ? v.GetString() ?? string.Empty : string.Empty;
                var parts = new List<string> { templates[entry], values };
                parts.AddRange(templates.Where(t => t.Key != entry).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value));
                var seed = FuzzInput.Join(parts);
                if (seed.Length <= 1500)
                    all.Add(seed);
            }

            // Many cases per topic: spread the picks over the whole file.
            const int max = 150;
            var step = Math.Max(1.0, (double)all.Count / max);
            for (var i = 0.0; i < all.Count && i / step < max; i += step)
                yield return all[(int)i];
        }

        foreach (var c in SmallCharts(shared, 15))
            yield return Parts(c.Template, c.Values, c.Helpers);
        yield return Parts("{{ range $k, $v := .Values.m }}{{ $k }}={{ $v | quote }}\n{{ end }}{{ include \"x\" . | nindent 2 }}", "m:\n  a: 1\n  b: [x]\n", "{{ define \"x\" }}{{ toYaml .Values | trim }}{{ end }}");
        yield return Parts("{{ tpl .Values.t . }}{{ .Values.n | default 3 | add 1 }}{{ fromYaml .Values.y | toJson }}", "t: '{{ .Release.Name }}'\ny: 'a: b'\n");
    }

    private static IEnumerable<byte[]> Values(string? shared)
    {
        var sets = new[]
        {
            "a.b=c,d[0]=e", "x={a,b},y.z=null", "name=va\\,lue", "list[2].k=true", "n=0123,f=1.5", "sub.enabled=false", "global.sub=true,tags.backend=false",
        };
        var json = new[] { "a={\"b\":1,\"c\":[1,2]}", "sub={\"enabled\":true}" };
        var i = 0;
        foreach (var f in Pick(Shared(shared, "charts-corpus"), f => Path.GetFileName(f) == "values.yaml", 25, 4000))
        {
            var ci = Path.Combine(Path.GetDirectoryName(f)!, "ci");
            var user = Directory.Exists(ci) ? Directory.EnumerateFiles(ci).Order(StringComparer.Ordinal).Select(p => ReadSmall(p, 2000)).FirstOrDefault() ?? string.Empty : string.Empty;
            yield return Parts(File.ReadAllText(f), user, "enabled: true\nglobal:\n  x: 1\n", "- data\n", json[i % json.Length], sets[i % sets.Length], sets[(i + 3) % sets.Length]);
            i++;
        }

        yield return Parts("sub:\n  enabled: true\n  image: {tag: v1}\ntags:\n  backend: true\n", "sub:\n  image: null\n", "enabled: false\nexports:\n  data:\n    port: 80\n", "- data\n- child: image\n  parent: img\n", "sub={\"enabled\":true}", "a.b=c,d[0]=e", "x={a,b}");
        yield return Parts("global: {a: 1}\n", string.Empty, "global: {b: 2}\n", string.Empty, string.Empty, "global.sub=false", "list[0]=s");
    }

    private static IEnumerable<byte[]> Chart(string repo, string? shared)
    {
        foreach (var f in Pick(Path.Combine(repo, "testdata"), f => f.EndsWith(".tgz", StringComparison.Ordinal)))
            yield return Mode((byte)'z', File.ReadAllBytes(f));
        var n = 0;
        foreach (var c in SmallCharts(shared, 20))
        {
            var ignore = ReadSmall(Path.Combine(c.Dir, ".helmignore"), 1000);
            var files = new List<(string, string)> { ("Chart.yaml", c.Chart), ("values.yaml", c.Values), ("templates/main.yaml", c.Template) };
            if (n % 3 == 0)
                yield return Mode((byte)'z', Targets.PackArchive(files));
            else
                yield return Mode((byte)(n % 3 == 1 ? 'a' : 'b'), Parts(c.Chart, c.Values, c.Template, ignore));
            n++;
        }

        foreach (var chartYaml in Pick(Path.Combine(repo, "testdata"), f => Path.GetFileName(f) == "Chart.yaml", 15))
            yield return Mode((byte)'b', Parts(File.ReadAllText(chartYaml), ReadSmall(Path.Combine(Path.GetDirectoryName(chartYaml)!, "values.yaml"), 3000)));
        yield return Mode((byte)'a', Parts("apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n  - name: sub\n    version: ~1\n    condition: sub.enabled\n    import-values: [data]\n", "sub: {enabled: true}\n", "kind: ConfigMap\n", "*.tgz\n!keep.tgz\ntemplates/\n"));
    }

    private static IEnumerable<byte[]> Config(string repo)
    {
        foreach (var f in Pick(Path.Combine(repo, "testdata"), f => Path.GetFileName(f) == ".manifestlint.yaml"))
            yield return File.ReadAllBytes(f);
        yield return Bytes("namespace: shop\nfailOn: warning\ncomplete: false\ninclude: [\"**/*.yaml\"]\nexclude:\n  - \"vendor/**\"\nrules:\n  image-not-pinned:\n    enabled: false\n  missing-liveness-probe:\n    severity: error\n  yaml-syntax:\n    severity: warning\n");
        yield return Bytes("charts:\n  charts/shop:\n    values: [deploy/prod/shop-values.yaml]\n    set: [\"replicaCount=3\"]\n    setString: [\"tag=1\"]\n    releaseName: shop\n    namespace: prod\n    apiVersions: [policy/v1/PodDisruptionBudget]\n");
        yield return Bytes("rules:\n  privileged-contaner: {enabled: true, options: {x: 1}}\n");
    }

    private static IEnumerable<byte[]> Lint(string repo, string? shared)
    {
        var manifests = Pick(Path.Combine(repo, "testdata", "rules"), IsYaml, 60, 3000);
        for (var i = 0; i + 2 < manifests.Count; i += 3)
        {
            var format = (byte)(i / 3 % 4);
            yield return Mode((byte)(format * 4), Parts(File.ReadAllText(manifests[i]), File.ReadAllText(manifests[i + 1]), File.ReadAllText(manifests[i + 2])));
        }

        foreach (var f in Pick(Path.Combine(repo, "testdata"), f => Path.GetFileName(f) == ".manifestlint.yaml"))
            yield return Mode(2, Parts(File.ReadAllText(f), manifests.Count > 0 ? File.ReadAllText(manifests[0]) : "kind: Pod\n"));
        var n = 0;
        foreach (var c in SmallCharts(shared, 20))
        {
            yield return n % 2 == 0
                ? Mode(1, Parts(c.Chart, c.Values, c.Template))
                : Mode(3, Parts(c.Template, c.Helpers, c.Values));
            n++;
        }

        yield return Mode(4 + 2, Parts("rules:\n  image-not-pinned: {enabled: false}\n", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n"));
    }
}

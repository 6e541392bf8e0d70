using System.Text;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Testing;
using Xunit.Abstractions;

namespace ManifestLint.Core.Tests;

/// <summary>
/// The block reader (#14) is the loader's fast path; YamlDotNet is the reference. Wherever the block reader reads a
/// text, the tree (every node's text, style, kind, span and path), the documents, their start lines and comments
/// must be exactly what YamlDotNet gives; wherever it gives up, the loader falls back to YamlDotNet.
/// </summary>
public sealed class YamlBlockReaderTests(ITestOutputHelper output)
{
    public static TheoryData<string> Supported() => [.. SupportedTexts];

    private static readonly string[] SupportedTexts =
    [
        "a: 1\n",
        "a: 1",
        "a: |\n  x\n  y\n\nb:\nc: 1\n",
        "# c\n\nk: v\n---\n---\n# x\n",
        "a: >-\n  x\n  y\n\n  z\n  \nb: 1\n",
        "a: >\n  x\n\n\n  y\n",
        "a: |+\n  x\n\n\nb: 2\n",
        "a: |-\n  x\n   more\n  y\n# after\nb: 2\n",
        "a: |\n\n  x\n",
        "k:\n- a\n-\n- b: 1\n  c: 2\nd: [x, \"y\", {e: f}]\n",
        "spec:\n  containers:\n    - name: app\n      image: nginx:1.25 # pinned\n      args: [\"--a=1\", '--b', c]\n      env:\n      - name: X\n        value: \"a\\tb \\\" \\\\ \\u00e9\"\n  empty: {}\n  none: []\n",
        "a:\n  b:\n    c:\n      d: 1\ne: 2\n",
        "'quoted key': 'it''s'\n\"k2\" : v\nkey with spaces  : value with spaces   \n",
        "a: http://x:8080/path\nb: a#b\nc: 'x' # c\nd: -1\ne: 0755\nf: yes\ng: ~\nh: null\ni: 1.5\nj: .inf\n",
        "---\napiVersion: v1\nkind: ConfigMap\ndata:\n  script: |\n    #!/bin/sh\n    echo \"hi\" # not a comment\n\n    exit 0\n---\nkind: Pod\n",
        "a:\n  - x\n  - y\nb:\n    -   c: 1\n        d: 2\n    -   e\n",
        "- a\n- b\n",
        "plain scalar document\n",
        "\"quoted document\"\n",
        "[1, 2, [3, 4], {a: b}]\n",
        "a: é ü 中文 text\nb: \"中\"\n",
        "a:\n  # comment inside\n  b: 1\n    # odd indent comment\n  c: 2\n",
        "list:\n- |\n  block in seq\n- >\n  folded in seq\nnext: 1\n",
        "a: 1\n---\n",
        "a: 1\n--- # c\nb: 2\n",
        "a: |\n  x\n---\nb: |\n  y\n",
        "a:    \n  b\n",
        "a: this is\n  continued\n\n   after a blank   \nb: 1\n",
        "a: 1\r\nb: |\r\n  x\r\n\r\n  y\r\nc: >-\r\n  p\r\n  q\r\n# c\r\n---\r\nd: [e, 'f'] # g\r\nh: i\r\n  j\r\n",
        "- one\n  two # c\n- three\n",
    ];

    public static TheoryData<string> Unsupported() =>
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: [1,\n  2]\n",
        "a: 'multi\n  line'\n",
        "a:\tb\n",
        "a: 1\rb: 2\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "? complex\n: key\n",
        "a: |2\n   x\n",
        "a: \"\\x\"\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: b: c\n",
        "{{ .Values.x }}\n",
        "a: 1\n b: 2\n",
        "a: |\n  x",
        "description: A chart\n  for things: none\n",
        "a *b: 1\n",
        "a:\n  b:\n    c: 1\n   ",
        "a:\n  b:\n    c: 1\n# end",
    ];

    [Theory]
    [MemberData(nameof(Supported))]
    public void Reads_what_manifests_use_exactly_as_YamlDotNet(string text)
    {
        var file = new SourceFile("s.yaml", text);
        var chunks = YamlLoader.SplitDocuments(text).ToList();
        var block = YamlLoader.TryLoadBlock(file, map: null, YamlLoadOptions.Default, chunks, new StringPool(), CancellationToken.None);
        Assert.NotNull(block);
        var reference = YamlLoader.LoadWithParser(file, map: null, YamlLoadOptions.Default, chunks, new StringPool(), CancellationToken.None);
        Assert.Empty(reference.Problems);
        Assert.Equal(YamlLoaderOnePassTests.Describe(reference), YamlLoaderOnePassTests.Describe(block));
    }

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Gives_up_on_the_rest_and_the_loader_reads_it_with_YamlDotNet(string text)
    {
        var file = new SourceFile("s.yaml", text);
        var chunks = YamlLoader.SplitDocuments(text).ToList();
        Assert.Null(YamlLoader.TryLoadBlock(file, map: null, YamlLoadOptions.Default, chunks, new StringPool(), CancellationToken.None));
        var reference = YamlLoader.LoadWithParser(file, map: null, YamlLoadOptions.Default, chunks, new StringPool(), CancellationToken.None);
        Assert.Equal(YamlLoaderOnePassTests.Describe(reference), YamlLoaderOnePassTests.Describe(YamlLoader.Load(file)));
    }

    [Fact]
    public void Every_YAML_file_of_testdata_and_the_shared_corpora_reads_the_same_with_both_readers()
    {
        var roots = new List<string> { Path.Combine(RepositoryPaths.Root, "testdata") };
        var shared = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared"));
        foreach (var dir in new[] { "charts-corpus", "conformance/helm-golden", "conformance/helm-golden-v4", "rbac" })
        {
            if (Directory.Exists(Path.Combine(shared, dir)))
                roots.Add(Path.Combine(shared, dir));
            else
                output.WriteLine($"skipped {dir}: ../shared/{dir} is missing");
        }

        var files = roots.SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json" or ".txt" or ".out" or ".golden")
            .Order(StringComparer.Ordinal)
            .ToList();
        var fast = 0;
        var fastCrlf = 0;
        var clean = 0;
        var failures = new StringBuilder();
        var reasons = new Dictionary<int, List<string>>();
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            if (text.Length > 4_000_000)
                continue;
            var file = new SourceFile("f.yaml", text);
            var isClean = YamlLoader.LoadWithParser(file, null, YamlLoadOptions.Default, YamlLoader.SplitDocuments(text).ToList(), new StringPool(), CancellationToken.None).Problems.IsEmpty;
            if (isClean)
                clean++;
            (int Line, int Column, int ReaderLine) at = default;
            if (Compare(path, text, failures, g => at = g))
                fast++;
            else if (isClean)
                (reasons.TryGetValue(at.ReaderLine, out var list) ? list : reasons[at.ReaderLine] = []).Add($"{RepositoryPaths.Relative(path)}:{at.Line}:{at.Column}");

            // The same file as a Windows checkout (autocrlf) writes it.
            if (Compare(path + " (CRLF)", text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal), failures))
                fastCrlf++;
        }

        output.WriteLine($"{files.Count} files, {clean} valid YAML, {fast} read by the block reader, {fastCrlf} with CRLF line ends");
        foreach (var (line, list) in reasons.OrderByDescending(r => r.Value.Count))
            output.WriteLine($"gave up at reader line {line}: {list.Count} files, e.g. {string.Join(", ", list.Take(3))}");
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(fast * 100 >= clean * 85, $"only {fast} of the {clean} valid YAML files were read by the block reader");
        Assert.True(fastCrlf >= fast, $"with CRLF line ends only {fastCrlf} files were read by the block reader, against {fast} with LF");
    }

    [Fact]
    public void Mutated_manifests_read_the_same_whenever_the_block_reader_accepts_them()
    {
        var seeds = SupportedTexts.ToList();
        var rbac = Path.Combine(RepositoryPaths.Root, "testdata");
        seeds.AddRange(Directory.EnumerateFiles(rbac, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(200).Select(File.ReadAllText).Where(t => t.Length < 4000));
        const string alphabet = " \n:-#|>'\"[]{},&*!?%.abc01\\\t\r";
        var random = new Random(1414);
        var failures = new StringBuilder();
        var accepted = 0;
        for (var i = 0; i < 20_000 && failures.Length < 4000; i++)
        {
            var text = seeds[random.Next(seeds.Count)];
            for (var m = random.Next(1, 4); m > 0 && text.Length > 0; m--)
            {
                var at = random.Next(text.Length);
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, 1),
                    1 => text.Insert(at, alphabet[random.Next(alphabet.Length)].ToString()),
                    _ => text.Remove(at, 1).Insert(at, alphabet[random.Next(alphabet.Length)].ToString()),
                };
            }

            if (Compare($"mutant {i}", text, failures))
                accepted++;
        }

        output.WriteLine($"{accepted} of 20000 mutants read by the block reader");
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static bool Compare(string name, string text, StringBuilder failures, Action<(int Line, int Column, int ReaderLine)>? giveUp = null)
    {
        var file = new SourceFile("f.yaml", text);
        var chunks = YamlLoader.SplitDocuments(text).ToList();
        var block = YamlLoader.TryLoadBlock(file, map: null, YamlLoadOptions.Default, chunks, new StringPool(), CancellationToken.None, giveUp);
        if (block is null)
            return false;
        var reference = YamlLoader.LoadWithParser(file, map: null, YamlLoadOptions.Default, chunks, new StringPool(), CancellationToken.None);
        var expected = YamlLoaderOnePassTests.Describe(reference);
        var actual = YamlLoaderOnePassTests.Describe(block);
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var k = 0;
            while (k < Math.Min(e.Length, a.Length) && e[k] == a[k])
                k++;
            failures.Append("== ").Append(name).Append('\n').Append("text: ").Append(text.Length > 600 ? text[..600] : text).Append('\n')
                .Append("YamlDotNet:   ").Append(k < e.Length ? e[k] : "<end>").Append('\n')
                .Append("block reader: ").Append(k < a.Length ? a[k] : "<end>").Append('\n');
        }

        return true;
    }
}

using ManifestLint.Core.Model;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Tests;

public sealed class YamlLoaderTests
{
    private static YamlLoadResult Load(string text, string path = "m.yaml") => YamlLoader.Load(new SourceFile(path, text));

    [Fact]
    public void Scalars_keep_exact_one_based_spans()
    {
        var r = Load("apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n");
        var root = Assert.IsType<YamlMapping>(Assert.Single(r.Documents).Root);
        var flag = Assert.IsType<YamlScalar>(root.Find("spec", "hostNetwork"));
        Assert.Equal(new SourceSpan("m.yaml", 4, 16, 4, 20), flag.Span);
        Assert.Equal("spec.hostNetwork", flag.Path);
        Assert.True(flag.IsTrue);
    }

    [Theory]
    [InlineData("yes", ScalarKind.Bool)]
    [InlineData("on", ScalarKind.Bool)]
    [InlineData("Off", ScalarKind.Bool)]
    [InlineData("\"true\"", ScalarKind.String)]
    [InlineData("'yes'", ScalarKind.String)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("", ScalarKind.Null)]
    [InlineData("0777", ScalarKind.Int)]
    [InlineData("0x1F", ScalarKind.Int)]
    [InlineData("1_000", ScalarKind.Int)]
    [InlineData("1e3", ScalarKind.Float)]
    [InlineData(".inf", ScalarKind.Float)]
    [InlineData("08", ScalarKind.Float)]
    [InlineData("2020-01-02", ScalarKind.String)]
    [InlineData("nginx:1.25", ScalarKind.String)]
    [InlineData("!!str 10", ScalarKind.String)]
    public void Plain_scalars_resolve_like_kubernetes_yaml_1_1(string value, ScalarKind kind)
    {
        var r = Load("v: " + value + "\n");
        var s = Assert.IsType<YamlScalar>(((YamlMapping)r.Documents[0].Root!)["v"]);
        Assert.Equal(kind, s.Kind);
    }

    [Fact]
    public void Octal_and_hex_integers_have_their_values()
    {
        var root = (YamlMapping)Load("a: 0777\nb: 0x1F\nc: -12\n").Documents[0].Root!;
        Assert.Equal(511, root.GetScalar("a")!.AsInt64());
        Assert.Equal(31, root.GetScalar("b")!.AsInt64());
        Assert.Equal(-12, root.GetScalar("c")!.AsInt64());
    }

    [Fact]
    public void Syntax_error_in_one_document_keeps_the_others()
    {
        var r = Load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkey: [unclosed\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        var problem = Assert.Single(r.Problems);
        Assert.Equal("yaml-syntax", problem.RuleId);
        Assert.Equal("m.yaml", problem.Span.Path);
        Assert.InRange(problem.Span.StartLine, 5, 6);
        Assert.Equal(2, r.Documents.Length);
        Assert.Equal(6, r.Documents[1].StartLine);
    }

    [Fact]
    public void Duplicate_key_is_a_finding_at_the_second_key_and_the_last_value_wins()
    {
        var r = Load("metadata:\n  name: a\n  name: b\n");
        var problem = Assert.Single(r.Problems);
        Assert.Equal("yaml-duplicate-key", problem.RuleId);
        Assert.Equal(3, problem.Span.StartLine);
        Assert.Equal(3, problem.Span.StartColumn);
        Assert.Contains("first defined at line 2", problem.Message, StringComparison.Ordinal);
        Assert.Equal("b", ((YamlMapping)r.Documents[0].Root!).Find("metadata", "name")!.ToString());
    }

    [Fact]
    public void Alias_bomb_is_stopped_quickly_with_a_finding()
    {
        var text = "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
            + "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = Load(text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "took " + clock.Elapsed + " (a hang guard; the expansion budget stops it in milliseconds)");
        var problem = Assert.Single(r.Problems);
        Assert.Equal("yaml-alias-limit", problem.RuleId);
        Assert.Empty(r.Documents);
    }

    [Fact]
    public void Small_aliases_and_merge_keys_work()
    {
        var r = Load("base: &b {cpu: 1, memory: 2}\nlimits:\n  <<: *b\n  memory: 3\n");
        Assert.Empty(r.Problems);
        var limits = ((YamlMapping)r.Documents[0].Root!).GetMapping("limits")!;
        Assert.Equal("1", limits.GetString("cpu"));
        Assert.Equal("3", limits.GetString("memory"));
    }

    [Fact]
    public void Bom_and_crlf_are_accepted_with_correct_columns()
    {
        var r = Load("\uFEFFapiVersion: v1\r\nkind: Pod\r\nspec:\r\n  hostPID: true\r\n");
        Assert.Empty(r.Problems);
        var flag = ((YamlMapping)r.Documents[0].Root!).Find("spec", "hostPID")!;
        Assert.Equal(4, flag.Span.StartLine);
        Assert.Equal(12, flag.Span.StartColumn);
    }

    [Fact]
    public void Empty_and_comment_only_input_gives_no_documents_and_no_problems()
    {
        Assert.Empty(Load(string.Empty).Problems);
        var r = Load("# only a comment\n---\n---\n");
        Assert.Empty(r.Problems);
        Assert.All(r.Documents, d => Assert.Null(d.Root));
    }

    [Fact]
    public void Comments_are_kept_with_their_lines()
    {
        var r = Load("a: 1 # expect: x\n# standalone\nb: 2\n");
        var comments = r.Documents[0].Comments;
        Assert.Contains(comments, c => c.Line == 1 && c.Text.Contains("expect: x", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.Line == 2);
    }

    [Fact]
    public void Json_documents_load()
    {
        var r = Load("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}}", "m.json");
        Assert.Empty(r.Problems);
        var res = Assert.Single(ResourceReader.Read(r.Documents[0], "default", new ResourceOrigin("m.json", 0), out _));
        Assert.Equal("default/ConfigMap/j", res.Key.ToString());
    }

    [Fact]
    public void Deep_nesting_is_refused_without_overflowing_the_stack()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var r = Load(text);
        Assert.Single(r.Problems);
    }

    [Fact]
    public void Keys_with_dots_get_bracketed_paths()
    {
        var r = Load("metadata:\n  annotations:\n    ignore-check.manifestlint.io/x: why\n");
        var node = ((YamlMapping)r.Documents[0].Root!).Find("metadata", "annotations", "ignore-check.manifestlint.io/x")!;
        Assert.Equal("metadata.annotations[\"ignore-check.manifestlint.io/x\"]", node.Path);
    }

    // Found by fuzzing (fuzz/README.md): YamlDotNet throws InvalidOperationException or ArgumentException, not a
    // YamlException, on these. Each must be a located yaml-syntax finding that costs only its own document.
    [Theory]
    [InlineData("metadata:\n    metadata:\n      volumes:\n        - name: {etcd\n          volumeMounts:\n", 5)]
    [InlineData(":\n[\n0", 3)]
    [InlineData("...\0", 1)]
    [InlineData("!!+0", 1)]
    [InlineData("a: 1\nb: \"\\udd00\"", 2)]
    public void Malformed_input_that_yamldotnet_rejects_without_a_yaml_exception_is_a_located_syntax_finding(string text, int line)
    {
        var r = Load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n" + text);
        var problem = Assert.Single(r.Problems);
        Assert.Equal("yaml-syntax", problem.RuleId);
        Assert.StartsWith("Invalid YAML: ", problem.Message, StringComparison.Ordinal);
        Assert.Equal("m.yaml", problem.Span.Path);
        Assert.Equal(line + 4, problem.Span.StartLine);
        Assert.True(problem.Span.StartColumn >= 1);
        var kept = Assert.IsType<YamlMapping>(Assert.Single(r.Documents).Root);
        Assert.Equal("a", Assert.IsType<YamlScalar>(kept.Find("metadata", "name")).Text);
    }
}

public sealed class YamlCommentTests
{
    [Fact]
    public void Comment_less_indented_than_the_sequence_around_it_is_valid()
    {
        var text = "rules:\n  - level: None\n    users: [a]\n  # between items, at the sequence's indentation\n  - level: Metadata\n# at column one\n  - level: Request\n";
        var r = YamlLoader.Load(new SourceFile("p.yaml", text));
        Assert.Empty(r.Problems);
        var rules = ((YamlMapping)r.Documents[0].Root!).GetSequence("rules")!;
        Assert.Equal(3, rules.Count);
        Assert.Equal([4, 6], r.Documents[0].Comments.Select(c => c.Line));
    }

    [Fact]
    public void Hash_inside_quotes_and_block_scalars_is_not_a_comment()
    {
        var text = "a: \"x # y\"\nb: 'p # q' # real\nc: |\n  # not a comment\n  line\nd: e#f\n";
        var r = YamlLoader.Load(new SourceFile("p.yaml", text));
        Assert.Empty(r.Problems);
        var c = Assert.Single(r.Documents[0].Comments);
        Assert.Equal(2, c.Line);
        Assert.Equal(12, c.Column);
        Assert.Equal("# not a comment\nline\n", ((YamlMapping)r.Documents[0].Root!).GetString("c"));
    }

    [Fact]
    public void Comments_go_to_the_document_they_are_in()
    {
        var r = YamlLoader.Load(new SourceFile("p.yaml", "a: 1 # one\n---\nb: 2 # two\n"));
        Assert.Equal(1, Assert.Single(r.Documents[0].Comments).Line);
        Assert.Equal(3, Assert.Single(r.Documents[1].Comments).Line);
    }
}

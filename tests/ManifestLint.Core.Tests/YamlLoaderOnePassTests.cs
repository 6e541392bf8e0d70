using System.Text;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Tests;

/// <summary>
/// A stream of many documents is read in one pass for speed (#14); the result must be exactly what reading each
/// <c>---</c> chunk on its own gives: documents, start lines, comments, every node's span and path, and problems.
/// </summary>
public sealed class YamlLoaderOnePassTests
{
    public static TheoryData<string> Streams() =>
    [
        "a: 1\n---\nb: 2\n",
        "# leading comment, before any document\n---\na: 1 # trailing\n---\n# only a comment\n---\nb: [1, 2]\n",
        "---\n---\n---\nkind: Pod\n",
        "a: &x {k: v}\nb: *x\n---\nc: *x\n",
        "a: 1\na: 2\n---\nb: 1\nb: 2\n",
        "a: |\n  # not a comment\n  text\n---\nb: >\n  folded\n  # also text\n",
        "a: 1\n---\nb: [unclosed\n---\nc: 3\n",
        "a: 'quoted\n---\nb: 2\n",
        "x: 1\r\n---\r\ny: 2\r\n",
        "--- {a: 1}\n--- [1, 2]\n--- plain\n",
        "a:\n  - b: 1\n    c: 2\n  - d\n---\n  # indented comment\ne: f\n",
        "apiVersion: v1\nkind: List\n---\n<<: {a: 1}\nb: 2\n",
    ];

    [Theory]
    [MemberData(nameof(Streams))]
    public void One_pass_and_chunk_by_chunk_reading_give_the_same_result(string text)
    {
        var file = new SourceFile("s.yaml", text);
        var onePass = YamlLoader.Load(file);
        var chunks = YamlLoader.LoadChunks(file, map: null, YamlLoadOptions.Default, [.. YamlLoader.SplitDocuments(text)], new StringPool(), CancellationToken.None);
        Assert.Equal(Describe(chunks), Describe(onePass));
    }

    [Fact]
    public void Benchmark_sized_stream_is_read_in_one_pass_with_the_same_result()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 300; i++)
            sb.Append("# app ").Append(i).Append("\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c").Append(i).Append("\ndata: {k: v}\n---\n");
        var file = new SourceFile("big.yaml", sb.ToString());
        var chunks = YamlLoader.LoadChunks(file, map: null, YamlLoadOptions.Default, [.. YamlLoader.SplitDocuments(file.Text)], new StringPool(), CancellationToken.None);
        Assert.Equal(Describe(chunks), Describe(YamlLoader.Load(file)));
    }

    internal static string Describe(YamlLoadResult result) => YamlLoadResultText.Describe(result);
}

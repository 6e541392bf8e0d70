using System.Text;
using CsCheck;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Tests.Properties;

/// <summary>
/// Random YAML trees are written in block (and some flow) style and read back: every scalar, keys included, has
/// the value written and a span that covers exactly its text in the file. 200 cases by default;
/// <c>MANIFESTLINT_PROPERTY_CASES=N</c> runs N.
/// </summary>
public sealed class YamlPositionProperties
{
    private static long Cases(long byDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("MANIFESTLINT_PROPERTY_CASES"), out var n) && n > 0 ? n : byDefault;

    /// <summary>A generated node: a scalar with its source text, a mapping, or a sequence.</summary>
    public abstract record Node;

    public sealed record Scalar(string Source, string Value) : Node
    {
        public override string ToString() => Source;
    }

    public sealed record Mapping(IReadOnlyList<(Scalar Key, Node Value)> Entries, bool Flow) : Node;

    public sealed record Sequence(IReadOnlyList<Node> Items, bool Flow) : Node;

    private static readonly Gen<Scalar> Plain =
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz"], Gen.Char["abcxyz0123456789_-./"].Array[0, 8].Select(c => new string(c)), (first, rest) => new Scalar(first + rest, first + rest));

    private static readonly Gen<Scalar> SingleQuoted =
        Gen.Char["ab :#'\"\\{}[],&*!|>%@`é\u00e9"].Array[0, 10].Select(c => new string(c)).Select(v => new Scalar("'" + v.Replace("'", "''", StringComparison.Ordinal) + "'", v));

    private static readonly Gen<Scalar> DoubleQuoted =
        Gen.Char["ab :#'\"\\{}[],&*é\t"].Array[0, 10].Select(c => new string(c)).Select(v => new Scalar("\"" + Escape(v) + "\"", v));

    private static readonly Gen<Scalar> Emoji = Gen.Int[0, 3].Select(n => new Scalar("\"" + string.Concat(Enumerable.Repeat("\uD83D\uDE00", n)) + "x\"", string.Concat(Enumerable.Repeat("\uD83D\uDE00", n)) + "x"));

    private static readonly Gen<Scalar> AnyScalar = Gen.Frequency((4, Plain), (2, SingleQuoted), (2, DoubleQuoted), (1, Emoji));

    private static string Escape(string v)
    {
        var sb = new StringBuilder();
        foreach (var c in v)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static Gen<Node> NodeGen(int depth) => depth == 0
        ? AnyScalar.Select(s => (Node)s)
        : Gen.Frequency((3, AnyScalar.Select(s => (Node)s)), (2, MappingGen(depth)), (2, SequenceGen(depth)));

    private static Gen<Node> MappingGen(int depth) =>
        Gen.Select(Gen.Select(AnyScalar, NodeGen(depth - 1)).Array[1, 4], Gen.Int[0, 5], (entries, flow) =>
        {
            var unique = entries.DistinctBy(e => e.Item1.Value, StringComparer.Ordinal).Where(e => e.Item1.Value != "<<").ToList();
            var allScalars = unique.TrueForAll(e => e.Item2 is Scalar);
            return (Node)new Mapping(unique, flow == 0 && allScalars);
        });

    private static Gen<Node> SequenceGen(int depth) =>
        Gen.Select(NodeGen(depth - 1).Array[1, 4], Gen.Int[0, 3], (items, flow) =>
            (Node)new Sequence(items, flow == 0 && items.All(i => i is Scalar)));

    /// <summary>A document: always a mapping at the top, with random indentation and comments.</summary>
    private static readonly Gen<(Node Root, int Indent, int Comments)> Documents =
        Gen.Select(MappingGen(4), Gen.Int[1, 4], Gen.Int[0, 3]);

    [Fact]
    public void Every_scalar_span_covers_exactly_its_text()
    {
        Documents.Sample(
            doc =>
            {
                var text = Write(doc.Root, doc.Indent, doc.Comments);
                var file = new SourceFile("p.yaml", text);
                var result = YamlLoader.Load(file);
                Assert.True(result.Problems.IsEmpty, $"{string.Join("; ", result.Problems.Select(p => p.Message))}\n{text}");
                var document = Assert.Single(result.Documents);
                Check(doc.Root, document.Root!, file, text);
            },
            iter: Cases(200),
            threads: 1,
            print: doc => Write(doc.Root, doc.Indent, doc.Comments));
    }

    private static void Check(Node expected, YamlNode actual, SourceFile file, string text)
    {
        switch (expected)
        {
            case Scalar s:
                {
                    var scalar = Assert.IsType<YamlScalar>(actual);
                    Assert.Equal(s.Value, scalar.Text);
                    Assert.Equal(scalar.Span.StartLine, scalar.Span.EndLine);
                    var line = file.GetLine(scalar.Span.StartLine);
                    Assert.True(scalar.Span.StartColumn >= 1 && scalar.Span.EndColumn - 1 <= line.Length, $"{scalar.Span} outside '{line}'\n{text}");
                    Assert.Equal(s.Source, line[(scalar.Span.StartColumn - 1)..(scalar.Span.EndColumn - 1)]);
                    break;
                }

            case Mapping m:
                {
                    var mapping = Assert.IsType<YamlMapping>(actual);
                    Assert.Equal(m.Entries.Count, mapping.Count);
                    for (var i = 0; i < m.Entries.Count; i++)
                    {
                        Check(m.Entries[i].Key, mapping.Entries[i].Key, file, text);
                        Check(m.Entries[i].Value, mapping.Entries[i].Value, file, text);
                    }

                    break;
                }

            case Sequence q:
                {
                    var sequence = Assert.IsType<YamlSequence>(actual);
                    Assert.Equal(q.Items.Count, sequence.Count);
                    for (var i = 0; i < q.Items.Count; i++)
                        Check(q.Items[i], sequence.Items[i], file, text);
                    break;
                }
        }
    }

    internal static string Write(Node root, int indent, int comments)
    {
        var sb = new StringBuilder();
        if (comments > 1)
            sb.Append("# generated\n");
        WriteBlock(sb, root, 0, indent, comments);
        return sb.ToString();
    }

    private static void WriteBlock(StringBuilder sb, Node node, int level, int indent, int comments)
    {
        var pad = new string(' ', level * indent);
        switch (node)
        {
            case Mapping m:
                foreach (var (key, value) in m.Entries)
                {
                    sb.Append(pad).Append(key.Source).Append(':');
                    WriteValue(sb, value, level, indent, comments);
                }

                break;
            case Sequence q:
                foreach (var item in q.Items)
                {
                    sb.Append(pad).Append('-');
                    WriteValue(sb, item, level, indent, comments);
                }

                break;
        }
    }

    private static void WriteValue(StringBuilder sb, Node value, int level, int indent, int comments)
    {
        switch (value)
        {
            case Scalar s:
                sb.Append(' ').Append(s.Source).Append(comments > 0 ? "  # note\n" : "\n");
                break;
            case Mapping { Flow: true } fm:
                sb.Append(" {").AppendJoin(", ", fm.Entries.Select(e => e.Key.Source + ": " + ((Scalar)e.Value).Source)).Append("}\n");
                break;
            case Sequence { Flow: true } fq:
                sb.Append(" [").AppendJoin(", ", fq.Items.Select(i => ((Scalar)i).Source)).Append("]\n");
                break;
            default:
                sb.Append('\n');
                WriteBlock(sb, value, level + 1, indent, comments);
                break;
        }
    }
}

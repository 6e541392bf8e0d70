using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ManifestLint.Templates.Evaluation;
using ManifestLint.Templates.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestLint.Templates.Encoding;

/// <summary>
/// Reads YAML the way Helm does: YAML 1.1 as gopkg.in/yaml.v2 reads it, converted to JSON by sigs.k8s.io/yaml
/// and decoded into Go values (every number a <c>float64</c>, every key a string). Only the first document counts.
/// </summary>
public static class GoYaml
{
    private const string ConvertPrefix = "error converting YAML to JSON: ";
    private const string UnmarshalPrefix = "error unmarshaling JSON: while decoding JSON: ";

    /// <summary>
    /// Parses a values file into a <c>chartutil.Values</c> map (nested maps <c>map[string]interface {}</c>) whose
    /// entries and list items carry their <see cref="ValueOrigin"/> in <paramref name="sourceName"/>.
    /// An empty or comment-only text gives an empty map.
    /// </summary>
    /// <exception cref="GoYamlException">The text is not valid YAML or its top level is not a mapping.</exception>
    public static GoMap ParseValues(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = Decode(text, sourceName);
        var map = ExpectMap(value);
        map.GoTypeName = GoMap.ValuesType;
        return map;
    }

    /// <summary>Helm's <c>fromYaml</c> decoding: a <c>map[string]interface {}</c>, or an exception worded as Go words it.</summary>
    public static GoMap ParseMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ExpectMap(Decode(text, null));
    }

    /// <summary>Helm's <c>fromYamlArray</c> decoding: a <c>[]interface {}</c>, or an exception worded as Go words it.</summary>
    public static GoList ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Decode(text, null) switch
        {
            null => new GoList(),
            GoList list => list,
            var other => throw new GoYamlException(UnmarshalPrefix + "json: cannot unmarshal " + JsonKind(other) + " into Go value of type []interface {}"),
        };
    }

    /// <summary>Decodes the first document into a Go value (nil, bool, float64, string, map or list).</summary>
    public static object? Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Decode(text, sourceName);
    }

    private static GoMap ExpectMap(object? value) => value switch
    {
        null => new GoMap(),
        GoMap map => map,
        var other => throw new GoYamlException(UnmarshalPrefix + "json: cannot unmarshal " + JsonKind(other) + " into Go value of type map[string]interface {}"),
    };

    private static string JsonKind(object? value) => value switch
    {
        GoList => "array",
        GoMap => "object",
        string => "string",
        bool => "bool",
        _ => "number",
    };

    private static object? Decode(string text, string? sourceName)
    {
        var root = Compose(text);
        if (root is null)
            return null;
        var converter = new Converter(sourceName);
        try
        {
            return converter.Convert(root, string.Empty);
        }
        catch (GoYamlException ex)
        {
            throw new GoYamlException(ConvertPrefix + ex.Message, ex) { Line = ex.Line };
        }
    }

    private static Node? Compose(string text)
    {
        // yaml.v2 drops a leading byte order mark.
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        while (true)
        {
            try
            {
                return ComposeOnce(text);
            }
            catch (GoYamlException ex) when (ex.InnerException is SemanticErrorException inner && BlankLeadingSpaceLines(text, inner) is { } repaired)
            {
                text = repaired;
            }
        }
    }

    /// <summary>
    /// YamlDotNet refuses a block scalar whose leading empty lines hold more spaces than it expects ("found extra spaces
    /// in first line" for <c>|</c>, "found more spaces in lines above first content line" for <c>&gt;</c>); yaml.v2 (libyaml)
    /// takes such a line as a plain line break, e.g. <c>data: |</c>, a line of four spaces, then <c>    {}</c>, which
    /// <c>{{ tpl … | nindent 4 }}</c> writes. A leading empty line adds one line break whatever its spaces, so blanking it
    /// keeps the value, as long as its spaces would not have raised the block's indentation past its first content line
    /// (libyaml takes the largest of them as the indentation): only such lines, just above the line YamlDotNet stopped at,
    /// are blanked. Null when there is nothing to repair.
    /// </summary>
    private static string? BlankLeadingSpaceLines(string text, SemanticErrorException ex)
    {
        if (!ex.Message.Contains("found extra spaces in first line", StringComparison.Ordinal) &&
            !ex.Message.Contains("found more spaces in lines above first content line", StringComparison.Ordinal))
            return null;
        var lines = text.Split('\n');
        var content = (int)ex.Start.Line - 1;
        if (content < 1 || content > lines.Length)
            return null;
        var first = content;
        while (first > 0 && lines[first - 1].Length > 0 && lines[first - 1].All(c => c == ' '))
            first--;
        if (first == content || first == 0)
            return null;
        var header = lines[first - 1];
        var headerIndent = header.Length - header.TrimStart(' ').Length;
        var contentIndent = content < lines.Length && lines[content].Trim().Length > 0 ? lines[content].Length - lines[content].TrimStart(' ').Length : 0;
        var changed = false;
        for (var i = first; i < content; i++)
        {
            if (lines[i].Length <= contentIndent || contentIndent <= headerIndent)
            {
                lines[i] = string.Empty;
                changed = true;
            }
        }

        return changed ? string.Join('\n', lines) : null;
    }

    private static Node? ComposeOnce(string text)
    {
        var parser = new CheckedParser(text);
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
                return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, anchors, 0);
            return root;
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line;
            // yaml.v2 notices a simple key without ':' only when the scanner has moved past its line (at the end of
            // the stream it forces a new line first), and reports that later position; YamlDotNet reports the key.
            if (ex.Message.Contains("could not find expected ':'", StringComparison.Ordinal))
                line++;
            throw new GoYamlException(ConvertPrefix + "yaml: " + Where(ex, line) + ProblemText(ex.Message), ex) { Line = line };
        }
    }

    /// <summary>
    /// yaml.v2 prints a 0-based line for parser errors and a 1-based one for scanner errors, and no line at all
    /// when the problem is on the first line.
    /// </summary>
    private static string Where(YamlException ex, int oneBasedLine)
    {
        var zeroBased = oneBasedLine - 1;
        if (zeroBased <= 0)
            return string.Empty;
        var scanner = ex is SyntaxErrorException || ex.Message.StartsWith("While scanning", StringComparison.Ordinal) ||
                      ex.Message.Contains("not allowed in this context", StringComparison.Ordinal);
        var goLine = scanner ? zeroBased + 1 : zeroBased;
        return "line " + goLine.ToString(CultureInfo.InvariantCulture) + ": ";
    }

    /// <summary>YamlDotNet words errors as "While CONTEXT, PROBLEM."; yaml.v2 shows only the problem.</summary>
    private static string ProblemText(string message)
    {
        var m = message.Trim();
        if (m.StartsWith("While ", StringComparison.Ordinal))
        {
            var comma = m.IndexOf(", ", StringComparison.Ordinal);
            if (comma > 0)
                m = m[(comma + 2)..];
        }

        m = m.TrimEnd('.');
        if (m.EndsWith("found invalid mapping", StringComparison.Ordinal))
            return "mapping values are not allowed in this context";
        if (m.Length > 0 && char.IsUpper(m[0]) && !(m.Length > 1 && char.IsUpper(m[1])))
            m = char.ToLowerInvariant(m[0]) + m[1..];
        return m;
    }

    /// <summary>
    /// yaml.v2 accepts 10,000 levels of nesting, which Go's growable stacks allow; a .NET thread's stack may not
    /// (a Debug build's frames are larger), so a deep document continues on a fresh stack instead of crashing.
    /// </summary>
    private static Node ReadChild(IParser parser, Dictionary<string, Node> anchors, int depth) =>
        RuntimeHelpers.TryEnsureSufficientExecutionStack() ? ReadNode(parser, anchors, depth) : StackGuard.Run(() => ReadNode(parser, anchors, depth));

    private static Node ReadNode(IParser parser, Dictionary<string, Node> anchors, int depth)
    {
        if (depth > 10000)
            throw new GoYamlException("yaml: exceeded max depth of 10000");
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
                throw new GoYamlException(ConvertPrefix + "yaml: unknown anchor '" + alias.Value.Value + "' referenced") { Line = (int)alias.Start.Line };
            return new AliasNode(alias.Start, alias.Value.Value, target);
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var node = new ScalarNode(scalar.Start, scalar.Value, scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value, scalar.IsPlainImplicit && scalar.Style == ScalarStyle.Plain);
            Register(anchors, scalar.Anchor, node);
            return node;
        }

        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var seq = new SequenceNode(seqStart.Start);
            Register(anchors, seqStart.Anchor, seq);
            while (!parser.TryConsume<SequenceEnd>(out _))
                seq.Items.Add(ReadChild(parser, anchors, depth + 1));
            return seq;
        }

        var mapStart = parser.Consume<MappingStart>();
        var map = new MappingNode(mapStart.Start);
        Register(anchors, mapStart.Anchor, map);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadChild(parser, anchors, depth + 1);
            var value = ReadChild(parser, anchors, depth + 1);
            map.Pairs.Add(new KeyValuePair<Node, Node>(key, value));
        }

        return map;
    }

    private static void Register(Dictionary<string, Node> anchors, AnchorName anchor, Node node)
    {
        if (!anchor.IsEmpty)
            anchors[anchor.Value] = node;
    }

    private abstract class Node(Mark start)
    {
        public Mark Start { get; } = start;
    }

    private sealed class ScalarNode(Mark start, string value, string tag, bool plain) : Node(start)
    {
        public string Value { get; } = value;

        /// <summary>The long-form tag, or empty when none was written.</summary>
        public string Tag { get; } = tag;

        /// <summary>Plain and untagged: the only form yaml.v2 resolves by its text.</summary>
        public bool Plain { get; } = plain;
    }

    private sealed class SequenceNode(Mark start) : Node(start)
    {
        public List<Node> Items { get; } = [];
    }

    private sealed class MappingNode(Mark start) : Node(start)
    {
        public List<KeyValuePair<Node, Node>> Pairs { get; } = [];
    }

    private sealed class AliasNode(Mark start, string name, Node target) : Node(start)
    {
        public string Name { get; } = name;

        public Node Target { get; } = target;
    }

    /// <summary>Turns composed nodes into Go values, with yaml.v2's guard against alias expansion bombs.</summary>
    private sealed class Converter(string? sourceName)
    {
        private readonly HashSet<Node> _expanding = [];
        private long _decodeCount;
        private long _aliasCount;
        private int _aliasDepth;

        private object? ConvertChild(Node node, string path) =>
            RuntimeHelpers.TryEnsureSufficientExecutionStack() ? Convert(node, path) : StackGuard.Run(() => Convert(node, path));

        public object? Convert(Node node, string path)
        {
            _decodeCount++;
            if (_aliasDepth > 0)
                _aliasCount++;
            if (_aliasCount > 100 && _decodeCount > 1000 && (double)_aliasCount / _decodeCount > AllowedAliasRatio(_decodeCount))
                throw new GoYamlException("yaml: document contains excessive aliasing");
            switch (node)
            {
                case AliasNode alias:
                    if (!_expanding.Add(alias.Target))
                        throw new GoYamlException("yaml: anchor '" + alias.Name + "' value contains itself") { Line = (int)alias.Start.Line };
                    _aliasDepth++;
                    try
                    {
                        return ConvertChild(alias.Target, path);
                    }
                    finally
                    {
                        _aliasDepth--;
                        _expanding.Remove(alias.Target);
                    }

                case ScalarNode scalar:
                    return ScalarValue(scalar);
                case SequenceNode seq:
                    {
                        var list = new GoList { Origin = OriginAt(seq.Start, path) };
                        for (var i = 0; i < seq.Items.Count; i++)
                        {
                            var itemPath = sourceName is null ? path : path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                            var item = seq.Items[i];
                            list.Add(ConvertChild(item, itemPath), OriginAt(item.Start, itemPath));
                        }

                        return list;
                    }

                default:
                    {
                        var mapping = (MappingNode)node;
                        var map = new GoMap { Origin = OriginAt(mapping.Start, path) };
                        FillMap(map, mapping, path);
                        return map;
                    }
            }
        }

        /// <summary>yaml.v2 lowers the tolerated share of alias expansions as documents grow.</summary>
        private static double AllowedAliasRatio(long decodeCount)
        {
            const double small = 400_000, large = 4_000_000;
            if (decodeCount <= small)
                return 0.99;
            if (decodeCount >= large)
                return 0.10;
            return 0.99 - (0.89 * ((decodeCount - small) / (large - small)));
        }

        private void FillMap(GoMap map, MappingNode mapping, string path)
        {
            foreach (var (keyNode, valueNode) in mapping.Pairs)
            {
                if (IsMerge(keyNode))
                {
                    Merge(map, valueNode, path);
                    continue;
                }

                var key = KeyString(keyNode);
                var entryPath = sourceName is null ? path : path.Length == 0 ? key : path + "." + key;
                var value = ConvertChild(valueNode, entryPath);
                map.Set(key, value, OriginAt(keyNode.Start, entryPath));
            }
        }

        private void Merge(GoMap map, Node value, string path)
        {
            var target = value is AliasNode a ? a.Target : value;
            switch (target)
            {
                case MappingNode:
                    CopyInto(map, value, path);
                    break;
                case SequenceNode seq when value is not AliasNode:
                    // Earlier maps in the list take precedence, so they are applied last.
                    for (var i = seq.Items.Count - 1; i >= 0; i--)
                    {
                        var item = seq.Items[i];
                        var itemTarget = item is AliasNode ia ? ia.Target : item;
                        if (itemTarget is not MappingNode)
                            throw new GoYamlException("yaml: map merge requires map or sequence of maps as the value") { Line = (int)item.Start.Line };
                        CopyInto(map, item, path);
                    }

                    break;
                default:
                    throw new GoYamlException("yaml: map merge requires map or sequence of maps as the value") { Line = (int)value.Start.Line };
            }
        }

        private void CopyInto(GoMap map, Node mappingOrAlias, string path)
        {
            if (ConvertChild(mappingOrAlias, path) is not GoMap merged)
                return;
            foreach (var key in merged.Keys.ToList())
                map.Set(key, merged[key], merged.OriginOf(key) is { } o ? o with { Path = path.Length == 0 ? key : path + "." + key } : null);
        }

        private static bool IsMerge(Node key) =>
            key is ScalarNode { Value: "<<" } s && (s.Plain || s.Tag == YamlScalarResolver.MergeTag);

        private ValueOrigin? OriginAt(Mark mark, string path) =>
            sourceName is null ? null : new ValueOrigin(sourceName, (int)mark.Line, (int)mark.Column, path);

        /// <summary>sigs.k8s.io/yaml turns every key into a JSON object key: bools and numbers are printed.</summary>
        private string KeyString(Node keyNode)
        {
            var target = keyNode is AliasNode a ? a.Target : keyNode;
            if (target is not ScalarNode scalar)
                throw new GoYamlException("yaml: invalid map key: a collection cannot be a key") { Line = (int)keyNode.Start.Line };
            var (kind, value) = Resolve(scalar);
            return kind switch
            {
                YamlScalarKind.Bool => (bool)value! ? "true" : "false",
                YamlScalarKind.Int => ((long)value!).ToString(CultureInfo.InvariantCulture),
                YamlScalarKind.UInt => ((ulong)value!).ToString(CultureInfo.InvariantCulture),
                YamlScalarKind.Float => FloatKey((double)value!),
                YamlScalarKind.Null => throw new GoYamlException("Unsupported map key of type: %!s(<nil>), key: <nil>") { Line = (int)keyNode.Start.Line },
                _ => (string)value!,
            };
        }

        private static string FloatKey(double d)
        {
            // sigs.k8s.io/yaml formats float keys at 32 bits, so a finite double beyond float32's range is infinite too.
            var f = (float)d;
            if (float.IsNaN(f))
                return ".nan";
            if (float.IsPositiveInfinity(f))
                return ".inf";
            if (float.IsNegativeInfinity(f))
                return "-.inf";
            return GoFloat32Text.FormatShortest(f);
        }

        private static object? ScalarValue(ScalarNode scalar)
        {
            var (kind, value) = Resolve(scalar);
            if (kind == YamlScalarKind.Float && value is double d && (double.IsNaN(d) || double.IsInfinity(d)))
                throw new GoYamlException("json: unsupported value: " + GoFormat.FormatFloat(d, 'g', -1));
            return kind switch
            {
                YamlScalarKind.Null => null,
                YamlScalarKind.Bool => value,
                YamlScalarKind.Int => (double)(long)value!,
                YamlScalarKind.UInt => (double)(ulong)value!,
                YamlScalarKind.Float => value,
                _ => value,
            };
        }

        private static (YamlScalarKind Kind, object? Value) Resolve(ScalarNode scalar)
        {
            if (scalar.Tag.Length == 0)
                return scalar.Plain ? YamlScalarResolver.ResolvePlain(scalar.Value) : (YamlScalarKind.String, scalar.Value);
            switch (scalar.Tag)
            {
                case YamlScalarResolver.StrTag:
                    return (YamlScalarKind.String, scalar.Value);
                case YamlScalarResolver.BinaryTag:
                    try
                    {
                        var bytes = System.Convert.FromBase64String(scalar.Value);
                        return (YamlScalarKind.String, new UTF8Encoding(false, false).GetString(bytes));
                    }
                    catch (FormatException)
                    {
                        throw new GoYamlException("yaml: !!binary value contains invalid base64 data") { Line = (int)scalar.Start.Line };
                    }

                case YamlScalarResolver.BoolTag:
                case YamlScalarResolver.IntTag:
                case YamlScalarResolver.FloatTag:
                case YamlScalarResolver.TimestampTag:
                    {
                        var resolved = YamlScalarResolver.ResolvePlain(scalar.Value);
                        var wanted = scalar.Tag switch
                        {
                            YamlScalarResolver.BoolTag => YamlScalarKind.Bool,
                            YamlScalarResolver.IntTag => YamlScalarKind.Int,
                            YamlScalarResolver.FloatTag => YamlScalarKind.Float,
                            _ => YamlScalarKind.Timestamp,
                        };
                        if (resolved.Kind == wanted || (wanted == YamlScalarKind.Int && resolved.Kind == YamlScalarKind.UInt))
                            return resolved;
                        if (wanted == YamlScalarKind.Float && resolved.Kind is YamlScalarKind.Int or YamlScalarKind.UInt)
                            return (YamlScalarKind.Float, resolved.Kind == YamlScalarKind.Int ? (double)(long)resolved.Value! : (double)(ulong)resolved.Value!);
                        throw new GoYamlException("yaml: cannot decode " + ShortTag(resolved.Kind) + " `" + scalar.Value + "` as a " + ShortTag(wanted)) { Line = (int)scalar.Start.Line };
                    }

                default:
                    // yaml.v2 leaves scalars with tags it cannot resolve as their text.
                    return (YamlScalarKind.String, scalar.Value);
            }
        }

        private static string ShortTag(YamlScalarKind kind) => kind switch
        {
            YamlScalarKind.Bool => "!!bool",
            YamlScalarKind.Int or YamlScalarKind.UInt => "!!int",
            YamlScalarKind.Float => "!!float",
            YamlScalarKind.Null => "!!null",
            YamlScalarKind.Timestamp => "!!timestamp",
            _ => "!!str",
        };
    }
}

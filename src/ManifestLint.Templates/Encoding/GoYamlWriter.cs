using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Encoding;

/// <summary>
/// Helm's <c>toYaml</c>: sigs.k8s.io/yaml's <c>Marshal</c>, i.e. Go's <c>json.Marshal</c> followed by gopkg.in/yaml.v2's
/// emitter (keys in yaml.v2's natural order, 2-space indentation, sequences in a mapping not indented, strings that
/// would read back as something else quoted, multi-line strings as <c>|</c> blocks, lines folded after column 80).
/// The result knows, line by line, which values-file entry each line renders.
/// </summary>
public static class GoYamlWriter
{
    /// <summary>
    /// <c>toYaml</c>: the YAML text without its final newline. Each line that renders a map entry or list item with a
    /// known origin gets a segment carrying that origin; other lines fall back to <paramref name="argumentOrigin"/>.
    /// Segments leave <see cref="OutputSegment.Template"/> empty (line and column 0): the function cannot know the
    /// calling action, so the evaluator is expected to put the action's position there.
    /// </summary>
    /// <exception cref="GoJsonException">Go's JSON encoder refuses the value (Helm's <c>toYaml</c> then gives "").</exception>
    public static TrackedString ToYaml(object? value, ValueOrigin? argumentOrigin = null)
    {
        var root = JsonTree.FromValue(value, forYaml: true);
        var emitter = Emitter.Rent(argumentOrigin);
        emitter.EmitDocument(root);
        var text = emitter.Text(withoutFinalNewline: true);
        var result = new TrackedString(text, emitter.Segments(text));
        Emitter.Return(emitter);
        return result;
    }

    /// <summary>sigs.k8s.io/yaml's <c>Marshal</c>: the full YAML text, ending with a newline.</summary>
    /// <exception cref="GoJsonException">Go's JSON encoder refuses the value.</exception>
    public static string Marshal(object? value)
    {
        var root = JsonTree.FromValue(value, forYaml: true);
        var emitter = Emitter.Rent(null);
        emitter.EmitDocument(root);
        var text = emitter.Text(withoutFinalNewline: false);
        Emitter.Return(emitter);
        return text;
    }

    private enum Style
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
    }

    /// <summary>What yaml.v2's analysis of a scalar allows.</summary>
    private readonly record struct Analysis(bool Multiline, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed, bool Empty);

    private sealed class Emitter
    {
        private const int BestIndent = 2;
        private const int BestWidth = 80;

        // One emitter per thread is kept for reuse: toYaml runs often and its buffers are the bulk of its cost.
        [ThreadStatic]
        private static Emitter? _cached;

        private readonly StringBuilder _out = new();
        private readonly List<(int Offset, ValueOrigin? Origin)> _marks = [];
        private readonly Stack<int> _indents = new();
        private ValueOrigin? _fallback;
        private int _indent;
        private int _column;
        private bool _whitespace;
        private bool _indention;

        public static Emitter Rent(ValueOrigin? fallback)
        {
            var emitter = _cached ?? new Emitter();
            _cached = null;
            emitter.Reset(fallback);
            return emitter;
        }

        /// <summary>Gives the emitter back for reuse, unless it grew too large to keep.</summary>
        public static void Return(Emitter emitter)
        {
            if (emitter._out.Capacity <= 1 << 20)
                _cached = emitter;
        }

        public string Text(bool withoutFinalNewline)
        {
            var length = _out.Length;
            if (withoutFinalNewline && length > 0 && _out[length - 1] == '\n')
                length--;
            return _out.ToString(0, length);
        }

        public void EmitDocument(JsonNode root)
        {
            EmitNode(root, mappingContext: false, simpleKey: false, origin: _fallback);
            WriteIndent();
        }

        public ImmutableArray<OutputSegment> Segments(string text)
        {
            var builder = ImmutableArray.CreateBuilder<OutputSegment>(text.AsSpan().Count('\n') + 1);
            var start = 0;
            var markIndex = 0;
            while (start < text.Length)
            {
                var end = text.IndexOf('\n', start);
                if (end < 0)
                    end = text.Length;
                var last = end - 1;
                while (last >= start && text[last] == ' ')
                    last--;
                if (last >= start)
                {
                    while (markIndex + 1 < _marks.Count && _marks[markIndex + 1].Offset <= last)
                        markIndex++;
                    var origin = _marks[markIndex].Origin;
                    if (origin is not null)
                        builder.Add(new OutputSegment(start, end - start, string.Empty, 0, 0, false, origin));
                }

                start = end + 1;
            }

            return builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
        }

        private void Reset(ValueOrigin? fallback)
        {
            _fallback = fallback;
            _out.Clear();
            _marks.Clear();
            _marks.Add((0, fallback));
            _indents.Clear();
            _indent = -1;
            _column = 0;
            _whitespace = true;
            _indention = true;
        }

        private void Mark(ValueOrigin? origin)
        {
            if (_marks[^1].Offset == _out.Length)
                _marks[^1] = (_out.Length, origin);
            else
                _marks.Add((_out.Length, origin));
        }

        private void EmitNode(JsonNode node, bool mappingContext, bool simpleKey, ValueOrigin? origin)
        {
            switch (node)
            {
                case JsonArray a:
                    if (a.Items.Count == 0)
                        EmitEmptyFlow("[", "]");
                    else
                        EmitSequence(a, mappingContext, origin);
                    break;
                case JsonObject o:
                    if (o.Members.Count == 0)
                        EmitEmptyFlow("{", "}");
                    else
                        EmitMapping(o, origin);
                    break;
                case JsonString s:
                    EmitString(s.Value, simpleKey);
                    break;
                default:
                    EmitScalar(ScalarText(node), Style.Plain, simpleKey);
                    break;
            }
        }

        private void EmitString(string value, bool simpleKey)
        {
            var style = value.Contains('\n', StringComparison.Ordinal) ? Style.Literal
                : YamlScalarResolver.CanBePlain(value) ? Style.Plain
                : Style.DoubleQuoted;
            EmitScalar(value, style, simpleKey);
        }

        private static string ScalarText(JsonNode node) => node switch
        {
            JsonNull => "null",
            JsonBool b => b.Value ? "true" : "false",
            JsonNumber n => NumberText(n.Text),
            _ => string.Empty,
        };

        /// <summary>yaml.v2 reads the JSON number back (as int, uint or float) and prints that.</summary>
        private static string NumberText(string json)
        {
            // An integer in long's range reads back as itself (JSON has no leading zeros or '+'); "-0" reads back as 0.
            if (json.Length < 19 && json != "-0" && !json.AsSpan(json.StartsWith('-') ? 1 : 0).ContainsAnyExcept(Digits))
                return json;
            var (kind, value) = YamlScalarResolver.ResolvePlain(json);
            return kind switch
            {
                YamlScalarKind.Int => ((long)value!).ToString(CultureInfo.InvariantCulture),
                YamlScalarKind.UInt => ((ulong)value!).ToString(CultureInfo.InvariantCulture),
                YamlScalarKind.Float => GoFormat.FormatFloat((double)value!, 'g', -1),
                _ => json,
            };
        }

        private void EmitEmptyFlow(string open, string close)
        {
            WriteIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false);
            WriteIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false);
        }

        private void IncreaseIndent(bool flow, bool indentless)
        {
            _indents.Push(_indent);
            if (_indent < 0)
                _indent = flow ? BestIndent : 0;
            else if (!indentless)
                _indent += BestIndent;
        }

        private void PopIndent() => _indent = _indents.Pop();

        private void EmitSequence(JsonArray a, bool mappingContext, ValueOrigin? origin)
        {
            IncreaseIndent(flow: false, indentless: mappingContext && !_indention);
            foreach (var (item, itemOrigin) in a.Items)
            {
                WriteIndent();
                Mark(itemOrigin ?? origin);
                WriteIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true);
                EmitNode(item, mappingContext: false, simpleKey: false, itemOrigin ?? origin);
                Mark(origin);
            }

            PopIndent();
        }

        private void EmitMapping(JsonObject o, ValueOrigin? origin)
        {
            IncreaseIndent(flow: false, indentless: false);
            var members = new (string Key, JsonNode Value, ValueOrigin? Origin)[o.Members.Count];
            for (var i = 0; i < members.Length; i++)
                members[i] = o.Members[i];
            if (members.Length > 1)
                Array.Sort(members, (x, y) => YamlKeyOrder.Instance.Compare(x.Key, y.Key));
            foreach (var (key, value, memberOrigin) in members)
            {
                WriteIndent();
                Mark(memberOrigin ?? origin);
                if (IsSimpleKey(key))
                {
                    EmitString(key, simpleKey: true);
                    WriteIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false);
                }
                else
                {
                    WriteIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true);
                    EmitString(key, simpleKey: false);
                    WriteIndent();
                    WriteIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true);
                }

                EmitNode(value, mappingContext: true, simpleKey: false, memberOrigin ?? origin);
                Mark(origin);
            }

            PopIndent();
        }

        private static bool IsSimpleKey(string key) =>
            (key.Length <= 42 || System.Text.Encoding.UTF8.GetByteCount(key) <= 128) && !key.AsSpan().ContainsAny(LineBreaks);

        private void EmitScalar(string value, Style requested, bool simpleKey)
        {
            var v = CodePoints(value);
            var analysis = Analyze(value, v);
            var style = requested;
            if (simpleKey && analysis.Multiline)
                style = Style.DoubleQuoted;
            if (style == Style.Plain)
            {
                if (!analysis.BlockPlainAllowed || (analysis.Empty && simpleKey))
                    style = Style.SingleQuoted;
            }

            if (style == Style.SingleQuoted && !analysis.SingleQuotedAllowed)
                style = Style.DoubleQuoted;
            if (style == Style.Literal && (!analysis.BlockAllowed || simpleKey))
                style = Style.DoubleQuoted;

            IncreaseIndent(flow: true, indentless: false);
            switch (style)
            {
                case Style.Plain:
                    WritePlainOrSingleQuoted(v, allowBreaks: !simpleKey, quoted: false);
                    break;
                case Style.SingleQuoted:
                    WritePlainOrSingleQuoted(v, allowBreaks: !simpleKey, quoted: true);
                    break;
                case Style.DoubleQuoted:
                    WriteDoubleQuoted(v, allowBreaks: !simpleKey);
                    break;
                default:
                    WriteLiteral(v);
                    break;
            }

            PopIndent();
        }

        private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

        private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\u0085\u2028\u2029");

        private static bool HasSurrogates(string s)
        {
            foreach (var c in s)
            {
                if (char.IsSurrogate(c))
                    return true;
            }

            return false;
        }

        private static bool IsBreak(int c) => c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

        private static bool IsBlankOrEnd(ReadOnlySpan<int> v, int i) => i >= v.Length || v[i] is ' ' or '\t' || IsBreak(v[i]) || v[i] == 0;

        private static bool IsPrintable(int c) =>
            c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);

        // One scalar is written at a time, so its code points share one buffer.
        private int[] _codePoints = new int[64];

        private ReadOnlySpan<int> CodePoints(string s)
        {
            if (_codePoints.Length < s.Length)
                _codePoints = new int[Math.Max(s.Length, _codePoints.Length * 2)];
            var n = 0;
            if (!HasSurrogates(s))
            {
                for (; n < s.Length; n++)
                    _codePoints[n] = s[n];
                return _codePoints.AsSpan(0, n);
            }

            var i = 0;
            while (i < s.Length)
                _codePoints[n++] = Utf8Order.NextCodePoint(s, ref i);
            return _codePoints.AsSpan(0, n);
        }

        private static Analysis Analyze(string text, ReadOnlySpan<int> v)
        {
            if (text.Length == 0)
                return new Analysis(false, true, true, false, true);
            bool blockIndicators = false, lineBreaks = false, special = false;
            bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
            bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
            if (text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
                blockIndicators = true;
            var precededByWhitespace = true;
            for (var i = 0; i < v.Length; i++)
            {
                var c = v[i];
                var followedByWhitespace = i + 1 >= v.Length || v[i + 1] is ' ' or '\t';
                if (i == 0)
                {
                    switch (c)
                    {
                        case '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`':
                            blockIndicators = true;
                            break;
                        case '?' or ':':
                        case '-':
                            if (followedByWhitespace)
                                blockIndicators = true;
                            break;
                    }
                }
                else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace))
                {
                    blockIndicators = true;
                }

                if (!IsPrintable(c))
                    special = true;
                if (c == ' ')
                {
                    if (i == 0)
                        leadingSpace = true;
                    if (i == v.Length - 1)
                        trailingSpace = true;
                    if (previousBreak)
                        breakSpace = true;
                    previousSpace = true;
                    previousBreak = false;
                }
                else if (IsBreak(c))
                {
                    lineBreaks = true;
                    if (i == 0)
                        leadingBreak = true;
                    if (i == v.Length - 1)
                        trailingBreak = true;
                    if (previousSpace)
                        spaceBreak = true;
                    previousSpace = false;
                    previousBreak = true;
                }
                else
                {
                    previousSpace = false;
                    previousBreak = false;
                }

                precededByWhitespace = IsBlankOrEnd(v, i);
            }

            bool blockPlain = true, single = true, block = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
                blockPlain = false;
            if (trailingSpace)
                block = false;
            if (breakSpace)
            {
                blockPlain = false;
                single = false;
            }

            if (spaceBreak || special)
            {
                blockPlain = false;
                single = false;
                block = false;
            }

            if (lineBreaks || blockIndicators)
                blockPlain = false;
            return new Analysis(lineBreaks, blockPlain, single, block, false);
        }

        private void Put(char c)
        {
            _out.Append(c);
            _column++;
        }

        private void PutCodePoint(int c)
        {
            AppendCodePoint(c);
            _column++;
        }

        private void AppendCodePoint(int c)
        {
            if (c < 0x10000)
            {
                _out.Append((char)c);
            }
            else
            {
                _out.Append((char)(0xD7C0 + (c >> 10)));
                _out.Append((char)(0xDC00 | (c & 0x3FF)));
            }
        }

        private void PutBreak()
        {
            _out.Append('\n');
            _column = 0;
        }

        private void WriteIndicator(string indicator, bool needWhitespace, bool isWhitespace, bool isIndention)
        {
            if (needWhitespace && !_whitespace)
                Put(' ');
            foreach (var c in indicator)
                Put(c);
            _whitespace = isWhitespace;
            _indention = _indention && isIndention;
        }

        private void WriteIndent()
        {
            var indent = Math.Max(_indent, 0);
            if (!_indention || _column > indent || (_column == indent && !_whitespace))
                PutBreak();
            while (_column < indent)
                Put(' ');
            _whitespace = true;
            _indention = true;
        }

        private void WriteBreakChar(int c)
        {
            if (c == '\n')
            {
                PutBreak();
            }
            else
            {
                AppendCodePoint(c);
                _column = 0;
            }
        }

        // yaml.v2's plain and single-quoted writers: the same folding of long lines and of line breaks; quoting adds
        // the quotes, doubles a quote inside and folds at a space only between two non-space characters.
        private void WritePlainOrSingleQuoted(ReadOnlySpan<int> v, bool allowBreaks, bool quoted)
        {
            if (quoted)
                WriteIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false);
            else if (!_whitespace)
                Put(' ');
            var spaces = false;
            var breaks = false;
            for (var i = 0; i < v.Length; i++)
            {
                var c = v[i];
                if (c == ' ')
                {
                    var foldHere = quoted
                        ? i > 0 && i < v.Length - 1 && v[i + 1] != ' '
                        : !(i + 1 < v.Length && v[i + 1] == ' ');
                    if (allowBreaks && !spaces && _column > BestWidth && foldHere)
                        WriteIndent();
                    else
                        Put(' ');
                    spaces = true;
                }
                else if (IsBreak(c))
                {
                    if (!breaks && c == '\n')
                        PutBreak();
                    WriteBreakChar(c);
                    _indention = true;
                    breaks = true;
                }
                else
                {
                    if (breaks)
                        WriteIndent();
                    if (quoted && c == '\'')
                        Put('\'');
                    PutCodePoint(c);
                    _indention = false;
                    spaces = false;
                    breaks = false;
                }
            }

            if (quoted)
                WriteIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false);
            _whitespace = false;
            _indention = false;
        }

        private void WriteDoubleQuoted(ReadOnlySpan<int> v, bool allowBreaks)
        {
            WriteIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false);
            var spaces = false;
            for (var i = 0; i < v.Length; i++)
            {
                var c = v[i];
                if (!IsPrintable(c) || c == 0xFEFF || IsBreak(c) || c == '"' || c == '\\')
                {
                    Put('\\');
                    switch (c)
                    {
                        case 0x00: Put('0'); break;
                        case 0x07: Put('a'); break;
                        case 0x08: Put('b'); break;
                        case 0x09: Put('t'); break;
                        case 0x0A: Put('n'); break;
                        case 0x0B: Put('v'); break;
                        case 0x0C: Put('f'); break;
                        case 0x0D: Put('r'); break;
                        case 0x1B: Put('e'); break;
                        case 0x22: Put('"'); break;
                        case 0x5C: Put('\\'); break;
                        case 0x85: Put('N'); break;
                        case 0xA0: Put('_'); break;
                        case 0x2028: Put('L'); break;
                        case 0x2029: Put('P'); break;
                        default:
                            var (letter, width) = c <= 0xFF ? ('x', 2) : c <= 0xFFFF ? ('u', 4) : ('U', 8);
                            Put(letter);
                            foreach (var h in c.ToString("X" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
                                Put(h);
                            break;
                    }

                    spaces = false;
                }
                else if (c == ' ')
                {
                    if (allowBreaks && !spaces && _column > BestWidth && i > 0 && i < v.Length - 1)
                    {
                        WriteIndent();
                        if (v[i + 1] == ' ')
                            Put('\\');
                    }
                    else
                    {
                        Put(' ');
                    }

                    spaces = true;
                }
                else
                {
                    PutCodePoint(c);
                    spaces = false;
                }
            }

            WriteIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false);
            _whitespace = false;
            _indention = false;
        }

        private void WriteLiteral(ReadOnlySpan<int> v)
        {
            WriteIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false);
            if (v.Length > 0 && (v[0] == ' ' || IsBreak(v[0])))
                WriteIndicator(BestIndent.ToString(CultureInfo.InvariantCulture), needWhitespace: false, isWhitespace: false, isIndention: false);
            var chomp = ChompHint(v);
            if (chomp is not null)
                WriteIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false);
            PutBreak();
            _indention = true;
            _whitespace = true;
            var breaks = true;
            foreach (var c in v)
            {
                if (IsBreak(c))
                {
                    WriteBreakChar(c);
                    _indention = true;
                    breaks = true;
                }
                else
                {
                    if (breaks)
                        WriteIndent();
                    PutCodePoint(c);
                    _indention = false;
                    breaks = false;
                }
            }
        }

        private static string? ChompHint(ReadOnlySpan<int> v)
        {
            if (v.Length == 0)
                return "-";
            var i = v.Length - 1;
            if (!IsBreak(v[i]))
                return "-";
            if (i == 0)
                return "+";
            return IsBreak(v[i - 1]) ? "+" : null;
        }
    }
}

using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

public static partial class YamlLoader
{
    /// <summary>
    /// Reads a stream with <see cref="BlockReader"/>, the fast path for the block YAML that manifests and rendered
    /// charts are written in; null when the text uses anything outside its subset, and the caller reads it with YamlDotNet.
    /// </summary>
    internal static YamlLoadResult? TryLoadBlock(SourceFile file, ISourceMap? map, YamlLoadOptions options, List<(int Offset, int Line, int Length)> chunks, StringPool strings, CancellationToken cancellationToken, Action<(int Line, int Column, int ReaderLine)>? giveUp = null)
    {
        if (!IsPlainStream(file.Text))
            return null;
        var documents = ImmutableArray.CreateBuilder<YamlDocument>();
        var builder = new DocumentBuilder(file, map, options, 0, ImmutableArray.CreateBuilder<Finding>(), strings);
        var reader = new BlockReader(file, builder, options, strings);
        if (!reader.TryRead(documents, cancellationToken))
        {
            giveUp?.Invoke(reader.GaveUpAt);
            return null;
        }

        AttachChunkComments(file, chunks, documents);
        return new YamlLoadResult(documents.ToImmutable(), []);
    }

    /// <summary>
    /// A reader of block-style YAML written for speed, with no tokens or events: it builds the node tree straight from
    /// the text, giving every node exactly the text, style and position YamlDotNet gives it. It covers what manifests
    /// use (block mappings and sequences, one-line plain and quoted scalars, one-line flow collections, literal and
    /// folded block scalars, comments, <c>---</c>); on anything else (anchors, tags, multi-line flows or plain scalars,
    /// tabs, a carriage return outside CRLF, duplicate keys, any syntax error) it gives up and YamlDotNet reads the file, so every
    /// error and every rare construct is handled by one parser. A differential test holds it to YamlDotNet's results.
    /// </summary>
    private sealed class BlockReader(SourceFile file, DocumentBuilder builder, YamlLoadOptions options, StringPool strings)
    {
        // Characters that send the text to YamlDotNet wherever they appear: tabs (columns it counts its own way),
        // controls, NEL/LS/PS line breaks, BOMs, non-characters and surrogates. A carriage return is read only as the
        // first half of CRLF.
        private static readonly SearchValues<char> Unsupported = SearchValues.Create(BuildUnsupported());

        private static readonly char[] LineBreaks = ['\r', '\n'];

        private readonly string _t = file.Text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private int _nodes;
        private Next _next;
        private readonly List<List<YamlEntry>> _entryScratch = [];
        private readonly List<List<YamlNode>> _itemScratch = [];

        private enum Next
        {
            Content,
            Marker,
            End,
        }

        private int Col => _pos - _lineStart;

        private static string BuildUnsupported()
        {
            var sb = new StringBuilder();
            for (var c = '\0'; c < ' '; c++)
            {
                if (c is not '\n' and not '\r')
                    sb.Append(c);
            }

            for (var c = '\u007F'; c <= '\u009F'; c++)
                sb.Append(c);
            sb.Append("\u2028\u2029\uFEFF\uFFFE\uFFFF");
            for (var c = '\uD800'; c <= '\uDFFF'; c++)
                sb.Append(c);
            return sb.ToString();
        }

        public bool TryRead(ImmutableArray<YamlDocument>.Builder documents, CancellationToken cancellationToken)
        {
            var unsupported = _t.AsSpan().IndexOfAny(Unsupported);
            // CRLF is one line break; a carriage return alone is a line break of its own, left to YamlDotNet.
            for (var cr = _t.IndexOf('\r'); cr >= 0 && unsupported < 0; cr = _t.IndexOf('\r', cr + 1))
            {
                if (cr + 1 >= _t.Length || _t[cr + 1] != '\n')
                    unsupported = cr;
            }

            // A last line of spaces or a comment with no line break after it: YamlDotNet ends the collections
            // indented deeper than that line's end on it, and the others on the next line.
            var lastLine = _t.AsSpan(_t.LastIndexOf('\n') + 1).TrimStart(' ');
            if (unsupported < 0 && _t.Length > 0 && _t[^1] != '\n' && (lastLine.IsEmpty || lastLine[0] == '#'))
                unsupported = _t.Length - 1;

            if (unsupported >= 0)
            {
                GaveUpAt = (_t.AsSpan(0, unsupported).Count('\n') + 1, 0, 0);
                return false;
            }
            try
            {
                NextContent();
                var first = true;
                while (_next != Next.End)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int startLine;
                    if (_next == Next.Marker)
                    {
                        startLine = _line;
                        _pos += 3;
                        FinishLine();
                        NextContent();
                    }
                    else
                    {
                        if (!first)
                            throw GiveUp();
                        startLine = _line;
                    }

                    first = false;
                    _nodes = 0;
                    YamlNode? root = null;
                    if (_next == Next.Content)
                    {
                        root = ParseBlockNode(-1, 0);
                        if (_next == Next.Content)
                            throw GiveUp();
                    }

                    documents.Add(new YamlDocument(file, documents.Count, startLine, root, []));
                }

                return true;
            }
            catch (GiveUpException)
            {
                documents.Clear();
                return false;
            }
        }

        /// <summary>Where and why (the reader's source line) the reader last gave up, for tests and diagnosis.</summary>
        public (int Line, int Column, int ReaderLine) GaveUpAt { get; private set; }

        private GiveUpException GiveUp([System.Runtime.CompilerServices.CallerLineNumber] int readerLine = 0)
        {
            GaveUpAt = (_line, Col + 1, readerLine);
            return GiveUpException.Instance;
        }

        // ---- lines -------------------------------------------------------------------------------------------

        private bool AtLineEnd => _pos >= _t.Length || _t[_pos] is '\n' or '\r';

        private bool IsBlank(int i) => i >= _t.Length || _t[i] is ' ' or '\n' or '\r';

        private void SkipSpaces()
        {
            while (_pos < _t.Length && _t[_pos] == ' ')
                _pos++;
        }

        /// <summary>Moves to the start of the next line (or to the end of the text).</summary>
        private void NextLine()
        {
            var eol = _t.IndexOf('\n', _pos);
            if (eol < 0)
            {
                _pos = _t.Length;
                return;
            }

            _pos = eol + 1;
            _line++;
            _lineStart = _pos;
        }

        /// <summary>The rest of a line after a node: spaces, then a comment or nothing.</summary>
        private void FinishLine()
        {
            SkipSpaces();
            if (_pos < _t.Length && _t[_pos] == '#')
            {
                if (_pos > _lineStart && _t[_pos - 1] != ' ')
                    throw GiveUp();
            }
            else if (!AtLineEnd)
            {
                throw GiveUp();
            }

            NextLine();
        }

        /// <summary>
        /// From the start of a line, skips blank and comment lines, and stops at the first character of the next
        /// content line, at a <c>---</c> line, or at the end of the text.
        /// </summary>
        private void NextContent()
        {
            while (true)
            {
                if (_pos >= _t.Length)
                {
                    _next = Next.End;
                    return;
                }

                if (_pos == _lineStart && (_t[_pos] == '-' || _t[_pos] == '.') && _pos + 2 < _t.Length && _t[_pos + 1] == _t[_pos] && _t[_pos + 2] == _t[_pos])
                {
                    if (_t[_pos] == '-' && IsBlank(_pos + 3))
                    {
                        _next = Next.Marker;
                        return;
                    }

                    throw GiveUp();
                }

                SkipSpaces();
                if (AtLineEnd || _t[_pos] == '#')
                {
                    NextLine();
                    continue;
                }

                _next = Next.Content;
                return;
            }
        }

        /// <summary>Where the next token is, which is where YamlDotNet ends the block collections it closes.</summary>
        private (int Line, int Col) NextMark()
        {
            if (_next != Next.End)
                return (_line, Col);
            // At the end of the text YamlDotNet moves to the start of a new line.
            return _pos > _lineStart ? (_line + 1, 0) : (_line, 0);
        }

        private void Count(int depth)
        {
            if (++_nodes > options.MaxNodes || depth > options.MaxDepth)
                throw GiveUp();
        }

        // ---- block nodes ---------------------------------------------------------------------------------------

        /// <summary>A node that starts at the current content position, more indented than its parent collection.</summary>
        private YamlNode ParseBlockNode(int parentIndent, int depth)
        {
            if (IsSequenceEntry())
            {
                Count(depth);
                return ParseSequence(Col, indentless: false, depth);
            }

            if (IsKey())
            {
                Count(depth);
                return ParseMapping(Col, depth);
            }

            return ParseInlineValue(parentIndent, depth);
        }

        private bool IsSequenceEntry() => _t[_pos] == '-' && IsBlank(_pos + 1);

        private YamlMapping ParseMapping(int indent, int depth)
        {
            var startLine = _line;
            var entries = Scratch(_entryScratch, depth);
            var positions = default(EntryPositions);
            while (true)
            {
                var key = ReadKey(depth + 1);
                if (positions.TryGetValue(entries, key.Text, out _) || key is { Text: "<<", Quoted: false })
                    throw GiveUp();
                var colonLine = _line;
                var colonEnd = Col;
                SkipSpaces();
                YamlNode value;
                if (AtLineEnd || _t[_pos] == '#')
                {
                    FinishLine();
                    NextContent();
                    if (_next == Next.Content && Col > indent)
                    {
                        value = ParseBlockNode(indent, depth + 1);
                    }
                    else if (_next == Next.Content && Col == indent && IsSequenceEntry())
                    {
                        Count(depth + 1);
                        value = ParseSequence(indent, indentless: true, depth + 1);
                    }
                    else
                    {
                        Count(depth + 1);
                        value = Empty(colonLine, colonEnd);
                    }
                }
                else
                {
                    value = ParseInlineValue(indent, depth + 1);
                }

                positions.Add(entries, key.Text);
                entries.Add(new YamlEntry(key, value));
                if (_next != Next.Content || Col < indent)
                    break;
                if (Col > indent || IsSequenceEntry())
                    throw GiveUp();
            }

            var (endLine, endCol) = NextMark();
            var built = ImmutableArray.Create(CollectionsMarshal.AsSpan(entries));
            entries.Clear();
            return builder.NewMapping(startLine, indent + 1, endLine, endCol + 1, built);
        }

        private YamlSequence ParseSequence(int indent, bool indentless, int depth)
        {
            var startLine = _line;
            var items = Scratch(_itemScratch, depth);
            while (true)
            {
                _pos++; // the '-'
                var dashLine = _line;
                var dashEnd = Col;
                SkipSpaces();
                YamlNode item;
                if (AtLineEnd || _t[_pos] == '#')
                {
                    FinishLine();
                    NextContent();
                    if (_next == Next.Content && Col > indent)
                    {
                        item = ParseBlockNode(indent, depth + 1);
                    }
                    else
                    {
                        Count(depth + 1);
                        item = Empty(dashLine, dashEnd);
                    }
                }
                else if (IsSequenceEntry())
                {
                    throw GiveUp();
                }
                else if (IsKey())
                {
                    Count(depth + 1);
                    item = ParseMapping(Col, depth + 1);
                }
                else
                {
                    item = ParseInlineValue(indent, depth + 1);
                }

                items.Add(item);
                if (_next != Next.Content || Col < indent)
                    break;
                if (Col > indent)
                    throw GiveUp();
                if (!IsSequenceEntry())
                {
                    if (indentless)
                        break;
                    throw GiveUp();
                }
            }

            var (endLine, endCol) = NextMark();
            var built = ImmutableArray.Create(CollectionsMarshal.AsSpan(items));
            items.Clear();
            return builder.NewSequence(startLine, indent + 1, endLine, endCol + 1, built);
        }

        private static List<T> Scratch<T>(List<List<T>> pool, int depth)
        {
            while (pool.Count <= depth)
                pool.Add([]);
            return pool[depth];
        }

        private YamlScalar Empty(int line, int col) => builder.NewScalar(line, col + 1, line, col + 1, string.Empty, quoted: false);

        // ---- keys ----------------------------------------------------------------------------------------------

        /// <summary>Whether the current position starts a one-line key followed by <c>:</c> and a blank.</summary>
        private bool IsKey()
        {
            var c = _t[_pos];
            if (c is '"' or '\'')
            {
                var close = QuoteEnd(_pos);
                if (close < 0)
                    return false;
                var i = close + 1;
                while (i < _t.Length && _t[i] == ' ')
                    i++;
                return i < _t.Length && _t[i] == ':' && IsBlank(i + 1);
            }

            return PlainKeyColon() >= 0;
        }

        /// <summary>The index of the <c>:</c> that ends a plain key starting at the current position, or -1.</summary>
        private int PlainKeyColon()
        {
            if (!IsPlainStart(_pos, flow: false))
                return -1;
            for (var i = _pos + 1; i < _t.Length; i++)
            {
                var c = _t[i];
                if (c is '\n' or '\r')
                    return -1;
                if (c == ':' && IsBlank(i + 1))
                    return i;
                if (c == '#' && _t[i - 1] == ' ')
                    return -1;
                // YamlDotNet does not take a line whose plain text has " *" (an alias indicator) for a key.
                if (c == '*' && _t[i - 1] == ' ')
                    throw GiveUp();
            }

            return -1;
        }

        /// <summary>The index of the closing quote of a one-line quoted scalar at <paramref name="start"/>, or -1.</summary>
        private int QuoteEnd(int start)
        {
            var q = _t[start];
            for (var i = start + 1; i < _t.Length; i++)
            {
                var c = _t[i];
                if (c is '\n' or '\r')
                    return -1;
                if (q == '"' && c == '\\')
                {
                    if (++i >= _t.Length || _t[i] is '\n' or '\r')
                        return -1;
                    continue;
                }

                if (c == q)
                {
                    if (q == '\'' && i + 1 < _t.Length && _t[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    return i;
                }
            }

            return -1;
        }

        private YamlScalar ReadKey(int depth)
        {
            Count(depth);
            YamlScalar key;
            if (_t[_pos] is '"' or '\'')
            {
                key = ReadQuoted();
                SkipSpaces();
            }
            else
            {
                var colon = PlainKeyColon();
                if (colon < 0)
                    throw GiveUp();
                var end = colon;
                while (_t[end - 1] == ' ')
                    end--;
                if (end - _pos > 1000)
                    throw GiveUp();
                key = Plain(_pos, end);
                _pos = colon;
            }

            if (_pos >= _t.Length || _t[_pos] != ':' || !IsBlank(_pos + 1))
                throw GiveUp();
            _pos++;
            return key;
        }

        // ---- scalars -------------------------------------------------------------------------------------------

        /// <summary>Whether a plain scalar may start at <paramref name="i"/> (not at an indicator).</summary>
        private bool IsPlainStart(int i, bool flow)
        {
            var c = _t[i];
            switch (c)
            {
                case ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or '?' or ':':
                    return false;
                case '-':
                    return !IsBlank(i + 1) && !(flow && _t[i + 1] is ',' or '[' or ']' or '{' or '}');
                default:
                    return true;
            }
        }

        private YamlScalar Plain(int start, int end)
        {
            var text = strings.Get(_t.AsSpan(start, end - start));
            var col = start - _lineStart;
            return builder.NewScalar(_line, col + 1, _line, col + (end - start) + 1, text, quoted: false);
        }

        /// <summary>A value on the current line: a scalar, a one-line flow collection or a block scalar. Leaves the reader at the next content.</summary>
        private YamlNode ParseInlineValue(int parentIndent, int depth)
        {
            Count(depth);
            var c = _t[_pos];
            YamlNode node;
            switch (c)
            {
                case '"' or '\'':
                    node = ReadQuoted();
                    break;
                case '|' or '>':
                    return ReadBlockScalar(parentIndent);
                case '[' or '{':
                    node = ReadFlow(depth);
                    break;
                default:
                    {
                        if (!IsPlainStart(_pos, flow: false))
                            throw GiveUp();
                        var start = _pos;
                        var end = start;
                        var i = start;
                        while (i < _t.Length)
                        {
                            var ch = _t[i];
                            if (ch is '\n' or '\r' || (ch == '#' && _t[i - 1] == ' '))
                                break;
                            if (ch == ':' && IsBlank(i + 1))
                                throw GiveUp();
                            i++;
                            if (ch != ' ')
                                end = i;
                        }

                        _pos = end;
                        node = i < _t.Length && _t[i] is '\n' or '\r' ? PlainLines(start, end, parentIndent) : Plain(start, end);
                        break;
                    }
            }

            FinishLine();
            NextContent();
            return node;
        }

        /// <summary>
        /// A plain scalar whose first line ends at <paramref name="end"/>, with the lines after it that continue it
        /// (more indented than its collection): lines are joined by a space, a blank line between them becomes a line
        /// break. Leaves the reader after the last character of the scalar.
        /// </summary>
        private YamlScalar PlainLines(int start, int end, int parentIndent)
        {
            var startLine = _line;
            var startCol = start - _lineStart;
            StringBuilder? sb = null;
            var endLine = _line;
            var endLineStart = _lineStart;
            var probe = _t.IndexOf('\n', end) + 1;
            var line = _line + 1;
            var blankLines = 0;
            while (probe > 0 && probe < _t.Length)
            {
                var spaces = 0;
                while (probe + spaces < _t.Length && _t[probe + spaces] == ' ')
                    spaces++;
                var at = probe + spaces;
                if (at >= _t.Length)
                    break;
                if (_t[at] is '\n' or '\r')
                {
                    blankLines++;
                    probe = _t.IndexOf('\n', at) + 1;
                    line++;
                    continue;
                }

                if (spaces <= parentIndent || _t[at] == '#' || (spaces == 0 && (_t.AsSpan(at).StartsWith("---") || _t.AsSpan(at).StartsWith("..."))))
                    break;
                if (!IsPlainStart(at, flow: false) || _t[at] == '-')
                    throw GiveUp();
                var lineEnd = at;
                var i = at;
                var comment = false;
                while (i < _t.Length && _t[i] is not '\n' and not '\r')
                {
                    var ch = _t[i];
                    if (ch == '#' && _t[i - 1] == ' ')
                    {
                        comment = true;
                        break;
                    }

                    if (ch == ':' && IsBlank(i + 1))
                        throw GiveUp();
                    i++;
                    if (ch != ' ')
                        lineEnd = i;
                }

                sb ??= new StringBuilder().Append(_t, start, end - start);
                if (blankLines == 0)
                    sb.Append(' ');
                else
                    sb.Append('\n', blankLines);
                sb.Append(_t, at, lineEnd - at);
                endLine = line;
                endLineStart = probe;
                end = lineEnd;
                blankLines = 0;
                if (comment)
                    break;
                probe = _t.IndexOf('\n', i) + 1;
                line++;
            }

            if (sb is null)
                return Plain(start, end);
            // Move the reader to the scalar's last line.
            _line = endLine;
            _lineStart = endLineStart;
            _pos = end;
            return builder.NewScalar(startLine, startCol + 1, endLine, end - endLineStart + 1, strings.Get(sb.ToString()), quoted: false);
        }

        private YamlScalar ReadQuoted()
        {
            var start = _pos;
            var close = QuoteEnd(start);
            if (close < 0)
                throw GiveUp();
            var inner = _t.AsSpan(start + 1, close - start - 1);
            string text;
            if (_t[start] == '\'')
            {
                text = inner.Contains('\'') ? strings.Get(inner.ToString().Replace("''", "'", StringComparison.Ordinal)) : strings.Get(inner);
            }
            else
            {
                text = inner.Contains('\\') ? strings.Get(Unescape(inner)) : strings.Get(inner);
            }

            var col = start - _lineStart;
            _pos = close + 1;
            return builder.NewScalar(_line, col + 1, _line, close - _lineStart + 2, text, quoted: true);
        }

        private string Unescape(ReadOnlySpan<char> s)
        {
            var sb = new StringBuilder(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (++i >= s.Length)
                    throw GiveUp();
                switch (s[i])
                {
                    case '\\': sb.Append('\\'); break;
                    case '"': sb.Append('"'); break;
                    case '/': sb.Append('/'); break;
                    case ' ': sb.Append(' '); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '0': sb.Append('\0'); break;
                    case 'a': sb.Append('\a'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'e': sb.Append('\u001B'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'v': sb.Append('\v'); break;
                    case 'x' or 'u':
                        {
                            var digits = s[i] == 'x' ? 2 : 4;
                            if (i + digits >= s.Length || !int.TryParse(s.Slice(i + 1, digits), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code)
                                || (code >= 0xD800 && code <= 0xDFFF))
                                throw GiveUp();
                            sb.Append((char)code);
                            i += digits;
                            break;
                        }

                    default:
                        throw GiveUp();
                }
            }

            return sb.ToString();
        }

        /// <summary>
        /// A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar with an optional chomping indicator. It ends, as
        /// YamlDotNet has it, at the start of the first line that is not part of it (trailing blank lines are).
        /// </summary>
        private YamlScalar ReadBlockScalar(int parentIndent)
        {
            var startLine = _line;
            var startCol = Col;
            var folded = _t[_pos] == '>';
            _pos++;
            var chomp = ' ';
            if (_pos < _t.Length && _t[_pos] is '-' or '+')
                chomp = _t[_pos++];
            if (_pos < _t.Length && char.IsAsciiDigit(_t[_pos]))
                throw GiveUp();
            var headerEnd = _pos;
            FinishLine();
            if (_pos == headerEnd || _t[_pos - 1] != '\n')
                throw GiveUp();

            // The first non-blank line sets the indentation; blank lines before it may not be longer.
            var leadingMax = 0;
            var probe = _pos;
            int indent;
            while (true)
            {
                if (probe >= _t.Length)
                    throw GiveUp();
                var spaces = 0;
                while (probe + spaces < _t.Length && _t[probe + spaces] == ' ')
                    spaces++;
                var at = probe + spaces;
                if (at < _t.Length && _t[at] is not '\n' and not '\r')
                {
                    indent = spaces;
                    break;
                }

                if (at >= _t.Length)
                    throw GiveUp();
                leadingMax = Math.Max(leadingMax, spaces);
                probe = _t.IndexOf('\n', at) + 1;
            }

            if (indent < Math.Max(parentIndent + 1, 1) || leadingMax > 0)
                throw GiveUp();

            var sb = new StringBuilder();
            var pendingEmpty = 0;
            var any = false;
            var leading = true;
            while (true)
            {
                if (_pos >= _t.Length)
                {
                    break;
                }

                var spaces = 0;
                while (_pos + spaces < _t.Length && _t[_pos + spaces] == ' ')
                    spaces++;
                var at = _pos + spaces;
                var blank = at >= _t.Length || _t[at] is '\n' or '\r';
                if (blank)
                {
                    if (spaces > indent || at >= _t.Length)
                        throw GiveUp();
                    if (folded && leading)
                        throw GiveUp();
                    pendingEmpty++;
                    NextLine();
                    continue;
                }

                if (spaces < indent)
                {
                    break;
                }

                if (folded && spaces > indent)
                    throw GiveUp();
                var eol = _t.IndexOfAny(LineBreaks, at);
                if (eol < 0)
                    throw GiveUp();
                var content = _t.AsSpan(_pos + indent, eol - _pos - indent);
                if (!any)
                {
                    sb.Append('\n', pendingEmpty);
                }
                else if (folded)
                {
                    if (pendingEmpty == 0)
                        sb.Append(' ');
                    else
                        sb.Append('\n', pendingEmpty);
                }
                else
                {
                    sb.Append('\n', pendingEmpty + 1);
                }

                sb.Append(content);
                any = true;
                leading = false;
                pendingEmpty = 0;
                NextLine();
            }

            switch (chomp)
            {
                case ' ':
                    sb.Append('\n');
                    break;
                case '+':
                    sb.Append('\n', pendingEmpty + 1);
                    break;
            }

            var (endLine, _) = _pos >= _t.Length ? NextMarkAtEnd() : (_line, 0);
            var node = builder.NewScalar(startLine, startCol + 1, endLine, 1, strings.Get(sb.ToString()), quoted: true);
            _pos = _lineStart;
            NextContent();
            return node;
        }

        private (int Line, int Col) NextMarkAtEnd() => _pos > _lineStart ? (_line + 1, 0) : (_line, 0);

        // ---- flow collections (on one line) --------------------------------------------------------------------

        private YamlNode ReadFlow(int depth)
        {
            var startLine = _line;
            var startCol = Col;
            if (_t[_pos] == '[')
            {
                _pos++;
                var items = new List<YamlNode>();
                SkipSpaces();
                while (_pos < _t.Length && _t[_pos] != ']')
                {
                    items.Add(FlowItem(depth + 1, key: false));
                    FlowSeparator(']');
                }

                if (_pos >= _t.Length)
                    throw GiveUp();
                var end = Col;
                _pos++;
                return builder.NewSequence(startLine, startCol + 1, _line, end + 1, [.. items]);
            }

            _pos++;
            var entries = new List<YamlEntry>();
            var positions = default(EntryPositions);
            SkipSpaces();
            while (_pos < _t.Length && _t[_pos] != '}')
            {
                if (_t[_pos] is '[' or '{')
                    throw GiveUp();
                var key = (YamlScalar)FlowItem(depth + 1, key: true);
                SkipSpaces();
                if (_pos >= _t.Length || _t[_pos] != ':' || _pos + 1 >= _t.Length || _t[_pos + 1] != ' ')
                    throw GiveUp();
                _pos++;
                SkipSpaces();
                if (_pos >= _t.Length || _t[_pos] is ',' or '}' or '\n' or '\r')
                    throw GiveUp();
                var value = FlowItem(depth + 1, key: false);
                if (positions.TryGetValue(entries, key.Text, out _) || key is { Text: "<<", Quoted: false })
                    throw GiveUp();
                positions.Add(entries, key.Text);
                entries.Add(new YamlEntry(key, value));
                FlowSeparator('}');
            }

            if (_pos >= _t.Length)
                throw GiveUp();
            var close = Col;
            _pos++;
            return builder.NewMapping(startLine, startCol + 1, _line, close + 1, [.. entries]);
        }

        /// <summary>After a flow item: a comma and another item (true), or the closing bracket, left for the caller (false).</summary>
        private bool FlowSeparator(char close)
        {
            SkipSpaces();
            if (_pos < _t.Length && _t[_pos] == ',')
            {
                _pos++;
                SkipSpaces();
                if (_pos < _t.Length && _t[_pos] == close)
                    throw GiveUp();
                return true;
            }

            if (_pos >= _t.Length || _t[_pos] != close)
                throw GiveUp();
            return false;
        }

        private YamlNode FlowItem(int depth, bool key)
        {
            Count(depth);
            if (_pos >= _t.Length || _t[_pos] is '\n' or '\r')
                throw GiveUp();
            var c = _t[_pos];
            if (c is '"' or '\'')
                return ReadQuoted();
            if (c is '[' or '{')
                return ReadFlow(depth);
            if (!IsPlainStart(_pos, flow: true))
                throw GiveUp();
            var start = _pos;
            var end = start;
            var i = start;
            while (true)
            {
                if (i >= _t.Length)
                    throw GiveUp();
                var ch = _t[i];
                if (ch is ',' or ']' or '}')
                    break;
                if (ch == ':')
                {
                    if (key && IsBlank(i + 1))
                        break;
                    throw GiveUp();
                }

                if (ch is '\n' or '\r' or '[' or '{' or '?' || (ch == '#' && _t[i - 1] == ' '))
                    throw GiveUp();
                i++;
                if (ch != ' ')
                    end = i;
            }

            var node = Plain(start, end);
            _pos = end;
            return node;
        }
    }

    private sealed class GiveUpException : Exception
    {
        public static readonly GiveUpException Instance = new();
    }
}

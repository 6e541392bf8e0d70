using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestLint.Core.Yaml;

/// <summary>
/// Reads YAML (and JSON) into our immutable node tree by consuming YamlDotNet's parser events. Each
/// document is parsed on its own, so a syntax error costs only the document it is in. Duplicate keys,
/// alias bombs and syntax errors become findings with positions; nothing here throws on bad input.
/// </summary>
public static partial class YamlLoader
{
    public static YamlLoadResult Load(SourceFile file, ISourceMap? map = null, YamlLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= YamlLoadOptions.Default;
        // One string pool per file: keys and short values repeat in every document, and the tree keeps one copy of each.
        var strings = new StringPool();
        var chunks = SplitDocuments(file.Text).ToList();
        YamlLoadResult? block;
        try
        {
            block = TryLoadBlock(file, map, options, chunks, strings, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A bug in the fast path must not cost the file: YamlDotNet reads it. (Tests and the yaml-block fuzz
            // target call TryLoadBlock directly, so such a bug still fails them.)
            block = null;
        }

        if (block is not null)
            return block;
        return LoadWithParser(file, map, options, chunks, strings, cancellationToken);
    }

    /// <summary>Reads a stream with YamlDotNet (what <see cref="Load"/> does when the block reader gives up).</summary>
    internal static YamlLoadResult LoadWithParser(SourceFile file, ISourceMap? map, YamlLoadOptions options, List<(int Offset, int Line, int Length)> chunks, StringPool strings, CancellationToken cancellationToken)
    {
        if (chunks.Count > 1 && IsPlainStream(file.Text) && LoadWhole(file, map, options, chunks, strings, cancellationToken) is { } whole)
            return whole;
        return LoadChunks(file, map, options, chunks, strings, cancellationToken);
    }

    /// <summary>Reads each chunk of the stream (see <see cref="SplitDocuments"/>) with its own parser, so an error costs only its document.</summary>
    internal static YamlLoadResult LoadChunks(SourceFile file, ISourceMap? map, YamlLoadOptions options, List<(int Offset, int Line, int Length)> chunks, StringPool strings, CancellationToken cancellationToken)
    {
        var documents = ImmutableArray.CreateBuilder<YamlDocument>();
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var index = 0;
        foreach (var (chunkStart, chunkLine, chunkLength) in chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var builder = new DocumentBuilder(file, map, options, chunkLine - 1, problems, strings);
            builder.ParseChunk(file.Text.AsMemory(chunkStart, chunkLength), ref index, documents);
        }

        return new YamlLoadResult(documents.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>
    /// Reads a stream of several documents with one parser. Setting up YamlDotNet's scanner and parser costs about
    /// 8 KB per document, more than a typical manifest document's own parse, so a file of many documents is first
    /// read in one pass. The result equals reading each chunk on its own (anchors and node limits are per document
    /// either way, positions are the file's, comments are taken per chunk); should any document fail, the pass is
    /// dropped and the file is read chunk by chunk, so errors are reported exactly as before.
    /// </summary>
    private static YamlLoadResult? LoadWhole(SourceFile file, ISourceMap? map, YamlLoadOptions options, List<(int Offset, int Line, int Length)> chunks, StringPool strings, CancellationToken cancellationToken)
    {
        var documents = ImmutableArray.CreateBuilder<YamlDocument>();
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var builder = new DocumentBuilder(file, map, options, 0, problems, strings);
        if (!builder.TryParseStream(file.Text.AsMemory(), documents, cancellationToken))
            return null;

        AttachChunkComments(file, chunks, documents);
        return new YamlLoadResult(documents.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>Gives the documents of a stream read in one pass the comments of their chunks, as reading chunk by chunk would.</summary>
    private static void AttachChunkComments(SourceFile file, List<(int Offset, int Line, int Length)> chunks, ImmutableArray<YamlDocument>.Builder documents)
    {
        var first = 0;
        for (var c = 0; c < chunks.Count; c++)
        {
            var (offset, line, length) = chunks[c];
            var next = c + 1 < chunks.Count ? chunks[c + 1].Line : int.MaxValue;
            var end = first;
            while (end < documents.Count && documents[end].StartLine < next)
                end++;
            if (end > first)
                DocumentBuilder.AttachComments(documents, first, end, CommentScanner.Scan(file.Text.AsSpan(offset, length), line - 1));
            first = end;
        }
    }

    /// <summary>
    /// A stream whose documents are separated only by <c>---</c> lines: no directives (<c>%YAML</c>, <c>%TAG</c>) and no
    /// <c>...</c> document end markers, whose meaning across documents is where one pass and chunks could differ.
    /// </summary>
    private static bool IsPlainStream(string text) =>
        !text.StartsWith('%') && !text.Contains("\n%", StringComparison.Ordinal)
        && !text.StartsWith("...", StringComparison.Ordinal) && !text.Contains("\n...", StringComparison.Ordinal);

    /// <summary>Splits a stream at lines that start a new document (<c>---</c>), keeping each chunk's first line number.</summary>
    internal static IEnumerable<(int Offset, int Line, int Length)> SplitDocuments(string text)
    {
        var start = 0;
        var startLine = 1;
        var line = 1;
        var pos = 0;
        while (pos < text.Length)
        {
            var eol = text.IndexOf('\n', pos);
            var next = eol < 0 ? text.Length : eol + 1;
            if (pos > start && IsDocumentStart(text.AsSpan(pos, next - pos)))
            {
                yield return (start, startLine, pos - start);
                start = pos;
                startLine = line;
            }

            pos = next;
            line++;
        }

        if (start < text.Length || text.Length == 0)
            yield return (start, startLine, text.Length - start);
    }

    private static bool IsDocumentStart(ReadOnlySpan<char> line) =>
        line.StartsWith("---") && (line.Length == 3 || line[3] is ' ' or '\t' or '\r' or '\n');

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();

    internal static string CleanMessage(string message)
    {
        var m = LocationPrefix().Replace(message, string.Empty);
        return m.Length > 0 ? char.ToLowerInvariant(m[0]) + m[1..] : m;
    }

    private sealed class DocumentBuilder
    {
        private readonly SourceFile _file;
        private readonly ISourceMap? _map;
        private readonly YamlLoadOptions _options;
        private readonly int _lineOffset;
        private readonly ImmutableArray<Finding>.Builder _problems;
        private readonly StringPool _strings;
        private readonly Dictionary<string, (YamlNode Node, int Size)> _anchors = new(StringComparer.Ordinal);
        private IParser _parser = null!;
        private int _nodes;
        private int _aliasBudget;

        public DocumentBuilder(SourceFile file, ISourceMap? map, YamlLoadOptions options, int lineOffset, ImmutableArray<Finding>.Builder problems, StringPool strings)
        {
            _strings = strings;
            _file = file;
            _map = map;
            _options = options;
            _lineOffset = lineOffset;
            _problems = problems;
        }

        public void ParseChunk(ReadOnlyMemory<char> text, ref int index, ImmutableArray<YamlDocument>.Builder documents)
        {
            _parser = new CheckedParser(text);
            var comments = CommentScanner.Scan(text.Span, _lineOffset);
            var firstDocument = documents.Count;
            try
            {
                Expect<StreamStart>();
                while (true)
                {
                    SkipComments();
                    if (_parser.Current is StreamEnd or null)
                        break;
                    documents.Add(ReadDocument(index));
                    index++; // only once the document is read: a failure counts it in the catch below
                }
            }
            catch (AliasLimitException e)
            {
                index++;
                Report(InputProblems.YamlAliasLimit, e.Mark, e.Mark,
                    string.Create(CultureInfo.InvariantCulture, $"Aliases in this document expand to more than {_options.MaxAliasExpansion:N0} nodes; the document was not read (possible alias bomb)"));
            }
            catch (DocumentTooLargeException e)
            {
                index++;
                Report(InputProblems.YamlSyntax, e.Mark, e.Mark, e.Message);
            }
            catch (YamlException e)
            {
                index++;
                Report(InputProblems.YamlSyntax, e.Start, e.End, "Invalid YAML: " + CleanMessage(e.Message));
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // A bug of ours: this document is lost, the file's other documents are still read.
                index++;
                var at = _parser.Current?.Start ?? Mark.Empty;
                Report(InputProblems.InternalError, at, at, InputProblems.InternalErrorMessage("reading this YAML document", e));
            }

            AttachComments(documents, firstDocument, documents.Count, comments);
        }

        /// <summary>Reads one document from its <c>DocumentStart</c> (the parser's current event) to its <c>DocumentEnd</c>.</summary>
        private YamlDocument ReadDocument(int index)
        {
            var docStart = (DocumentStart)_parser.Current!;
            _parser.MoveNext();
            Reset();
            SkipComments();
            YamlNode? root = null;
            if (_parser.Current is not DocumentEnd)
                root = ParseNode(0);
            if (root is YamlScalar { Kind: ScalarKind.Null, Text.Length: 0 })
                root = null;
            SkipComments();
            Expect<DocumentEnd>();
            return new YamlDocument(_file, index, (int)docStart.Start.Line + _lineOffset, root, []);
        }

        /// <summary>Reads every document of <paramref name="text"/>; false, with nothing reported, as soon as one fails.</summary>
        public bool TryParseStream(ReadOnlyMemory<char> text, ImmutableArray<YamlDocument>.Builder documents, CancellationToken cancellationToken)
        {
            _parser = new CheckedParser(text);
            try
            {
                Expect<StreamStart>();
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    SkipComments();
                    if (_parser.Current is StreamEnd or null)
                        return true;
                    documents.Add(ReadDocument(documents.Count));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                return false;
            }
        }

        /// <summary>Gives each document of one chunk (<paramref name="first"/> up to <paramref name="end"/>) the comments from its first line up to the next document.</summary>
        public static void AttachComments(ImmutableArray<YamlDocument>.Builder documents, int first, int end, List<YamlComment> comments)
        {
            if (comments.Count == 0 || end == first)
                return;
            for (var d = first; d < end; d++)
            {
                var from = d == first ? int.MinValue : documents[d].StartLine;
                var to = d + 1 < end ? documents[d + 1].StartLine : int.MaxValue;
                documents[d] = documents[d] with { Comments = [.. comments.Where(c => c.Line >= from && c.Line < to)] };
            }
        }

        private void Reset()
        {
            _anchors.Clear();
            _nodes = 0;
            _aliasBudget = _options.MaxAliasExpansion;
        }

        private void Expect<T>()
            where T : ParsingEvent
        {
            SkipComments();
            if (_parser.Current is null && !_parser.MoveNext())
                throw new YamlException("unexpected end of input");
            if (_parser.Current is not T)
                throw new YamlException(_parser.Current!.Start, _parser.Current.End, $"expected {typeof(T).Name}, found {_parser.Current.GetType().Name}");
            _parser.MoveNext();
        }

        private void SkipComments()
        {
            if (_parser.Current is null)
                _parser.MoveNext();
            while (_parser.Current is Comment)
                _parser.MoveNext();
        }

        private (SourceSpan Span, ValueProvenance? Value) MakeSpan(Mark start, Mark end) =>
            MakeSpan((int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

        private (SourceSpan Span, ValueProvenance? Value) MakeSpan(int startLine, int startColumn, int endLine, int endColumn)
        {
            var sl = startLine + _lineOffset;
            var el = endLine + _lineOffset;
            if (_map is not null)
                return _map.Map(sl, startColumn, el, endColumn);
            return (new SourceSpan(_file.Path, sl, startColumn, el, endColumn), null);
        }

        /// <summary>A scalar with no tag at the given 1-based positions (for <see cref="BlockReader"/>).</summary>
        public YamlScalar NewScalar(int startLine, int startColumn, int endLine, int endColumn, string text, bool quoted)
        {
            var kind = ScalarResolver.Resolve(text, quoted, null);
            if (_map is null)
                return new YamlScalar(new NodePosition(_file.Path, startLine + _lineOffset, startColumn, endLine + _lineOffset, endColumn), text, quoted, kind, null);
            var (span, value) = MakeSpan(startLine, startColumn, endLine, endColumn);
            return new YamlScalar(span, text, quoted, kind, null, value);
        }

        public YamlSequence NewSequence(int startLine, int startColumn, int endLine, int endColumn, ImmutableArray<YamlNode> items)
        {
            if (_map is null)
                return new YamlSequence(new NodePosition(_file.Path, startLine + _lineOffset, startColumn, endLine + _lineOffset, endColumn), items, null);
            var (span, value) = MakeSpan(startLine, startColumn, endLine, endColumn);
            return new YamlSequence(span, items, null, value);
        }

        public YamlMapping NewMapping(int startLine, int startColumn, int endLine, int endColumn, ImmutableArray<YamlEntry> entries)
        {
            if (_map is null)
                return new YamlMapping(new NodePosition(_file.Path, startLine + _lineOffset, startColumn, endLine + _lineOffset, endColumn), entries, null);
            var (span, value) = MakeSpan(startLine, startColumn, endLine, endColumn);
            return new YamlMapping(span, entries, null, value);
        }

        /// <summary>A node's own position in a plain file, kept compactly in the node (no span object until one is asked for).</summary>
        private NodePosition Position(Mark start, Mark end) =>
            new(_file.Path, (int)start.Line + _lineOffset, (int)start.Column, (int)end.Line + _lineOffset, (int)end.Column);

        private YamlScalar MapScalar(Mark start, Mark end, string text, bool quoted, ScalarKind kind, string? tag)
        {
            var (span, value) = MakeSpan(start, end);
            return new YamlScalar(span, text, quoted, kind, tag, value);
        }

        private YamlSequence MapSequence(Mark start, Mark end, ImmutableArray<YamlNode> items, string? tag)
        {
            var (span, value) = MakeSpan(start, end);
            return new YamlSequence(span, items, tag, value);
        }

        private YamlMapping MapMapping(Mark start, Mark end, ImmutableArray<YamlEntry> entries, string? tag)
        {
            var (span, value) = MakeSpan(start, end);
            return new YamlMapping(span, entries, tag, value);
        }

        private void CountNode(Mark at, int depth)
        {
            if (++_nodes > _options.MaxNodes)
                throw new DocumentTooLargeException(at, string.Create(CultureInfo.InvariantCulture, $"Document has more than {_options.MaxNodes:N0} nodes; it was not read"));
            if (depth > _options.MaxDepth)
                throw new DocumentTooLargeException(at, string.Create(CultureInfo.InvariantCulture, $"Document nests deeper than {_options.MaxDepth} levels; it was not read"));
        }

        private YamlNode ParseNode(int depth)
        {
            SkipComments();
            var ev = _parser.Current ?? throw new YamlException("unexpected end of input");
            CountNode(ev.Start, depth);
            switch (ev)
            {
                case AnchorAlias alias:
                    {
                        _parser.MoveNext();
                        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                            throw new YamlException(alias.Start, alias.End, $"unknown anchor '{alias.Value.Value}' referenced by an alias");
                        _aliasBudget -= target.Size;
                        if (_aliasBudget < 0)
                            throw new AliasLimitException(alias.Start);
                        _nodes += target.Size;
                        return target.Node;
                    }

                case Scalar scalar:
                    {
                        _parser.MoveNext();
                        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
                        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
                        var text = _strings.Get(scalar.Value);
                        var kind = ScalarResolver.Resolve(text, quoted, tag);
                        var node = _map is null
                            ? new YamlScalar(Position(scalar.Start, scalar.End), text, quoted, kind, tag)
                            : MapScalar(scalar.Start, scalar.End, text, quoted, kind, tag);
                        Remember(scalar.Anchor, node, 1);
                        return node;
                    }

                case SequenceStart seq:
                    {
                        _parser.MoveNext();
                        var startNodes = _nodes;
                        var items = ImmutableArray.CreateBuilder<YamlNode>();
                        while (true)
                        {
                            SkipComments();
                            if (_parser.Current is SequenceEnd)
                                break;
                            items.Add(ParseNode(depth + 1));
                        }

                        var end = _parser.Current!;
                        _parser.MoveNext();
                        var tag = seq.Tag.IsEmpty || seq.Tag.IsNonSpecific ? null : seq.Tag.Value;
                        var node = _map is null
                            ? new YamlSequence(Position(seq.Start, end.End), items.DrainToImmutable(), tag)
                            : MapSequence(seq.Start, end.End, items.DrainToImmutable(), tag);
                        Remember(seq.Anchor, node, _nodes - startNodes + 1);
                        return node;
                    }

                case MappingStart mapStart:
                    {
                        _parser.MoveNext();
                        var startNodes = _nodes;
                        var entries = new List<YamlEntry>();
                        var positions = new EntryPositions();
                        List<YamlEntry>? merged = null;
                        while (true)
                        {
                            SkipComments();
                            if (_parser.Current is MappingEnd)
                                break;
                            var keyNode = _parser.Current is Scalar keyEvent ? ParseKey(keyEvent, depth + 1) : ParseNode(depth + 1);
                            var key = keyNode as YamlScalar ?? new YamlScalar(keyNode.Span, "?", quoted: true, ScalarKind.String);
                            var isMerge = keyNode is YamlScalar { Text: "<<", Quoted: false };
                            var valueNode = ParseNode(depth + 1);
                            if (isMerge)
                            {
                                merged ??= [];
                                AddMerged(valueNode, merged);
                                continue;
                            }

                            if (positions.TryGetValue(entries, key.Text, out var existing))
                            {
                                var first = entries[existing].Key.Span;
                                ReportAt(InputProblems.YamlDuplicateKey, key.Span,
                                    string.Create(CultureInfo.InvariantCulture, $"Duplicate key '{key.Text}' (first defined at line {first.StartLine}); Kubernetes rejects it and other tools keep only one value"),
                                    key.Text);
                                entries[existing] = new YamlEntry(key, valueNode);
                            }
                            else
                            {
                                positions.Add(entries, key.Text);
                                entries.Add(new YamlEntry(key, valueNode));
                            }
                        }

                        if (merged is not null)
                        {
                            foreach (var m in merged)
                            {
                                if (!positions.TryGetValue(entries, m.Key.Text, out _))
                                {
                                    positions.Add(entries, m.Key.Text);
                                    entries.Add(m);
                                }
                            }
                        }

                        var end = _parser.Current!;
                        _parser.MoveNext();
                        var tag = mapStart.Tag.IsEmpty || mapStart.Tag.IsNonSpecific ? null : mapStart.Tag.Value;
                        var node = _map is null
                            ? new YamlMapping(Position(mapStart.Start, end.End), [.. entries], tag)
                            : MapMapping(mapStart.Start, end.End, [.. entries], tag);
                        Remember(mapStart.Anchor, node, _nodes - startNodes + 1);
                        return node;
                    }

                default:
                    throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
            }
        }

        /// <summary>A mapping key; the mapping attaches it under its own text, so a finding on the key names the field.</summary>
        private YamlScalar ParseKey(Scalar scalar, int depth)
        {
            CountNode(scalar.Start, depth);
            _parser.MoveNext();
            var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
            var text = _strings.Get(scalar.Value);
            var kind = ScalarResolver.Resolve(text, quoted, tag);
            var node = _map is null
                ? new YamlScalar(Position(scalar.Start, scalar.End), text, quoted, kind, tag)
                : MapScalar(scalar.Start, scalar.End, text, quoted, kind, tag);
            Remember(scalar.Anchor, node, 1);
            return node;
        }

        private static void AddMerged(YamlNode value, List<YamlEntry> merged)
        {
            // Earlier merge sources take precedence over later ones, as in YAML 1.1's merge key type.
            if (value is YamlMapping m)
            {
                foreach (var e in m.Entries)
                {
                    if (!merged.Exists(x => x.Key.Text == e.Key.Text))
                        merged.Add(e);
                }
            }
            else if (value is YamlSequence s)
            {
                foreach (var item in s.Mappings())
                    AddMerged(item, merged);
            }
        }

        private void Remember(AnchorName anchor, YamlNode node, int size)
        {
            if (!anchor.IsEmpty)
                _anchors[anchor.Value] = (node, size);
        }

        private void Report(RuleInfo rule, Mark start, Mark end, string message)
        {
            var (span, _) = MakeSpan(start, end.Index > start.Index ? end : start);
            ReportAt(rule, _map is null ? InsideFile(span) : span, message, null);
        }

        /// <summary>
        /// The parser reports the end of input one line past the last one when the file does not end with a line
        /// break (and a failing scanner may point anywhere); a finding always points at text of the file.
        /// </summary>
        private SourceSpan InsideFile(SourceSpan span)
        {
            var lines = Math.Max(1, _file.LineCount);
            var line = Math.Clamp(span.StartLine, 1, lines);
            var length = _file.GetLine(line).Length;
            var column = span.StartLine > lines ? length + 1 : span.StartLine < 1 ? 1 : Math.Clamp(span.StartColumn, 1, length + 1);
            if (line == span.StartLine && column == span.StartColumn && span.EndLine <= lines)
                return span;
            return SourceSpan.At(span.Path, line, column);
        }

        private void ReportAt(RuleInfo rule, SourceSpan span, string message, string? path) =>
            _problems.Add(new Finding(rule.Id, rule.Severity, message, span, null, path, []));
    }

    /// <summary>Appends a mapping key to a path: <c>.key</c> for plain keys, <c>["a.b/c"]</c> for keys with other characters.</summary>
    internal static void AppendKey(StringBuilder sb, string key)
    {
        var simple = key.Length > 0;
        foreach (var ch in key)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-'))
            {
                simple = false;
                break;
            }
        }

        if (simple)
        {
            if (sb.Length > 0)
                sb.Append('.');
            sb.Append(key);
            return;
        }

        sb.Append("[\"");
        foreach (var ch in key)
        {
            if (ch is '"' or '\\')
                sb.Append('\\');
            sb.Append(ch);
        }

        sb.Append("\"]");
    }

    private sealed class AliasLimitException(Mark mark) : Exception("alias limit")
    {
        public Mark Mark { get; } = mark;
    }

    private sealed class DocumentTooLargeException(Mark mark, string message) : Exception(message)
    {
        public Mark Mark { get; } = mark;
    }
}

using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ManifestLint.Templates.Ast;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Evaluation;

/// <summary>
/// Executes parse trees with the semantics of Go's <c>text/template</c> exec.go (missingkey=zero), writing output
/// with provenance segments. One instance per execution; also the <see cref="ITemplateRuntime"/> functions see.
/// </summary>
internal sealed partial class Executor : ITemplateRuntime
{
    private readonly ExecutionOptions _options;
    private readonly Stopwatch? _clock;
    private readonly Dictionary<string, int> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<(TemplateSet Set, string Name, string Text), (TemplateSet Set, TemplateTree Entry)> _textSets = [];
    private TemplateSet _set;

    // Current output.
    private StringBuilder _out = new();
    private SegmentBuffer _segments = new();

    // Buffers of finished nested executions (include, template, tpl), reused by the next one.
    private readonly Stack<(StringBuilder Text, SegmentBuffer Segments)> _spare = new();
    private long _totalOutput;

    // Current template state (Go's state struct).
    private string _tmplName = string.Empty;
    private Node? _node;
    private List<KeyValuePair<string, Val>> _vars = [];
    private int _depth;
    private long _steps;

    public Executor(TemplateSet set, ExecutionOptions options)
    {
        _set = set;
        _options = options;
        Random = new Random(options.RandomSeed);
        Now = options.Now ?? DateTimeOffset.UtcNow;
        if (options.Timeout is not null)
            _clock = Stopwatch.StartNew();
    }

    public CancellationToken CancellationToken => _options.CancellationToken;

    public Random Random { get; }

    public DateTimeOffset Now { get; }

    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    public RenderResult Run(string entry, object? data)
    {
        var tree = LookupOrFail(entry);
        var dot = Val.Of(data);
        _tmplName = entry;
        _vars = [new("$", dot)];
        if (tree.Root is null)
            throw ExecError(GoFormat.Quote(entry) + " is an incomplete or empty template");
        try
        {
            StackGuard.Run(() => Walk(dot, tree.Root));
            return new RenderResult(_out.ToString(), _segments.ToImmutable());
        }
        finally
        {
            _segments.Dispose();
            foreach (var (_, segments) in _spare)
                segments.Dispose();
            _spare.Clear();
        }
    }

    // ---- ITemplateRuntime ------------------------------------------------------------------------

    public TrackedString ExecuteTemplate(string name, object? data)
    {
        return Nested(name, LookupOrFail(name), Val.Of(data));
    }

    // Helm executes every template through the set it names "gotpl", so Go words a missing one this way.
    private TemplateTree LookupOrFail(string name) =>
        _set.Lookup(name)
        ?? throw new TemplateException(
            "template: no template " + GoFormat.Quote(name) + " associated with template \"gotpl\"",
            name,
            0,
            0,
            TemplateErrorKind.Execution);

    public TrackedString ExecuteText(string name, string text, object? data)
    {
        var outer = _set;
        // tpl in a loop parses the same text again and again; one parse per distinct text and set is enough.
        var key = (outer, name, text);
        if (!_textSets.TryGetValue(key, out var parsed))
        {
            var copy = outer.WithText(name, text, out var entry);
            parsed = (copy, entry);
            _textSets[key] = parsed;
        }

        _set = parsed.Set;
        try
        {
            // The text's own tree, not the set's template of that name: an empty text leaves an outer tpl's text
            // there, and running that again would recurse without end.
            return Nested(name, parsed.Entry, Val.Of(data));
        }
        finally
        {
            _set = outer;
        }
    }

    public int ActiveCalls(string name) => _active.TryGetValue(name, out var n) ? n : 0;

    private TrackedString Nested(string name, TemplateTree tree, Val dot)
    {
        var savedOut = _out;
        var savedSegments = _segments;
        var savedName = _tmplName;
        var savedNode = _node;
        var savedVars = _vars;
        EnterDepth();
        _active[name] = ActiveCalls(name) + 1;
        (_out, _segments) = _spare.Count > 0 ? _spare.Pop() : (new StringBuilder(), new SegmentBuffer());
        try
        {
            _tmplName = name;
            _node = null;
            _vars = [new("$", dot)];
            if (tree.Root is not null)
            {
                if (StackGuard.ShouldHop(_depth))
                    WalkOnNewStack(dot, tree.Root);
                else
                    Walk(dot, tree.Root);
            }

            return new TrackedString(_out.ToString(), _segments.ToImmutable());
        }
        finally
        {
            _out.Clear();
            _segments.Clear();
            _spare.Push((_out, _segments));
            _depth--;
            _active[name]--;
            _out = savedOut;
            _segments = savedSegments;
            _tmplName = savedName;
            _node = savedNode;
            _vars = savedVars;
        }
    }

    // Kept apart so that the closure is only allocated when the work really moves to a new stack.
    private void WalkOnNewStack(Val dot, Node node) => StackGuard.Run(_depth, () => Walk(dot, node));

    private void EnterDepth()
    {
        if (_depth >= _options.MaxTemplateDepth)
            throw LimitError("exceeded maximum template depth (" + _options.MaxTemplateDepth.ToString(CultureInfo.InvariantCulture) + ")");
        _depth++;
    }

    // ---- errors --------------------------------------------------------------------------------

    private TemplateException ExecError(string message) => ExecError(message, null);

    /// <summary>Go's execution error at the current node; with <paramref name="cause"/>, its message follows <paramref name="message"/>.</summary>
    private TemplateException ExecError(string message, Exception? cause)
    {
        var name = _tmplName;
        string prefix;
        string parseName;
        int line, col;
        if (_node is null)
        {
            prefix = "template: " + name + ": ";
            (parseName, line, col) = (name, 0, 0);
        }
        else
        {
            var location = _node.Tree.ErrorLocation(_node.Pos);
            (line, _) = _node.Tree.LineColumn(_node.Pos);
            col = int.Parse(location[(location.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
            prefix = "template: " + location + ": executing " + GoFormat.Quote(name) + " at <" + _node + ">: ";
            parseName = _node.Tree.ParseName;
        }

        return cause is null
            ? new TemplateException(prefix + message, parseName, line, col, TemplateErrorKind.Execution) { Detail = message }
            : new TemplateException(prefix + message, cause, message, parseName, line, col, TemplateErrorKind.Execution);
    }

    private TemplateException LimitError(string message)
    {
        var e = ExecError(message);
        return new TemplateException(e.Message, e.Template, e.Line, e.Column, TemplateErrorKind.Limit) { Detail = message };
    }

    private void Step()
    {
        _steps++;
        if (_steps > _options.MaxSteps)
            throw LimitError("execution exceeded " + _options.MaxSteps.ToString(CultureInfo.InvariantCulture) + " steps");
        if ((_steps & 0x3FF) == 0)
        {
            _options.CancellationToken.ThrowIfCancellationRequested();
            if (_clock is not null && _clock.Elapsed > _options.Timeout)
                throw LimitError("execution exceeded its time limit of " + _options.Timeout!.Value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms");
        }
    }

    // ---- output --------------------------------------------------------------------------------

    private void CheckOutput(int added)
    {
        _totalOutput += added;
        if (_totalOutput > _options.MaxOutputLength)
            throw LimitError("output exceeds the limit of " + _options.MaxOutputLength.ToString(CultureInfo.InvariantCulture) + " characters");
    }

    private void WriteText(TextNode node)
    {
        if (node.Text.Length == 0)
            return;
        CheckOutput(node.Text.Length);
        var (line, col) = node.LineColumn;
        _segments.Add(new OutputSegment(_out.Length, node.Text.Length, node.Tree.ParseName, line, col, true, null));
        _out.Append(node.Text);
    }

    private void WriteValue(Node node, string text, ValueOrigin? origin, TrackedString? tracked)
    {
        if (text.Length == 0)
            return;
        CheckOutput(text.Length);
        var start = _out.Length;
        var (line, col) = node.LineColumn;
        var parse = node.Tree.ParseName;
        if (tracked is null || tracked.Segments.IsDefaultOrEmpty)
        {
            _segments.Add(new OutputSegment(start, text.Length, parse, line, col, false, origin));
        }
        else
        {
            var pos = 0;
            foreach (var seg in tracked.Segments)
            {
                if (seg.Start > pos)
                    _segments.Add(new OutputSegment(start + pos, seg.Start - pos, parse, line, col, false, origin));
                // Text a function wrote (toYaml's lines) has no template position of its own: it is this action's.
                _segments.Add(seg.Line == 0
                    ? seg with { Start = seg.Start + start, Template = parse, Line = line, Column = col }
                    : seg.Shift(start));
                pos = seg.Start + seg.Length;
            }

            if (pos < text.Length)
                _segments.Add(new OutputSegment(start + pos, text.Length - pos, parse, line, col, false, origin));
        }

        _out.Append(text);
    }

    // ---- walking -------------------------------------------------------------------------------

    private Flow Walk(Val dot, Node node)
    {
        _node = node;
        Step();
        switch (node)
        {
            case TextNode text:
                WriteText(text);
                return Flow.Normal;
            case ActionNode action:
                {
                    var val = EvalPipeline(dot, action.Pipe);
                    if (action.Pipe.Decl.Count == 0)
                        PrintValue(action, val);
                    return Flow.Normal;
                }

            case ListNode list:
                foreach (var n in list.Nodes)
                {
                    var flow = Walk(dot, n);
                    if (flow != Flow.Normal)
                        return flow;
                }

                return Flow.Normal;
            case BranchNode branch:
                return WalkBranch(dot, branch);
            case TemplateNode tmpl:
                WalkTemplate(dot, tmpl);
                return Flow.Normal;
            case BreakNode:
                return Flow.Break;
            case ContinueNode:
                return Flow.Continue;
            case CommentNode:
                return Flow.Normal;
            default:
                throw ExecError("unknown node: " + node);
        }
    }

    private int _controlDepth;

    private Flow WalkBranch(Val dot, BranchNode branch)
    {
        _controlDepth++;
        try
        {
            if (!StackGuard.ShouldHop(_controlDepth))
                return branch.Type == NodeType.Range ? WalkRange(dot, branch) : WalkIfOrWith(dot, branch);
            return WalkBranchOnNewStack(dot, branch);
        }
        finally
        {
            _controlDepth--;
        }
    }

    private Flow WalkBranchOnNewStack(Val dot, BranchNode branch) =>
        StackGuard.Run(_controlDepth, () => branch.Type == NodeType.Range ? WalkRange(dot, branch) : WalkIfOrWith(dot, branch));

    private int Mark() => _vars.Count;

    private void Pop(int mark) => _vars.RemoveRange(mark, _vars.Count - mark);

    private Flow WalkIfOrWith(Val dot, BranchNode node)
    {
        var mark = Mark();
        try
        {
            var val = EvalPipeline(dot, node.Pipe);
            var truth = IsTrue(val.Unwrap());
            if (truth)
                return Walk(node.Type == NodeType.With ? val : dot, node.List);
            if (node.ElseList is not null)
                return Walk(dot, node.ElseList);
            return Flow.Normal;
        }
        finally
        {
            Pop(mark);
        }
    }

    private Flow WalkRange(Val dot, BranchNode r)
    {
        _node = r;
        var outerMark = Mark();
        try
        {
            var val = EvalPipeline(dot, r.Pipe).Unwrap();
            if (val.Obj is IGoMapObject named)
                val = Val.Of(named.Entries, val.Origin);
            var mark = Mark();
            var ran = false;
            switch (val.Obj)
            {
                case GoList list when list.Count > 0:
                    {
                        var elemIface = string.Equals(list.GoTypeName, GoList.InterfaceSliceType, StringComparison.Ordinal);
                        for (var i = 0; i < list.Count; i++)
                        {
                            var elem = new Val(list[i], elemIface ? ValKind.Interface : (list[i] is null ? ValKind.Invalid : ValKind.Concrete), list.OriginOf(i));
                            if (OneIteration(r, mark, Val.Of((long)i), elem) == Flow.Break)
                                break;
                        }

                        return Flow.Normal;
                    }

                case GoMap map when map.Count > 0:
                    {
                        var elemIface = !string.Equals(map.GoTypeName, GoMap.StringMapType, StringComparison.Ordinal);
                        foreach (var key in map.SortedKeys())
                        {
                            var v = map[key];
                            var elem = new Val(v, elemIface ? ValKind.Interface : (v is null ? ValKind.Invalid : ValKind.Concrete), map.OriginOf(key));
                            if (OneIteration(r, mark, Val.Of(key), elem) == Flow.Break)
                                break;
                        }

                        return Flow.Normal;
                    }

                case byte[] bytes when bytes.Length > 0:
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        if (OneIteration(r, mark, Val.Of((long)i), Val.Of(bytes[i])) == Flow.Break)
                            break;
                    }

                    return Flow.Normal;
                case GoList:
                case GoMap:
                case byte[]:
                    break;
                case long or GoInt64 or int:
                    {
                        var n = val.Obj switch
                        {
                            long l => l,
                            GoInt64 g => g.Value,
                            _ => (int)val.Obj,
                        };
                        if (r.Pipe.Decl.Count > 1)
                            throw ExecError("can't use " + GoFormat.FormatValue(val.Obj) + " to iterate over more than one variable");
                        for (long i = 0; i < n; i++)
                        {
                            var iv = val.Obj switch
                            {
                                long => (object)i,
                                GoInt64 => new GoInt64(i),
                                _ => (int)i,
                            };
                            ran = true;
                            if (OneIteration(r, mark, Val.Of(iv), Val.Of(iv)) == Flow.Break)
                                break;
                        }

                        if (ran)
                            return Flow.Normal;
                        break;
                    }

                case null:
                    break;
                default:
                    throw ExecError("range can't iterate over " + GoFormat.FormatValue(val.Obj));
            }

            if (r.ElseList is not null)
                return Walk(dot, r.ElseList);
            return Flow.Normal;
        }
        finally
        {
            Pop(outerMark);
        }
    }

    private Flow OneIteration(BranchNode r, int mark, Val index, Val elem)
    {
        Step();
        if (r.Pipe.Decl.Count > 0)
            SetTopVar(1, elem);
        if (r.Pipe.Decl.Count > 1)
            SetTopVar(2, index);
        try
        {
            var flow = Walk(elem, r.List);
            return flow == Flow.Break ? Flow.Break : Flow.Normal;
        }
        finally
        {
            Pop(mark);
        }
    }

    private void SetTopVar(int n, Val value) => _vars[^n] = new(_vars[^n].Key, value);

    private void WalkTemplate(Val dot, TemplateNode t)
    {
        _node = t;
        var tree = _set.Lookup(t.Name) ?? throw ExecError("template " + GoFormat.Quote(t.Name) + " not defined");
        if (_depth >= _options.MaxTemplateDepth)
            throw LimitError("exceeded maximum template depth (" + _options.MaxTemplateDepth.ToString(CultureInfo.InvariantCulture) + ")");
        var newDot = EvalPipeline(dot, t.Pipe);
        var savedName = _tmplName;
        var savedVars = _vars;
        _depth++;
        try
        {
            _tmplName = t.Name;
            _vars = [new("$", newDot)];
            if (tree.Root is null)
                return;
            if (!StackGuard.ShouldHop(_depth))
                Walk(newDot, tree.Root);
            else
                WalkOnNewStack(newDot, tree.Root);
        }
        finally
        {
            _depth--;
            _tmplName = savedName;
            _vars = savedVars;
        }
    }

    private void PrintValue(Node node, Val v)
    {
        _node = node;
        v = v.Unwrap();
        if (!v.IsValid)
        {
            WriteValue(node, "<no value>", v.Origin, null);
            return;
        }

        switch (v.Obj)
        {
            case string s:
                WriteValue(node, s, v.Origin, null);
                return;
            case TrackedString ts:
                WriteValue(node, ts.Text, v.Origin, ts);
                return;
            case IGoAddressableStringer stringer:
                WriteValue(node, stringer.AddressableString(), v.Origin, null);
                return;
            case IGoObject obj:
                {
                    var text = obj.FormatGo();
                    if (obj.GoTypeName.StartsWith('*') && text.StartsWith('&'))
                        text = text[1..];
                    WriteValue(node, text, v.Origin, null);
                    return;
                }

            default:
                WriteValue(node, GoFormat.FormatValue(v.Obj), v.Origin, null);
                return;
        }
    }

    // ---- truth -------------------------------------------------------------------------------

    internal static bool IsTrue(Val v)
    {
        if (!v.IsValid)
            return false;
        return v.Obj switch
        {
            null => false,
            string s => s.Length > 0,
            TrackedString t => t.Text.Length > 0,
            bool b => b,
            long l => l != 0,
            GoInt64 g => g.Value != 0,
            GoNamedInt n => n.Value != 0,
            int i => i != 0,
            double d => d != 0,
            float f => f != 0,
            GoList list => list.Count > 0,
            GoMap map => map.Count > 0,
            byte[] bytes => bytes.Length > 0,
            byte b8 => b8 != 0,
            uint u => u != 0,
            ulong ul => ul != 0,
            short sh => sh != 0,
            ushort us => us != 0,
            sbyte sb => sb != 0,
            System.Numerics.Complex c => c != System.Numerics.Complex.Zero,
            IGoMapObject m => m.Entries.Count > 0,
            _ => true,
        };
    }
}

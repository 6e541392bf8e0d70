using ManifestLint.Templates.Ast;
using ManifestLint.Templates.Lexing;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Parsing;

/// <summary>
/// Go's <c>text/template/parse</c> parser: turns one named text into its main tree plus the trees its
/// <c>define</c>/<c>block</c> actions declare, with Go's checks and error texts.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly string _parseName;
    private readonly string _text;
    private readonly Func<string, bool> _hasFunction;
    private readonly Dictionary<string, TemplateTree> _treeSet;
    private const int MaxNesting = 10000;
    private int _index;
    private int _furthest;
    private int _nesting;

    // Per-tree state (saved and restored around nested define/block).
    private TemplateTree _tree;
    private List<string> _vars = ["$"];
    private int _rangeDepth;
    private int _actionLine;

    private Parser(string parseName, string text, Func<string, bool> hasFunction, Dictionary<string, TemplateTree> treeSet)
    {
        _parseName = parseName;
        _text = text;
        _hasFunction = hasFunction;
        _treeSet = treeSet;
        _tokens = Lexer.Lex(text);
        _tree = new TemplateTree(parseName, parseName, text);
    }

    /// <summary>Parses <paramref name="text"/> named <paramref name="name"/>; returns every tree it defines (the main one under <paramref name="name"/>).</summary>
    /// <exception cref="TemplateException">On a syntax error, with Go's message.</exception>
    public static Dictionary<string, TemplateTree> Parse(string name, string text, Func<string, bool> hasFunction)
    {
        var treeSet = new Dictionary<string, TemplateTree>(StringComparer.Ordinal);
        var parser = new Parser(name, text, hasFunction, treeSet);
        parser.ParseMain();
        parser.Add(parser._tree);
        return treeSet;
    }

    // ---- token access -------------------------------------------------------------------------

    private Token Next()
    {
        var i = Math.Min(_index, _tokens.Count - 1);
        _index++;
        if (i > _furthest)
            _furthest = i;
        return _tokens[i];
    }

    private void Backup() => _index--;

    private Token Peek()
    {
        var i = Math.Min(_index, _tokens.Count - 1);
        if (i > _furthest)
            _furthest = i;
        return _tokens[i];
    }

    private Token NextNonSpace()
    {
        Token t;
        do
        {
            t = Next();
        }
        while (t.Kind == TokenKind.Space);
        return t;
    }

    private Token PeekNonSpace()
    {
        var t = NextNonSpace();
        Backup();
        return t;
    }

    private Token Expect(TokenKind expected, string context)
    {
        var t = NextNonSpace();
        if (t.Kind != expected)
            Unexpected(t, context);
        return t;
    }

    private Token ExpectOneOf(TokenKind e1, TokenKind e2, string context)
    {
        var t = NextNonSpace();
        if (t.Kind != e1 && t.Kind != e2)
            Unexpected(t, context);
        return t;
    }

    private TemplateException Error(string message)
    {
        var line = _tokens[Math.Min(_furthest, _tokens.Count - 1)].Line;
        var full = "template: " + _parseName + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + message;
        return new TemplateException(full, _parseName, line, 0, TemplateErrorKind.Parse) { Detail = message };
    }

    private void Errorf(string message) => throw Error(message);

    private void Unexpected(Token token, string context)
    {
        if (token.Kind == TokenKind.Error)
        {
            var extra = string.Empty;
            if (_actionLine != 0 && _actionLine != token.Line)
            {
                extra = " in action started at " + _parseName + ":" + _actionLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (token.Value.EndsWith(" action", StringComparison.Ordinal))
                    extra = extra[" in action".Length..];
            }

            Errorf(token.ToString() + extra);
        }

        Errorf("unexpected " + token + " in " + context);
    }

    // ---- structure ----------------------------------------------------------------------------

    private void ParseMain()
    {
        _tree.Root = new ListNode(Peek().Pos, _tree);
        while (Peek().Kind != TokenKind.Eof)
        {
            if (Peek().Kind == TokenKind.LeftDelim)
            {
                var save = _index;
                Next();
                if (NextNonSpace().Kind == TokenKind.Define)
                {
                    ParseDefinition();
                    continue;
                }

                _index = save;
            }

            var n = TextOrAction();
            if (n.Type is NodeType.End or NodeType.Else)
                Errorf("unexpected " + n);
            else
                _tree.Root.Nodes.Add(n);
        }
    }

    private void ParseDefinition()
    {
        const string context = "define clause";
        var outerTree = _tree;
        var outerVars = _vars;
        var outerRange = _rangeDepth;
        var tree = new TemplateTree("definition", _parseName, _text);
        _tree = tree;
        _vars = ["$"];
        _rangeDepth = 0;
        var name = ExpectOneOf(TokenKind.String, TokenKind.RawString, context);
        var unquoted = GoLiterals.Unquote(name.Value);
        if (unquoted is null)
            Errorf("invalid syntax");
        tree.Name = unquoted!;
        Expect(TokenKind.RightDelim, context);
        var (list, end) = ItemList();
        tree.Root = list;
        if (end.Type != NodeType.End)
            Errorf("unexpected " + end + " in " + context);
        Add(tree);
        _tree = outerTree;
        _vars = outerVars;
        _rangeDepth = outerRange;
    }

    private void Add(TemplateTree tree)
    {
        if (!_treeSet.TryGetValue(tree.Name, out var existing) || TemplateTree.IsEmptyTree(existing.Root))
        {
            _treeSet[tree.Name] = tree;
            return;
        }

        if (!TemplateTree.IsEmptyTree(tree.Root))
            Errorf("template: multiple definition of template " + Values.GoFormat.Quote(tree.Name));
    }

    private (ListNode List, Node Next) ItemList()
    {
        var list = new ListNode(PeekNonSpace().Pos, _tree);
        while (PeekNonSpace().Kind != TokenKind.Eof)
        {
            var n = TextOrAction();
            if (n.Type is NodeType.End or NodeType.Else)
                return (list, n);
            list.Nodes.Add(n);
        }

        Errorf("unexpected EOF");
        return default;
    }

    private Node TextOrAction()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Text:
                return new TextNode(token.Pos, _tree, token.Value);
            case TokenKind.LeftDelim:
                _actionLine = token.Line;
                try
                {
                    return Action(token.Pos);
                }
                finally
                {
                    _actionLine = 0;
                }

            case TokenKind.Comment:
                return new CommentNode(token.Pos, _tree, token.Value);
            default:
                Unexpected(token, "input");
                return null!;
        }
    }

    private Node Action(int delimPos)
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Block:
                return BlockControl();
            case TokenKind.Break:
                return BreakControl(token, "{{break}}");
            case TokenKind.Continue:
                return BreakControl(token, "{{continue}}");
            case TokenKind.Else:
                return ElseControl();
            case TokenKind.End:
                return new EndNode(Expect(TokenKind.RightDelim, "end").Pos, _tree);
            case TokenKind.If:
                return Nest(() => Control(NodeType.If, "if"));
            case TokenKind.Range:
                return Nest(() => Control(NodeType.Range, "range"));
            case TokenKind.Template:
                return TemplateControl();
            case TokenKind.With:
                return Nest(() => Control(NodeType.With, "with"));
        }

        Backup();
        var pos = Peek().Pos;
        _ = delimPos;
        return new ActionNode(pos, _tree, Pipeline("command", TokenKind.RightDelim));
    }

    // Go limits nesting to 10000 levels; deep nesting continues on fresh stacks instead of overflowing this one.
    private T Nest<T>(Func<T> parse)
    {
        _nesting++;
        try
        {
            if (_nesting >= MaxNesting)
                Errorf("max expression depth exceeded");
            return Evaluation.StackGuard.Run(_nesting, parse);
        }
        finally
        {
            _nesting--;
        }
    }

    private Node BreakControl(Token token, string context)
    {
        var t = NextNonSpace();
        if (t.Kind != TokenKind.RightDelim)
            Unexpected(t, context);
        if (_rangeDepth == 0)
            Errorf(context + " outside {{range}}");
        return token.Kind == TokenKind.Break ? new BreakNode(token.Pos, _tree) : new ContinueNode(token.Pos, _tree);
    }

    private Node ElseControl()
    {
        var peek = PeekNonSpace();
        if (peek.Kind is TokenKind.If or TokenKind.With)
            return new ElseNode(peek.Pos, _tree);
        var token = Expect(TokenKind.RightDelim, "else");
        return new ElseNode(token.Pos, _tree);
    }

    private Node Control(NodeType type, string context)
    {
        var varsMark = _vars.Count;
        try
        {
            var pipe = Pipeline(context, TokenKind.RightDelim);
            if (type == NodeType.Range)
                _rangeDepth++;
            var (list, next) = ItemList();
            if (type == NodeType.Range)
                _rangeDepth--;
            ListNode? elseList = null;
            if (next.Type == NodeType.Else)
            {
                var peek = Peek();
                if ((type == NodeType.If && peek.Kind == TokenKind.If) || (type == NodeType.With && peek.Kind == TokenKind.With))
                {
                    Next();
                    elseList = new ListNode(next.Pos, _tree);
                    elseList.Nodes.Add(Control(type, context));
                }
                else
                {
                    (elseList, next) = ItemList();
                    if (next.Type != NodeType.End)
                        Errorf("expected end; found " + next);
                }
            }

            return new BranchNode(type, pipe.Pos, _tree, pipe, list, elseList);
        }
        finally
        {
            _vars.RemoveRange(varsMark, _vars.Count - varsMark);
        }
    }

    private Node BlockControl()
    {
        const string context = "block clause";
        var token = NextNonSpace();
        var name = ParseTemplateName(token, context);
        var pipe = Pipeline(context, TokenKind.RightDelim);

        var outerTree = _tree;
        var outerVars = _vars;
        var outerRange = _rangeDepth;
        var block = new TemplateTree(name, _parseName, _text);
        _tree = block;
        _vars = ["$"];
        _rangeDepth = 0;
        try
        {
            var (list, end) = ItemList();
            block.Root = list;
            if (end.Type != NodeType.End)
                Errorf("unexpected " + end + " in " + context);
            Add(block);
        }
        finally
        {
            // Also on a parse error: an enclosing if/range/with trims the variables of the outer scope as it unwinds.
            _tree = outerTree;
            _vars = outerVars;
            _rangeDepth = outerRange;
        }

        return new TemplateNode(token.Pos, _tree, name, pipe);
    }

    private Node TemplateControl()
    {
        const string context = "template clause";
        var token = NextNonSpace();
        var name = ParseTemplateName(token, context);
        PipeNode? pipe = null;
        if (NextNonSpace().Kind != TokenKind.RightDelim)
        {
            Backup();
            pipe = Pipeline(context, TokenKind.RightDelim);
        }

        return new TemplateNode(token.Pos, _tree, name, pipe);
    }

    private string ParseTemplateName(Token token, string context)
    {
        if (token.Kind is TokenKind.String or TokenKind.RawString)
        {
            var s = GoLiterals.Unquote(token.Value);
            if (s is null)
                Errorf("invalid syntax");
            return s!;
        }

        Unexpected(token, context);
        return string.Empty;
    }

    // ---- pipelines ----------------------------------------------------------------------------

    private PipeNode Pipeline(string context, TokenKind end)
    {
        var token = PeekNonSpace();
        var pipe = new PipeNode(token.Pos, _tree);
        while (true)
        {
            var v = PeekNonSpace();
            if (v.Kind != TokenKind.Variable)
                break;
            var save = _index;
            NextNonSpace();
            var next = PeekNonSpace();
            if (next.Kind is TokenKind.Assign or TokenKind.Declare)
            {
                pipe.IsAssign = next.Kind == TokenKind.Assign;
                NextNonSpace();
                pipe.Decl.Add(new VariableNode(v.Pos, _tree, v.Value.Split('.')));
                _vars.Add(v.Value);
                break;
            }

            if (next.Kind == TokenKind.Char && next.Value == ",")
            {
                NextNonSpace();
                pipe.Decl.Add(new VariableNode(v.Pos, _tree, v.Value.Split('.')));
                _vars.Add(v.Value);
                if (context == "range" && pipe.Decl.Count < 2)
                {
                    var k = PeekNonSpace().Kind;
                    if (k is TokenKind.Variable or TokenKind.RightDelim or TokenKind.RightParen)
                        continue;
                    Errorf("range can only initialize variables");
                }

                Errorf("too many declarations in " + context);
            }

            _index = save;
            break;
        }

        while (true)
        {
            var t = NextNonSpace();
            if (t.Kind == end)
            {
                CheckPipeline(pipe, context);
                return pipe;
            }

            switch (t.Kind)
            {
                case TokenKind.Bool:
                case TokenKind.CharConstant:
                case TokenKind.Complex:
                case TokenKind.Dot:
                case TokenKind.Field:
                case TokenKind.Identifier:
                case TokenKind.Number:
                case TokenKind.Nil:
                case TokenKind.RawString:
                case TokenKind.String:
                case TokenKind.Variable:
                case TokenKind.LeftParen:
                    Backup();
                    pipe.Cmds.Add(Command());
                    break;
                default:
                    Unexpected(t, context);
                    break;
            }
        }
    }

    private void CheckPipeline(PipeNode pipe, string context)
    {
        if (pipe.Cmds.Count == 0)
            Errorf("missing value for " + context);
        for (var i = 1; i < pipe.Cmds.Count; i++)
        {
            var first = pipe.Cmds[i].Args[0];
            if (first.Type is NodeType.Bool or NodeType.Dot or NodeType.Nil or NodeType.Number or NodeType.String)
                Errorf("non executable command in pipeline stage " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private CommandNode Command()
    {
        var cmd = new CommandNode(PeekNonSpace().Pos, _tree);
        while (true)
        {
            PeekNonSpace();
            var operand = Operand();
            if (operand is not null)
                cmd.Args.Add(operand);
            var token = Next();
            if (token.Kind == TokenKind.Space)
                continue;
            if (token.Kind is TokenKind.RightDelim or TokenKind.RightParen)
                Backup();
            else if (token.Kind != TokenKind.Pipe)
                Unexpected(token, "operand");
            break;
        }

        if (cmd.Args.Count == 0)
            Errorf("empty command");
        return cmd;
    }

    private Node? Operand()
    {
        var node = Term();
        if (node is null)
            return null;
        if (Peek().Kind == TokenKind.Field)
        {
            var chain = new ChainNode(Peek().Pos, _tree, node);
            while (Peek().Kind == TokenKind.Field)
                chain.Add(Next().Value);
            switch (node.Type)
            {
                case NodeType.Field:
                    node = new FieldNode(chain.Pos, _tree, [.. ((FieldNode)node).Ident, .. chain.Field]);
                    break;
                case NodeType.Variable:
                    node = new VariableNode(chain.Pos, _tree, [.. ((VariableNode)node).Ident, .. chain.Field]);
                    break;

                case NodeType.Bool:
                case NodeType.String:
                case NodeType.Number:
                case NodeType.Nil:
                case NodeType.Dot:
                    Errorf("unexpected . after term " + Values.GoFormat.Quote(node.ToString()));
                    break;
                default:
                    node = chain;
                    break;
            }
        }

        return node;
    }

    private Node? Term()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                if (!_hasFunction(token.Value))
                    Errorf("function " + Values.GoFormat.Quote(token.Value) + " not defined");
                return new IdentifierNode(token.Pos, _tree, token.Value);
            case TokenKind.Dot:
                return new DotNode(token.Pos, _tree);
            case TokenKind.Nil:
                return new NilNode(token.Pos, _tree);
            case TokenKind.Variable:
                return UseVar(token.Pos, token.Value);
            case TokenKind.Field:
                return new FieldNode(token.Pos, _tree, [token.Value[1..]]);
            case TokenKind.Bool:
                return new BoolNode(token.Pos, _tree, token.Value == "true");
            case TokenKind.CharConstant:
            case TokenKind.Complex:
            case TokenKind.Number:
                return NewNumber(token);
            case TokenKind.LeftParen:
                return Nest(() => Pipeline("parenthesized pipeline", TokenKind.RightParen));
            case TokenKind.String:
            case TokenKind.RawString:
                {
                    var s = GoLiterals.Unquote(token.Value);
                    if (s is null)
                        Errorf("invalid syntax");
                    return new StringNode(token.Pos, _tree, token.Value, s!);
                }
        }

        Backup();
        return null;
    }

    private VariableNode UseVar(int pos, string name)
    {
        var ident = name.Split('.');
        if (!_vars.Contains(ident[0]))
            Errorf("undefined variable " + Values.GoFormat.Quote(ident[0]));
        return new VariableNode(pos, _tree, ident);
    }

    private NumberNode NewNumber(Token token)
    {
        var text = token.Value;
        var n = new NumberNode(token.Pos, _tree, text);
        if (token.Kind == TokenKind.CharConstant)
        {
            if (!GoLiterals.TryCharConstant(text, out var rune, out var error))
                Errorf(error!);
            n.Int64 = rune;
            n.IsInt = true;
            n.Uint64 = (ulong)rune;
            n.IsUint = true;
            n.Float64 = rune;
            n.IsFloat = true;
            return n;
        }

        if (token.Kind == TokenKind.Complex)
        {
            if (!GoLiterals.TryParseComplex(text, out var complex, out var error))
                Errorf(error!);
            n.IsComplex = true;
            n.Complex = complex;
            SimplifyComplex(n);
            return n;
        }

        // An imaginary constant (1i, 0x1p-2i) is complex; when it is zero it also serves as a float, int and uint.
        if (text.Length > 0 && text[^1] == 'i' && GoStrconv.TryParseFloat(text[..^1], out var imag))
        {
            n.IsComplex = true;
            n.Complex = new System.Numerics.Complex(0, imag);
            SimplifyComplex(n);
            return n;
        }

        if (GoStrconv.TryParseUint(text, 0, out var u) == GoStrconv.ParseStatus.Ok)
        {
            n.IsUint = true;
            n.Uint64 = u;
        }

        if (GoStrconv.TryParseInt(text, 0, out var i) == GoStrconv.ParseStatus.Ok)
        {
            n.IsInt = true;
            n.Int64 = i;
            if (i == 0)
            {
                n.IsUint = true;
                n.Uint64 = u;
            }
        }

        if (n.IsInt)
        {
            n.IsFloat = true;
            n.Float64 = n.Int64;
        }
        else if (n.IsUint)
        {
            n.IsFloat = true;
            n.Float64 = n.Uint64;
        }
        else if (GoStrconv.TryParseFloat(text, out var f))
        {
            if (text.IndexOfAny(['.', 'e', 'E', 'p', 'P']) < 0)
                Errorf("integer overflow: " + Values.GoFormat.Quote(text));
            n.IsFloat = true;
            n.Float64 = f;
            if (!n.IsInt && Math.Floor(f) == f && f >= long.MinValue && f < 9.2233720368547758E18)
            {
                n.IsInt = true;
                n.Int64 = (long)f;
            }

            if (!n.IsUint && Math.Floor(f) == f && f >= 0 && f < 1.8446744073709552E19)
            {
                n.IsUint = true;
                n.Uint64 = (ulong)f;
            }
        }

        if (!n.IsInt && !n.IsUint && !n.IsFloat)
            Errorf("illegal number syntax: " + Values.GoFormat.Quote(text));
        return n;
    }

    /// <summary>
    /// Go's NumberNode.simplifyComplex: a complex constant with a zero imaginary part is also a float, and an int or uint
    /// when its real part converts to one exactly (so <c>0i</c> can fill an <c>int</c> parameter).
    /// </summary>
    private static void SimplifyComplex(NumberNode n)
    {
        n.IsFloat = n.Complex.Imaginary == 0;
        if (!n.IsFloat)
            return;
        var f = n.Complex.Real;
        n.Float64 = f;
        var integral = !double.IsInfinity(f) && !double.IsNaN(f) && Math.Floor(f) == f;
        n.IsInt = integral && f >= long.MinValue && f < 9.2233720368547758E18;
        if (n.IsInt)
            n.Int64 = (long)f;
        n.IsUint = integral && f >= 0 && f < 1.8446744073709552E19;
        if (n.IsUint)
            n.Uint64 = (ulong)f;
    }
}

using System.Globalization;
using System.Text;
using ManifestLint.Templates.Functions;

namespace ManifestLint.Templates.Ast;

// The parse tree of Go's text/template. Each node prints itself the way Go's parse.Node.String does,
// because execution errors quote that text (`executing "main" at <.Values.x>`).

internal enum NodeType
{
    Text,
    Action,
    Bool,
    Chain,
    Command,
    Dot,
    Else,
    End,
    Field,
    Identifier,
    If,
    List,
    Nil,
    Number,
    Pipe,
    Range,
    String,
    Template,
    Variable,
    With,
    Comment,
    Break,
    Continue,
}

internal abstract class Node
{
    protected Node(NodeType type, int pos, TemplateTree tree)
    {
        Type = type;
        Pos = pos;
        Tree = tree;
    }

    public NodeType Type { get; }

    /// <summary>Offset (UTF-16) of the node in its tree's text.</summary>
    public int Pos { get; }

    public TemplateTree Tree { get; }

    // Line and column packed in one field so concurrent executions never see half of a cached position.
    private long _lineColumn;

    /// <summary>1-based line and column of the node in its template text (cached).</summary>
    public (int Line, int Column) LineColumn
    {
        get
        {
            var packed = Volatile.Read(ref _lineColumn);
            if (packed == 0)
            {
                var (line, column) = Tree.LineColumn(Pos);
                packed = ((long)line << 32) | (uint)column;
                Volatile.Write(ref _lineColumn, packed);
            }

            return ((int)(packed >> 32), (int)(packed & 0xFFFFFFFF));
        }
    }

    public abstract void WriteTo(StringBuilder sb);

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb);
        return sb.ToString();
    }
}

internal sealed class ListNode(int pos, TemplateTree tree) : Node(NodeType.List, pos, tree)
{
    public List<Node> Nodes { get; } = [];

    public override void WriteTo(StringBuilder sb)
    {
        foreach (var n in Nodes)
            n.WriteTo(sb);
    }
}

internal sealed class TextNode(int pos, TemplateTree tree, string text) : Node(NodeType.Text, pos, tree)
{
    public string Text { get; } = text;

    public override void WriteTo(StringBuilder sb) => sb.Append(Text);
}

internal sealed class CommentNode(int pos, TemplateTree tree, string text) : Node(NodeType.Comment, pos, tree)
{
    public string Text { get; } = text;

    public override void WriteTo(StringBuilder sb) => sb.Append("{{").Append(Text).Append("}}");
}

internal sealed class PipeNode(int pos, TemplateTree tree) : Node(NodeType.Pipe, pos, tree)
{
    public bool IsAssign { get; set; }

    public List<VariableNode> Decl { get; } = [];

    public List<CommandNode> Cmds { get; } = [];

    public override void WriteTo(StringBuilder sb)
    {
        if (Decl.Count > 0)
        {
            for (var i = 0; i < Decl.Count; i++)
            {
                if (i > 0)
                    sb.Append(", ");
                Decl[i].WriteTo(sb);
            }

            sb.Append(" := ");
        }

        for (var i = 0; i < Cmds.Count; i++)
        {
            if (i > 0)
                sb.Append(" | ");
            Cmds[i].WriteTo(sb);
        }
    }
}

internal sealed class ActionNode(int pos, TemplateTree tree, PipeNode pipe) : Node(NodeType.Action, pos, tree)
{
    public PipeNode Pipe { get; } = pipe;

    public override void WriteTo(StringBuilder sb)
    {
        sb.Append("{{");
        Pipe.WriteTo(sb);
        sb.Append("}}");
    }
}

internal sealed class CommandNode(int pos, TemplateTree tree) : Node(NodeType.Command, pos, tree)
{
    public List<Node> Args { get; } = [];

    public override void WriteTo(StringBuilder sb)
    {
        for (var i = 0; i < Args.Count; i++)
        {
            if (i > 0)
                sb.Append(' ');
            if (Args[i] is PipeNode p)
            {
                sb.Append('(');
                p.WriteTo(sb);
                sb.Append(')');
                continue;
            }

            Args[i].WriteTo(sb);
        }
    }
}

internal sealed class IdentifierNode(int pos, TemplateTree tree, string ident) : Node(NodeType.Identifier, pos, tree)
{
    public string Ident { get; } = ident;

    /// <summary>The function this name resolved to in the set that parsed it (cached on first call).</summary>
    public TemplateFunction? Resolved { get; set; }

    public object? ResolvedFor { get; set; }

    public override void WriteTo(StringBuilder sb) => sb.Append(Ident);
}

internal sealed class VariableNode(int pos, TemplateTree tree, string[] ident) : Node(NodeType.Variable, pos, tree)
{
    public string[] Ident { get; } = ident;

    public override void WriteTo(StringBuilder sb) => sb.AppendJoin('.', Ident);
}

internal sealed class DotNode(int pos, TemplateTree tree) : Node(NodeType.Dot, pos, tree)
{
    public override void WriteTo(StringBuilder sb) => sb.Append('.');
}

internal sealed class NilNode(int pos, TemplateTree tree) : Node(NodeType.Nil, pos, tree)
{
    public override void WriteTo(StringBuilder sb) => sb.Append("nil");
}

internal sealed class FieldNode(int pos, TemplateTree tree, string[] ident) : Node(NodeType.Field, pos, tree)
{
    public string[] Ident { get; } = ident;

    public override void WriteTo(StringBuilder sb)
    {
        foreach (var id in Ident)
            sb.Append('.').Append(id);
    }
}

internal sealed class ChainNode(int pos, TemplateTree tree, Node node) : Node(NodeType.Chain, pos, tree)
{
    public Node Node { get; } = node;

    public List<string> Field { get; } = [];

    public void Add(string field)
    {
        if (field.Length == 0 || field[0] != '.')
            throw new InvalidOperationException("no dot in field");
        field = field[1..];
        if (field.Length == 0)
            throw new InvalidOperationException("empty field");
        Field.Add(field);
    }

    public override void WriteTo(StringBuilder sb)
    {
        if (Node is PipeNode p)
        {
            sb.Append('(');
            p.WriteTo(sb);
            sb.Append(')');
        }
        else
        {
            Node.WriteTo(sb);
        }

        foreach (var f in Field)
            sb.Append('.').Append(f);
    }
}

internal sealed class BoolNode(int pos, TemplateTree tree, bool value) : Node(NodeType.Bool, pos, tree)
{
    public bool True { get; } = value;

    public override void WriteTo(StringBuilder sb) => sb.Append(True ? "true" : "false");
}

internal sealed class NumberNode(int pos, TemplateTree tree, string text) : Node(NodeType.Number, pos, tree)
{
    public string Text { get; } = text;

    public bool IsInt { get; set; }

    public bool IsUint { get; set; }

    public bool IsFloat { get; set; }

    public bool IsComplex { get; set; }

    public long Int64 { get; set; }

    public ulong Uint64 { get; set; }

    public double Float64 { get; set; }

    public System.Numerics.Complex Complex { get; set; }

    public override void WriteTo(StringBuilder sb) => sb.Append(Text);
}

internal sealed class StringNode(int pos, TemplateTree tree, string quoted, string text) : Node(NodeType.String, pos, tree)
{
    public string Quoted { get; } = quoted;

    public string Text { get; } = text;

    public override void WriteTo(StringBuilder sb) => sb.Append(Quoted);
}

internal sealed class EndNode(int pos, TemplateTree tree) : Node(NodeType.End, pos, tree)
{
    public override void WriteTo(StringBuilder sb) => sb.Append("{{end}}");
}

internal sealed class ElseNode(int pos, TemplateTree tree) : Node(NodeType.Else, pos, tree)
{
    public override void WriteTo(StringBuilder sb) => sb.Append("{{else}}");
}

internal sealed class BranchNode(NodeType type, int pos, TemplateTree tree, PipeNode pipe, ListNode list, ListNode? elseList)
    : Node(type, pos, tree)
{
    public PipeNode Pipe { get; } = pipe;

    public ListNode List { get; } = list;

    public ListNode? ElseList { get; } = elseList;

    public override void WriteTo(StringBuilder sb)
    {
        var name = Type switch
        {
            NodeType.If => "if",
            NodeType.Range => "range",
            _ => "with",
        };
        sb.Append("{{").Append(name).Append(' ');
        Pipe.WriteTo(sb);
        sb.Append("}}");
        List.WriteTo(sb);
        if (ElseList is not null)
        {
            sb.Append("{{else}}");
            ElseList.WriteTo(sb);
        }

        sb.Append("{{end}}");
    }
}

internal sealed class BreakNode(int pos, TemplateTree tree) : Node(NodeType.Break, pos, tree)
{
    public override void WriteTo(StringBuilder sb) => sb.Append("{{break}}");
}

internal sealed class ContinueNode(int pos, TemplateTree tree) : Node(NodeType.Continue, pos, tree)
{
    public override void WriteTo(StringBuilder sb) => sb.Append("{{continue}}");
}

internal sealed class TemplateNode(int pos, TemplateTree tree, string name, PipeNode? pipe) : Node(NodeType.Template, pos, tree)
{
    public string Name { get; } = name;

    public PipeNode? Pipe { get; } = pipe;

    public override void WriteTo(StringBuilder sb)
    {
        sb.Append("{{template ").Append(Values.GoFormat.Quote(Name));
        if (Pipe is not null)
        {
            sb.Append(' ');
            Pipe.WriteTo(sb);
        }

        sb.Append("}}");
    }
}

/// <summary>One parsed template: a named tree cut from the text of the file (ParseName) it was defined in.</summary>
internal sealed class TemplateTree
{
    private int[]? _lineStarts;

    public TemplateTree(string name, string parseName, string text)
    {
        Name = name;
        ParseName = parseName;
        Text = text;
    }

    public string Name { get; set; }

    public string ParseName { get; }

    public string Text { get; }

    public ListNode? Root { get; set; }

    /// <summary>1-based line and 1-based UTF-16 column of an offset, for provenance.</summary>
    public (int Line, int Column) LineColumn(int pos)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        var idx = Array.BinarySearch(starts, pos);
        if (idx < 0)
            idx = ~idx - 1;
        return (idx + 1, pos - starts[idx] + 1);
    }

    /// <summary>Go's ErrorContext location: <c>NAME:LINE:COL</c> with COL the 0-based byte offset in the line (the whole offset on line 1).</summary>
    public string ErrorLocation(int pos)
    {
        var (line, _) = LineColumn(pos);
        var starts = _lineStarts!;
        var lineStart = starts[line - 1];
        var byteNum = System.Text.Encoding.UTF8.GetByteCount(Text.AsSpan(lineStart, pos - lineStart));
        return ParseName + ":" + line.ToString(CultureInfo.InvariantCulture) + ":" + byteNum.ToString(CultureInfo.InvariantCulture);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var list = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                list.Add(i + 1);
        }

        return [.. list];
    }

    public static bool IsEmptyTree(Node? n) => n switch
    {
        null => true,
        CommentNode => true,
        ListNode l => l.Nodes.TrueForAll(IsEmptyTree),
        TextNode t => string.IsNullOrEmpty(t.Text.Trim(' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00A0')),
        _ => false,
    };
}

using System.Globalization;
using ManifestLint.Core.Text;

namespace ManifestLint.Core.Yaml;

/// <summary>A scalar with its raw text, its style and its Kubernetes (YAML 1.1) resolution.</summary>
public sealed class YamlScalar : YamlNode
{
    public YamlScalar(SourceSpan span, string value, bool quoted, ScalarKind kind, string? tag = null, ValueProvenance? provenance = null)
        : base(span, tag, provenance)
    {
        Text = value;
        Quoted = quoted;
        Kind = kind;
    }

    internal YamlScalar(NodePosition position, string value, bool quoted, ScalarKind kind, string? tag)
        : base(position, tag)
    {
        Text = value;
        Quoted = quoted;
        Kind = kind;
    }

    /// <summary>The scalar's text as written (after YAML unescaping).</summary>
    public string Text { get; }

    /// <summary>True for quoted or block scalars (which always resolve to strings).</summary>
    public bool Quoted { get; }

    public ScalarKind Kind { get; }

    public bool IsNull => Kind == ScalarKind.Null;

    /// <summary>True only for a YAML boolean true (<c>true</c>, <c>yes</c>, <c>on</c>, ... unquoted).</summary>
    public bool IsTrue => Kind == ScalarKind.Bool && ScalarResolver.ParseBool(Text) == true;

    /// <summary>True only for a YAML boolean false.</summary>
    public bool IsFalse => Kind == ScalarKind.Bool && ScalarResolver.ParseBool(Text) == false;

    public bool? AsBool() => Kind == ScalarKind.Bool ? ScalarResolver.ParseBool(Text) : null;

    /// <summary>The integer value for Int scalars (and floats with no fraction), else null.</summary>
    public long? AsInt64()
    {
        if (Kind == ScalarKind.Int)
            return ScalarResolver.ParseInt(Text);
        if (Kind == ScalarKind.Float && ScalarResolver.ParseFloat(Text) is { } d && Math.Floor(d) == d && Math.Abs(d) < 9e18)
            return (long)d;
        return null;
    }

    public double? AsDouble() => Kind switch
    {
        ScalarKind.Int => ScalarResolver.ParseInt(Text),
        ScalarKind.Float => ScalarResolver.ParseFloat(Text),
        _ => null,
    };

    /// <summary>The value as a string the way Kubernetes would read it into a string field ("" for null).</summary>
    public string StringValue => Kind == ScalarKind.Null ? string.Empty : Text;

    public override string ToString() => Text.ToString(CultureInfo.InvariantCulture);
}

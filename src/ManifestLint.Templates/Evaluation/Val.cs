using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Evaluation;

/// <summary>How Go's reflect sees a value the evaluator holds.</summary>
internal enum ValKind : byte
{
    /// <summary>The zero reflect.Value: a missing value (prints <c>&lt;no value&gt;</c>).</summary>
    Invalid,

    /// <summary>A value of its own concrete type.</summary>
    Concrete,

    /// <summary>A value whose static type is <c>interface {}</c> (an element of a map or slice of interfaces); may be nil.</summary>
    Interface,
}

/// <summary>An evaluated value with its reflect kind and, when known, the origin it was read from.</summary>
internal readonly struct Val
{
    public static readonly Val Invalid;

    public Val(object? obj, ValKind kind, ValueOrigin? origin = null)
    {
        Obj = obj;
        Kind = kind;
        Origin = origin;
    }

    public object? Obj { get; }

    public ValKind Kind { get; }

    public ValueOrigin? Origin { get; }

    public bool IsValid => Kind != ValKind.Invalid;

    public static Val Of(object? obj, ValueOrigin? origin = null) =>
        obj is null ? new Val(null, ValKind.Invalid, origin) : new Val(obj, ValKind.Concrete, origin);

    public static Val Iface(object? obj, ValueOrigin? origin = null) => new(obj, ValKind.Interface, origin);

    /// <summary>Go's <c>indirectInterface</c>: the value inside an interface, invalid for a nil interface.</summary>
    public Val Unwrap() => Kind == ValKind.Interface ? Of(Obj, Origin) : this;

    /// <summary>The Go type name as reflect's <c>Value.Type()</c> prints it.</summary>
    public string TypeName => Kind == ValKind.Interface ? "interface {}" : GoFormat.TypeName(Obj);
}

namespace ManifestLint.Templates.Functions;

/// <summary>The Go types that appear in the signatures of template functions.</summary>
public sealed class GoType
{
    private GoType(string name, GoTypeKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public GoTypeKind Kind { get; }

    public override string ToString() => Name;

    public static readonly GoType Interface = new("interface {}", GoTypeKind.Interface);
    public static readonly GoType String = new("string", GoTypeKind.String);
    public static readonly GoType Bool = new("bool", GoTypeKind.Bool);
    public static readonly GoType Int = new("int", GoTypeKind.Int);
    public static readonly GoType Int64 = new("int64", GoTypeKind.Int64);
    public static readonly GoType Int32 = new("int32", GoTypeKind.Int32);
    public static readonly GoType Uint32 = new("uint32", GoTypeKind.Uint32);
    public static readonly GoType Float64 = new("float64", GoTypeKind.Float64);
    public static readonly GoType Bytes = new("[]uint8", GoTypeKind.Bytes);
    public static readonly GoType InterfaceSlice = new("[]interface {}", GoTypeKind.InterfaceSlice);
    public static readonly GoType StringSlice = new("[]string", GoTypeKind.StringSlice);
    public static readonly GoType IntSlice = new("[]int", GoTypeKind.IntSlice);
    public static readonly GoType InterfaceMap = new("map[string]interface {}", GoTypeKind.InterfaceMap);
    public static readonly GoType StringMap = new("map[string]string", GoTypeKind.StringMap);
    /// <summary>An opaque Go object (struct/pointer), matched by <see cref="Values.IGoObject.GoTypeName"/> when a parameter names it.</summary>
    public static GoType Object(string goTypeName) => new(goTypeName, GoTypeKind.Object);
    /// <summary>No result (used only as <see cref="TemplateFunction.Result"/> of error-only functions).</summary>
    public static readonly GoType None = new("", GoTypeKind.None);
}

public enum GoTypeKind
{
    None,
    Interface,
    String,
    Bool,
    Int,
    Int64,
    Int32,
    Uint32,
    Float64,
    Bytes,
    InterfaceSlice,
    StringSlice,
    IntSlice,
    InterfaceMap,
    StringMap,
    Object,
}

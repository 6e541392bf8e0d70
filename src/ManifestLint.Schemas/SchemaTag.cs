namespace ManifestLint.Schemas;

/// <summary>The node kinds of the embedded schema model (one byte each in the data file).</summary>
public enum SchemaTag : byte
{
    /// <summary>Any JSON value (apiextensions <c>JSON</c>, fields without a type).</summary>
    Any = 0,
    String = 1,
    Integer = 2,
    Number = 3,
    Boolean = 4,

    /// <summary><c>intstr.IntOrString</c>: an integer or a string.</summary>
    IntOrString = 5,

    /// <summary><c>resource.Quantity</c>: a number or a string in quantity syntax.</summary>
    Quantity = 6,

    /// <summary>A reference to a named definition of the same Kubernetes version.</summary>
    Ref = 7,
    Array = 8,
    Map = 9,
    Object = 10,

    /// <summary>A string with a closed set of values (from the Go API types' <c>+enum</c>).</summary>
    Enum = 11,

    /// <summary>An object whose fields are not described (<c>RawExtension</c>, preserve-unknown-fields): any mapping.</summary>
    FreeObject = 12,
}

using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ManifestLint.Schemas;

/// <summary>
/// One node of a compiled schema: a built-in definition of some Kubernetes minor, or a CRD's openAPIV3Schema.
/// Immutable once built. References (<see cref="SchemaTag.Ref"/>) are resolved through <see cref="Resolver"/>, so a
/// recursive definition costs one node.
/// </summary>
public sealed class SchemaNode
{
    private static readonly FrozenDictionary<string, SchemaNode> NoProperties = FrozenDictionary<string, SchemaNode>.Empty;

    internal SchemaNode(SchemaTag tag) => Tag = tag;

    public SchemaTag Tag { get; }

    /// <summary>Object fields by name (objects only).</summary>
    public FrozenDictionary<string, SchemaNode> Properties { get; internal init; } = NoProperties;

    /// <summary>Required field names, sorted (objects only).</summary>
    public ImmutableArray<string> Required { get; internal init; } = [];

    /// <summary>Item schema (arrays) or value schema (maps); for objects with both properties and additionalProperties (CRDs), the latter.</summary>
    public SchemaNode? Items { get; internal init; }

    /// <summary>Allowed values (enums), by their text.</summary>
    public FrozenSet<string>? EnumValues { get; internal init; }

    /// <summary>Enum values in their declared order, for messages.</summary>
    public ImmutableArray<string> EnumOrder { get; internal init; } = [];

    /// <summary>Arrays: atomic, set or map (<see cref="SchemaFormat"/> list constants).</summary>
    public byte ListType { get; internal init; }

    /// <summary>Arrays of list type map: the fields that identify an item (<c>x-kubernetes-list-map-keys</c> or the patch merge key).</summary>
    public ImmutableArray<string> MapKeys { get; internal init; } = [];

    /// <summary>Referenced definition name (<see cref="SchemaTag.Ref"/> only).</summary>
    public string? RefName { get; internal init; }

    /// <summary>Resolves <see cref="RefName"/> in the node's own Kubernetes version.</summary>
    internal Func<string, SchemaNode?>? Resolver { get; init; }

    /// <summary>
    /// Built-in enums: an empty string is Go's zero value, which the API server's defaulting treats as not set, so it
    /// is accepted (CRD enums are plain JSON schema and are not).
    /// </summary>
    public bool EmptyIsUnset { get; internal init; }

    /// <summary>CRD schemas only: <c>nullable: true</c>.</summary>
    public bool Nullable { get; internal init; }

    /// <summary>CRD schemas only: unknown fields are kept (<c>x-kubernetes-preserve-unknown-fields</c> on an object with properties).</summary>
    public bool PreserveUnknownFields { get; internal init; }

    /// <summary>This node with references followed (null when a reference names no definition).</summary>
    public SchemaNode? Resolved
    {
        get
        {
            var node = this;
            for (var hops = 0; node is { Tag: SchemaTag.Ref } && hops < 8; hops++)
                node = node.Resolver?.Invoke(node.RefName!);
            return node is { Tag: SchemaTag.Ref } ? null : node;
        }
    }

    public bool IsListMap => Tag == SchemaTag.Array && ListType == SchemaFormat.ListMap && !MapKeys.IsDefaultOrEmpty;

    public bool IsListSet => Tag == SchemaTag.Array && ListType == SchemaFormat.ListSet;
}

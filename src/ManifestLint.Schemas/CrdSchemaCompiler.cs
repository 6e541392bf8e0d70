using System.Collections.Frozen;
using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Schemas;

/// <summary>
/// Compiles a CRD's <c>openAPIV3Schema</c> (a structural schema) into <see cref="SchemaNode"/>s: types, properties,
/// required, <c>additionalProperties</c>, string enums, <c>x-kubernetes-preserve-unknown-fields</c>,
/// <c>x-kubernetes-int-or-string</c>, <c>x-kubernetes-list-type</c>/<c>-list-map-keys</c>. Defaults are not applied;
/// <c>x-kubernetes-validations</c> (CEL) are collected, not evaluated.
/// </summary>
public static class CrdSchemaCompiler
{
    private const int MaxDepth = 64;

    public static SchemaNode Compile(YamlMapping schema, bool preserveUnknownAtRoot, List<CelRule> celRules)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(celRules);
        var node = Compile(schema, celRules, 0);
        if (preserveUnknownAtRoot && node.Tag == SchemaTag.Object)
            return new SchemaNode(SchemaTag.Object) { Properties = node.Properties, Required = node.Required, Items = node.Items, PreserveUnknownFields = true };
        return node;
    }

    private static SchemaNode Compile(YamlMapping s, List<CelRule> cel, int depth)
    {
        if (depth > MaxDepth)
            return new SchemaNode(SchemaTag.Any);
        if (s.GetSequence("x-kubernetes-validations") is { } validations)
        {
            foreach (var v in validations.Mappings())
            {
                if (v.GetScalar("rule") is { } rule)
                    cel.Add(new CelRule(rule, v.GetString("message")));
            }
        }

        if (s.GetScalar("x-kubernetes-int-or-string") is { IsTrue: true })
            return new SchemaNode(SchemaTag.IntOrString);
        var preserve = s.GetScalar("x-kubernetes-preserve-unknown-fields") is { IsTrue: true };
        var nullable = s.GetScalar("nullable") is { IsTrue: true };
        var type = s.GetString("type");
        var properties = s.GetMapping("properties");
        switch (type)
        {
            case "string":
                if (s.GetSequence("enum") is { } e && e.Items.All(i => i is YamlScalar))
                {
                    var values = e.Scalars().Select(v => v.StringValue).ToImmutableArray();
                    return new SchemaNode(SchemaTag.Enum) { EnumValues = values.ToFrozenSet(StringComparer.Ordinal), EnumOrder = values, Nullable = nullable };
                }

                return new SchemaNode(SchemaTag.String) { Nullable = nullable };
            case "integer": return new SchemaNode(SchemaTag.Integer) { Nullable = nullable };
            case "number": return new SchemaNode(SchemaTag.Number) { Nullable = nullable };
            case "boolean": return new SchemaNode(SchemaTag.Boolean) { Nullable = nullable };
            case "array":
                {
                    var items = s.GetMapping("items") is { } i ? Compile(i, cel, depth + 1) : new SchemaNode(SchemaTag.Any);
                    var keys = s.GetSequence("x-kubernetes-list-map-keys") is { } k ? k.Scalars().Select(x => x.Text).ToImmutableArray() : [];
                    var listType = s.GetString("x-kubernetes-list-type") switch
                    {
                        "map" => SchemaFormat.ListMap,
                        "set" => SchemaFormat.ListSet,
                        _ => SchemaFormat.ListAtomic,
                    };
                    return new SchemaNode(SchemaTag.Array) { Items = items, ListType = listType, MapKeys = keys, Nullable = nullable };
                }

            case "object" or null:
                {
                    SchemaNode? additional = s["additionalProperties"] switch
                    {
                        YamlMapping a => Compile(a, cel, depth + 1),
                        YamlScalar { IsTrue: true } => new SchemaNode(SchemaTag.Any),
                        _ => null,
                    };
                    if (properties is null && additional is not null)
                        return new SchemaNode(SchemaTag.Map) { Items = additional, Nullable = nullable };
                    if (properties is null && (preserve || type is null))
                        return new SchemaNode(preserve || type is null ? SchemaTag.Any : SchemaTag.FreeObject) { Nullable = nullable };
                    var props = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                    if (properties is not null)
                    {
                        foreach (var p in properties.Entries)
                            props[p.Key.Text] = p.Value is YamlMapping ps ? Compile(ps, cel, depth + 1) : new SchemaNode(SchemaTag.Any);
                    }

                    var required = s.GetSequence("required") is { } r ? r.Scalars().Select(x => x.Text).Distinct().Order(StringComparer.Ordinal).ToImmutableArray() : [];
                    return new SchemaNode(SchemaTag.Object)
                    {
                        Properties = props.ToFrozenDictionary(StringComparer.Ordinal),
                        Required = required,
                        Items = additional,
                        PreserveUnknownFields = preserve,
                        Nullable = nullable,
                    };
                }

            default:
                return new SchemaNode(SchemaTag.Any);
        }
    }
}

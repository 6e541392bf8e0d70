using System.Text.Json;

namespace ManifestLint.Schemas.Generator;

/// <summary>
/// Turns one swagger definition into the compact model (see <see cref="SchemaTag"/>): descriptions dropped,
/// properties sorted, references kept by (normalised) name, enums attached from the Go API types.
/// </summary>
internal sealed class SchemaEncoder(StringTable strings, EnumTable enums, Func<string, string> normaliseName)
{
    public const string IntOrStringName = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string QuantityName = "io.k8s.apimachinery.pkg.api.resource.Quantity";

    public byte[] EncodeDefinition(string name, JsonElement schema)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            if (name == IntOrStringName)
                w.Write((byte)SchemaTag.IntOrString);
            else if (name == QuantityName)
                w.Write((byte)SchemaTag.Quantity);
            else
                Encode(w, schema, name, field: null);
        }

        return ms.ToArray();
    }

    private void Encode(BinaryWriter w, JsonElement s, string? definition, string? field)
    {
        if (s.TryGetProperty("$ref", out var r))
        {
            var target = normaliseName(r.GetString()!["#/definitions/".Length..]);
            switch (target)
            {
                case IntOrStringName: w.Write((byte)SchemaTag.IntOrString); return;
                case QuantityName: w.Write((byte)SchemaTag.Quantity); return;
            }

            w.Write((byte)SchemaTag.Ref);
            w.Write7BitEncodedInt(strings.Id(target));
            return;
        }

        if (Flag(s, "x-kubernetes-int-or-string") || Str(s, "format") == "int-or-string")
        {
            w.Write((byte)SchemaTag.IntOrString);
            return;
        }

        if (Flag(s, "x-kubernetes-preserve-unknown-fields"))
        {
            w.Write((byte)(Str(s, "type") == "object" ? SchemaTag.FreeObject : SchemaTag.Any));
            return;
        }

        string[]? enumValues = null;
        var enumList = string.Empty;
        if (definition is not null && field is not null && enums.TryGet(definition, field, out var values, out var list))
        {
            enumValues = values;
            enumList = list;
        }

        switch (Str(s, "type"))
        {
            case "string":
                if (enumValues is not null && enumList == "no")
                    WriteEnum(w, enumValues);
                else
                    w.Write((byte)SchemaTag.String);
                return;
            case "integer": w.Write((byte)SchemaTag.Integer); return;
            case "number": w.Write((byte)SchemaTag.Number); return;
            case "boolean": w.Write((byte)SchemaTag.Boolean); return;
            case "array":
                w.Write((byte)SchemaTag.Array);
                if (!s.TryGetProperty("items", out var items))
                    w.Write((byte)SchemaTag.Any);
                else if (enumValues is not null && enumList == "yes" && Str(items, "type") == "string")
                    WriteEnum(w, enumValues);
                else
                    Encode(w, items, null, null);
                WriteListSemantics(w, s);
                return;
            case "object":
            case null when s.TryGetProperty("properties", out _):
                if (s.TryGetProperty("properties", out var props))
                {
                    WriteObject(w, s, props, definition);
                    return;
                }

                if (s.TryGetProperty("additionalProperties", out var additional))
                {
                    w.Write((byte)SchemaTag.Map);
                    if (additional.ValueKind != JsonValueKind.Object)
                        w.Write((byte)SchemaTag.Any);
                    else if (enumValues is not null && enumList == "map" && Str(additional, "type") == "string")
                        WriteEnum(w, enumValues);
                    else
                        Encode(w, additional, null, null);
                    return;
                }

                w.Write((byte)SchemaTag.FreeObject);
                return;
            default:
                w.Write((byte)SchemaTag.Any);
                return;
        }
    }

    private void WriteObject(BinaryWriter w, JsonElement s, JsonElement props, string? definition)
    {
        w.Write((byte)SchemaTag.Object);
        var sorted = props.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        w.Write7BitEncodedInt(sorted.Count);
        foreach (var p in sorted)
        {
            w.Write7BitEncodedInt(strings.Id(p.Name));
            Encode(w, p.Value, definition, p.Name);
        }

        var required = s.TryGetProperty("required", out var req)
            ? req.EnumerateArray().Select(e => e.GetString()!).Where(n => sorted.Any(p => p.Name == n)).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
        w.Write7BitEncodedInt(required.Count);
        foreach (var name in required)
            w.Write7BitEncodedInt(strings.Id(name));
    }

    private void WriteListSemantics(BinaryWriter w, JsonElement s)
    {
        var keys = s.TryGetProperty("x-kubernetes-list-map-keys", out var k) ? k.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
        var merge = Str(s, "x-kubernetes-patch-merge-key");
        var type = Str(s, "x-kubernetes-list-type") switch
        {
            "set" => SchemaFormat.ListSet,
            "map" => SchemaFormat.ListMap,
            "atomic" => SchemaFormat.ListAtomic,
            _ => merge is not null ? SchemaFormat.ListMap : SchemaFormat.ListAtomic,
        };
        if (type == SchemaFormat.ListMap && keys.Length == 0 && merge is not null)
            keys = [merge];
        w.Write(type);
        w.Write7BitEncodedInt(keys.Length);
        foreach (var key in keys)
            w.Write7BitEncodedInt(strings.Id(key));
    }

    private void WriteEnum(BinaryWriter w, string[] values)
    {
        w.Write((byte)SchemaTag.Enum);
        w.Write7BitEncodedInt(values.Length);
        foreach (var v in values)
            w.Write7BitEncodedInt(strings.Id(v));
    }

    private static bool Flag(JsonElement s, string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Str(JsonElement s, string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

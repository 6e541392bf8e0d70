using System.Globalization;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Schemas;

/// <summary>
/// Checks a document against a schema the way the API server decodes it with strict field validation
/// (<c>kubectl apply --validate=strict</c>): unknown fields, JSON type mismatches after YAML 1.1 resolution, required
/// fields, enums, quantities, and duplicate keys in list-map lists. One walk per document; messages name the field path.
/// </summary>
public static class SchemaValidator
{
    /// <summary>Fields every object has whatever its schema says (CRD schemas often leave them out).</summary>
    private static readonly string[] TypeMetaFields = ["apiVersion", "kind"];

    /// <summary>
    /// Validates a whole resource: <c>status</c> is left out (the server ignores it on create), <c>apiVersion</c> and
    /// <c>kind</c> are always known, and <paramref name="objectMeta"/> (when given) checks <c>metadata</c> for schemas
    /// that do not describe it (CRDs).
    /// </summary>
    public static void ValidateResource(YamlMapping root, SchemaNode schema, SchemaNode? objectMeta, List<SchemaViolation> sink)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(sink);
        if (schema.Resolved is not { } resolved)
            return;
        var context = new Walk(sink);
        if (resolved.Tag != SchemaTag.Object)
        {
            context.Node(root, resolved, null);
            return;
        }

        foreach (var entry in root.Entries)
        {
            var key = entry.Key.Text;
            if (key == "status" || Array.IndexOf(TypeMetaFields, key) >= 0)
                continue;
            if (resolved.Properties.TryGetValue(key, out var field))
            {
                context.Node(entry.Value, key == "metadata" && objectMeta is not null && field.Resolved?.Properties.Count == 0 ? objectMeta : field, resolved);
            }
            else if (key == "metadata" && objectMeta is not null)
            {
                context.Node(entry.Value, objectMeta, resolved);
            }
            else if (resolved.Items is { } additional)
            {
                context.Node(entry.Value, additional, resolved);
            }
            else if (!resolved.PreserveUnknownFields)
            {
                context.Unknown(entry.Key, resolved, null);
            }
        }

        context.Required(root, resolved);
    }

    /// <summary>Validates any node against <paramref name="schema"/>.</summary>
    public static void Validate(YamlNode node, SchemaNode schema, List<SchemaViolation> sink) => new Walk(sink).Node(node, schema, null);

    private readonly struct Walk(List<SchemaViolation> sink)
    {
        public void Node(YamlNode node, SchemaNode schema, SchemaNode? parent)
        {
            if (schema.Resolved is not { } s)
                return;
            if (node is YamlScalar { IsNull: true })
                return;
            switch (s.Tag)
            {
                case SchemaTag.Any:
                case SchemaTag.FreeObject:
                    return;
                case SchemaTag.String:
                case SchemaTag.Integer:
                case SchemaTag.Number:
                case SchemaTag.Boolean:
                case SchemaTag.IntOrString:
                case SchemaTag.Quantity:
                case SchemaTag.Enum:
                    Scalar(node, s);
                    return;
                case SchemaTag.Array:
                    if (node is not YamlSequence seq)
                    {
                        Mismatch(node, "a list");
                        return;
                    }

                    foreach (var item in seq.Items)
                        Node(item, s.Items!, null);
                    if (s.IsListMap)
                        DuplicateKeys(seq, s);
                    else if (s.IsListSet)
                        DuplicateItems(seq);
                    return;
                case SchemaTag.Map:
                    if (node is not YamlMapping map)
                    {
                        Mismatch(node, "a map");
                        return;
                    }

                    foreach (var e in map.Entries)
                        Node(e.Value, s.Items!, null);
                    return;
                case SchemaTag.Object:
                    if (node is not YamlMapping obj)
                    {
                        Mismatch(node, "an object");
                        return;
                    }

                    foreach (var e in obj.Entries)
                    {
                        if (s.Properties.TryGetValue(e.Key.Text, out var field))
                            Node(e.Value, field, s);
                        else if (s.Items is { } additional)
                            Node(e.Value, additional, s);
                        else if (!s.PreserveUnknownFields)
                            Unknown(e.Key, s, parent);
                    }

                    Required(obj, s);
                    return;
            }
        }

        public void Unknown(YamlScalar key, SchemaNode schema, SchemaNode? parent)
        {
            var name = key.Text;
            var message = $"{key.Path}: unknown field '{name}'";
            if (FieldSuggestions.Closest(name, schema.Properties.Keys) is { } suggestion)
                message += $"; did you mean '{suggestion}'?";
            else if (parent?.Properties.ContainsKey(name) == true)
                message += "; it is a field of the enclosing object: check the indentation";
            else if (schema.Properties.Count > 0 && schema.Properties.Count <= 12)
                message += "; known fields: " + string.Join(", ", schema.Properties.Keys.Order(StringComparer.Ordinal));
            sink.Add(new SchemaViolation(SchemaProblem.UnknownField, key, message));
        }

        public void Required(YamlMapping obj, SchemaNode schema)
        {
            foreach (var name in schema.Required)
            {
                if (obj[name] is null or YamlScalar { IsNull: true })
                {
                    YamlNode at = obj.Parent is YamlMapping m && obj.Path is var _ && KeyOf(m, obj) is { } key ? key : obj;
                    var path = obj.Path;
                    sink.Add(new SchemaViolation(SchemaProblem.MissingRequired, at, $"{(path.Length == 0 ? "(root)" : path)}: missing required field '{name}'"));
                }
            }
        }

        private static YamlScalar? KeyOf(YamlMapping parent, YamlNode value)
        {
            foreach (var e in parent.Entries)
            {
                if (ReferenceEquals(e.Value, value))
                    return e.Key;
            }

            return null;
        }

        private void Scalar(YamlNode node, SchemaNode s)
        {
            if (node is not YamlScalar scalar)
            {
                Mismatch(node, Expected(s));
                return;
            }

            var ok = s.Tag switch
            {
                SchemaTag.String or SchemaTag.Enum => scalar.Kind == ScalarKind.String,
                SchemaTag.Integer => scalar.Kind == ScalarKind.Int || (scalar.Kind == ScalarKind.Float && scalar.AsInt64() is not null),
                SchemaTag.Number => scalar.Kind is ScalarKind.Int or ScalarKind.Float,
                SchemaTag.Boolean => scalar.Kind == ScalarKind.Bool,
                SchemaTag.IntOrString => scalar.Kind is ScalarKind.String or ScalarKind.Int || (scalar.Kind == ScalarKind.Float && scalar.AsInt64() is not null),
                SchemaTag.Quantity => scalar.Kind is ScalarKind.String or ScalarKind.Int or ScalarKind.Float,
                _ => true,
            };
            if (!ok)
            {
                Mismatch(node, Expected(s));
                return;
            }

            if (s.Tag == SchemaTag.Quantity && scalar.Kind == ScalarKind.String && !Quantity.IsValid(scalar.Text))
            {
                sink.Add(new SchemaViolation(SchemaProblem.InvalidValue, node, $"{node.Path}: '{scalar.Text}' is not a quantity (a number with an optional suffix such as 500m, 128Mi, 1.5Gi)"));
            }
            else if (s.Tag == SchemaTag.Enum && s.EnumValues is { } values && !values.Contains(scalar.Text) && !(s.EmptyIsUnset && scalar.Text.Length == 0))
            {
                var message = $"{node.Path}: '{scalar.Text}' is not one of {string.Join(", ", s.EnumOrder.Select(v => v.Length == 0 ? "\"\"" : v))}";
                if (FieldSuggestions.Closest(scalar.Text, s.EnumOrder) is { } suggestion)
                    message += $"; did you mean '{suggestion}'?";
                sink.Add(new SchemaViolation(SchemaProblem.InvalidValue, node, message));
            }
        }

        private void Mismatch(YamlNode node, string expected)
        {
            var got = node switch
            {
                YamlMapping => "an object",
                YamlSequence => "a list",
                YamlScalar s => Describe(s),
                _ => "a value",
            };
            sink.Add(new SchemaViolation(SchemaProblem.InvalidType, node, $"{node.Path}: expected {expected}, got {got}"));
        }

        private void DuplicateKeys(YamlSequence seq, SchemaNode s)
        {
            if (seq.Count < 2)
                return;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in seq.Items)
            {
                if (item is not YamlMapping m)
                    continue;
                var key = string.Empty;
                var complete = true;
                foreach (var k in s.MapKeys)
                {
                    var text = m.GetScalar(k) is { IsNull: false } v ? v.Text : k == "protocol" ? "TCP" : null;
                    if (text is null)
                    {
                        complete = false;
                        break;
                    }

                    key += text + "\u0000";
                }

                if (!complete || seen.Add(key))
                    continue;
                var what = string.Join(", ", s.MapKeys.Select(k => $"{k}={(m.GetScalar(k) is { IsNull: false } v ? v.Text : "TCP (default)")}"));
                var at = (YamlNode?)m.GetScalar(s.MapKeys[0]) ?? m;
                sink.Add(new SchemaViolation(SchemaProblem.DuplicateListKey, at, $"{item.Path}: duplicate entry with {what} in {seq.Path}, whose entries are identified by {string.Join(" and ", s.MapKeys)}"));
            }
        }

        private void DuplicateItems(YamlSequence seq)
        {
            if (seq.Count < 2)
                return;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in seq.Items)
            {
                if (item is YamlScalar { IsNull: false } s && !seen.Add(s.Text))
                    sink.Add(new SchemaViolation(SchemaProblem.DuplicateListKey, item, $"{item.Path}: duplicate value '{s.Text}' in the set {seq.Path}"));
            }
        }

        private static string Expected(SchemaNode s) => s.Tag switch
        {
            SchemaTag.String => "a string",
            SchemaTag.Enum => "a string",
            SchemaTag.Integer => "an integer",
            SchemaTag.Number => "a number",
            SchemaTag.Boolean => "a boolean",
            SchemaTag.IntOrString => "an integer or a string",
            SchemaTag.Quantity => "a quantity (string or number)",
            SchemaTag.Array => "a list",
            SchemaTag.Map => "a map",
            SchemaTag.Object => "an object",
            _ => "a value",
        };

        /// <summary>What YAML 1.1 made of a plain scalar, with the surprises named.</summary>
        private static string Describe(YamlScalar s)
        {
            var text = s.Text;
            switch (s.Kind)
            {
                case ScalarKind.Bool:
                    return text is "true" or "false"
                        ? $"boolean {text}"
                        : $"boolean {(s.IsTrue ? "true" : "false")} (YAML 1.1 reads unquoted '{text}' as a boolean; quote it: \"{text}\")";
                case ScalarKind.Int:
                    var value = s.AsInt64();
                    if (text.Length > 1 && text.TrimStart('-', '+').StartsWith('0') && text.TrimStart('-', '+') is var digits && digits.Length > 1 && char.IsAsciiDigit(digits[1]))
                        return $"integer {value?.ToString(CultureInfo.InvariantCulture)} (YAML 1.1 reads '{text}' as an octal number; quote it: \"{text}\")";
                    return value?.ToString(CultureInfo.InvariantCulture) == text ? $"integer {text}" : $"integer {value?.ToString(CultureInfo.InvariantCulture)} (YAML 1.1 reads '{text}' as a number; quote it: \"{text}\")";
                case ScalarKind.Float:
                    return $"number {text} (YAML 1.1 reads '{text}' as a floating-point number{(text.Contains('e', StringComparison.OrdinalIgnoreCase) ? " in exponent notation" : string.Empty)}; quote it if a string was meant)";
                default:
                    return $"string \"{text}\"";
            }
        }
    }
}

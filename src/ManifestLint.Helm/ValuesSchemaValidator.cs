using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm;

/// <summary>
/// values.schema.json checks (JSON Schema draft-07 keywords, local <c>$ref</c> included) over coalesced values, chart by chart as Helm does,
/// each violation worded as Helm 3.21's validator words it and located at the values line it came from.
/// </summary>
internal static class ValuesSchemaValidator
{
    public static RenderProblem? Validate(HelmChart chart, GoMap values)
    {
        var text = new StringBuilder();
        ValueOrigin? first = null;
        Collect(chart, values, text, ref first);
        if (text.Length == 0)
            return null;
        var message = "values don't meet the specifications of the schema(s) in the following chart(s):\n" + text.ToString().TrimEnd('\n');
        return new RenderProblem(RenderProblemKind.Values, message, first?.Source ?? ChartLoader.Join(chart.SourcePath, "values.schema.json"), first?.Line ?? 0, first?.Column ?? 0);
    }

    private static void Collect(HelmChart chart, GoMap values, StringBuilder text, ref ValueOrigin? first)
    {
        if (chart.Schema is { } schemaText)
        {
            var violations = new List<(string Pointer, string Message, ValueOrigin? Origin)>();
            try
            {
                using var schema = JsonDocument.Parse(schemaText);
                Check(schema.RootElement, schema.RootElement, values, string.Empty, null, violations, depth: 0);
            }
            catch (JsonException ex)
            {
                violations.Add((string.Empty, "invalid values.schema.json: " + ex.Message, null));
            }

            if (violations.Count > 0)
            {
                text.Append(chart.Name).Append(":\n");
                foreach (var (pointer, message, origin) in violations)
                {
                    text.Append("- at '").Append(pointer).Append("': ").Append(message).Append('\n');
                    first ??= origin;
                }
            }
        }

        foreach (var sub in chart.Subcharts)
        {
            if (values.TryGetValue(sub.Name, out var raw) && raw is GoMap subValues)
                Collect(sub, subValues, text, ref first);
        }
    }

    private static void Check(JsonElement root, JsonElement schema, object? value, string pointer, ValueOrigin? origin, List<(string, string, ValueOrigin?)> violations, int depth)
    {
        if (depth > 64)
        {
            violations.Add((pointer, "schema nests deeper than 64 levels (recursive $ref?)", origin));
            return;
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } refText)
        {
            if (Resolve(root, refText) is { } target)
                Check(root, target, value, pointer, origin, violations, depth + 1);
            else
                violations.Add((pointer, $"cannot resolve $ref '{refText}' (only references inside values.schema.json are followed, offline)", origin));
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            violations.Add((pointer, "false schema", origin));
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
            return;
        if (schema.TryGetProperty("type", out var type))
        {
            var wanted = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString() ?? string.Empty).ToList() : [type.GetString() ?? string.Empty];
            var actual = TypeOf(value);
            if (!wanted.Any(w => w == actual || (w == "number" && actual == "integer")))
            {
                violations.Add((pointer, $"got {actual}, want {string.Join(" or ", wanted)}", origin));
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var en) && en.ValueKind == JsonValueKind.Array && !en.EnumerateArray().Any(e => JsonEquals(e, value)))
            violations.Add((pointer, "value must be one of " + string.Join(", ", en.EnumerateArray().Select(e => e.GetRawText())), origin));
        if (schema.TryGetProperty("const", out var cn) && !JsonEquals(cn, value))
            violations.Add((pointer, "value must be " + cn.GetRawText(), origin));
        if (Number(value) is { } n)
        {
            if (schema.TryGetProperty("minimum", out var min) && n < min.GetDouble())
                violations.Add((pointer, $"minimum: got {Show(n)}, want {min.GetRawText()}", origin));
            if (schema.TryGetProperty("maximum", out var max) && n > max.GetDouble())
                violations.Add((pointer, $"maximum: got {Show(n)}, want {max.GetRawText()}", origin));
        }

        if (value is string s)
        {
            var length = s.EnumerateRunes().Count();
            if (schema.TryGetProperty("minLength", out var minL) && length < minL.GetInt32())
                violations.Add((pointer, $"minLength: got {length}, want {minL.GetInt32()}", origin));
            if (schema.TryGetProperty("maxLength", out var maxL) && length > maxL.GetInt32())
                violations.Add((pointer, $"maxLength: got {length}, want {maxL.GetInt32()}", origin));
            if (schema.TryGetProperty("pattern", out var pattern) && pattern.GetString() is { } p && !Regex.IsMatch(s, p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                violations.Add((pointer, $"'{s}' does not match pattern '{p}'", origin));
        }

        if (value is GoMap map)
        {
            if (schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array)
            {
                var missing = req.EnumerateArray().Select(r => r.GetString() ?? string.Empty).Where(r => !map.ContainsKey(r)).ToList();
                if (missing.Count == 1)
                    violations.Add((pointer, $"missing property '{missing[0]}'", origin ?? map.Origin));
                else if (missing.Count > 1)
                    violations.Add((pointer, "missing properties " + string.Join(", ", missing.Select(m => "'" + m + "'")), origin ?? map.Origin));
            }

            var hasProperties = schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object;
            var extra = new List<string>();
            foreach (var key in map.SortedKeys())
            {
                var childPointer = pointer + "/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                if (hasProperties && props.TryGetProperty(key, out var sub))
                    Check(root, sub, map[key], childPointer, map.OriginOf(key), violations, depth + 1);
                else if (schema.TryGetProperty("additionalProperties", out var additional))
                {
                    if (additional.ValueKind == JsonValueKind.False)
                        extra.Add(key);
                    else
                        Check(root, additional, map[key], childPointer, map.OriginOf(key), violations, depth + 1);
                }
            }

            if (extra.Count == 1)
                violations.Add((pointer, $"additional properties '{extra[0]}' not allowed", map.OriginOf(extra[0]) ?? origin));
            else if (extra.Count > 1)
                violations.Add((pointer, "additional properties " + string.Join(", ", extra.Select(e => "'" + e + "'")) + " not allowed", map.OriginOf(extra[0]) ?? origin));
        }

        if (value is GoList list)
        {
            if (schema.TryGetProperty("minItems", out var minI) && list.Count < minI.GetInt32())
                violations.Add((pointer, $"minItems: got {list.Count}, want {minI.GetInt32()}", origin));
            if (schema.TryGetProperty("maxItems", out var maxI) && list.Count > maxI.GetInt32())
                violations.Add((pointer, $"maxItems: got {list.Count}, want {maxI.GetInt32()}", origin));
            if (schema.TryGetProperty("items", out var items) && items.ValueKind is JsonValueKind.Object or JsonValueKind.False)
            {
                for (var i = 0; i < list.Count; i++)
                    Check(root, items, list[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), list.OriginOf(i) ?? origin, violations, depth + 1);
            }
        }

        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in allOf.EnumerateArray())
                Check(root, part, value, pointer, origin, violations, depth + 1);
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array
            && !anyOf.EnumerateArray().Any(part => Passes(root, part, value, depth)))
            violations.Add((pointer, "anyOf failed: the value matches none of the alternatives", origin));
        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array)
        {
            var matches = oneOf.EnumerateArray().Count(part => Passes(root, part, value, depth));
            if (matches != 1)
                violations.Add((pointer, matches == 0 ? "oneOf failed: the value matches none of the alternatives" : $"oneOf failed: the value matches {matches} alternatives, want exactly one", origin));
        }

        if (schema.TryGetProperty("not", out var not) && Passes(root, not, value, depth))
            violations.Add((pointer, "not failed: the value matches a schema it must not match", origin));
        if (schema.TryGetProperty("if", out var condition))
        {
            var branch = Passes(root, condition, value, depth) ? "then" : "else";
            if (schema.TryGetProperty(branch, out var next))
                Check(root, next, value, pointer, origin, violations, depth + 1);
        }

        if (Number(value) is { } number)
        {
            if (schema.TryGetProperty("exclusiveMinimum", out var xmin) && xmin.ValueKind == JsonValueKind.Number && number <= xmin.GetDouble())
                violations.Add((pointer, $"exclusiveMinimum: got {Show(number)}, want > {xmin.GetRawText()}", origin));
            if (schema.TryGetProperty("exclusiveMaximum", out var xmax) && xmax.ValueKind == JsonValueKind.Number && number >= xmax.GetDouble())
                violations.Add((pointer, $"exclusiveMaximum: got {Show(number)}, want < {xmax.GetRawText()}", origin));
            if (schema.TryGetProperty("multipleOf", out var mult) && mult.ValueKind == JsonValueKind.Number && mult.GetDouble() > 0
                && Math.Abs(Math.IEEERemainder(number, mult.GetDouble())) > 1e-9)
                violations.Add((pointer, $"multipleOf: got {Show(number)}, want a multiple of {mult.GetRawText()}", origin));
        }

        if (value is GoMap objectValue)
        {
            if (schema.TryGetProperty("minProperties", out var minP) && objectValue.Count < minP.GetInt32())
                violations.Add((pointer, $"minProperties: got {objectValue.Count}, want {minP.GetInt32()}", origin));
            if (schema.TryGetProperty("maxProperties", out var maxP) && objectValue.Count > maxP.GetInt32())
                violations.Add((pointer, $"maxProperties: got {objectValue.Count}, want {maxP.GetInt32()}", origin));
            if (schema.TryGetProperty("patternProperties", out var patterns) && patterns.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in objectValue.SortedKeys())
                {
                    foreach (var pp in patterns.EnumerateObject())
                    {
                        if (Regex.IsMatch(key, pp.Name, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                            Check(root, pp.Value, objectValue[key], pointer + "/" + key, objectValue.OriginOf(key), violations, depth + 1);
                    }
                }
            }
        }

        if (value is GoList items2 && schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items2)
            {
                if (!seen.Add(GoFormat.FormatValue(item) + "|" + TypeOf(item)))
                {
                    violations.Add((pointer, "uniqueItems: items must be unique", origin));
                    break;
                }
            }
        }
    }

    private static bool Passes(JsonElement root, JsonElement schema, object? value, int depth)
    {
        var found = new List<(string, string, ValueOrigin?)>();
        Check(root, schema, value, string.Empty, null, found, depth + 1);
        return found.Count == 0;
    }

    /// <summary>Resolves a local reference (<c>#</c>, <c>#/definitions/x</c>, <c>#/$defs/x</c>, any JSON pointer into the document).</summary>
    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith('#'))
            return null;
        var current = root;
        foreach (var raw in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out var next))
                current = next;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
                current = current[index];
            else
                return null;
        }

        return current;
    }

    private static string TypeOf(object? value) => value switch
    {
        null => "null",
        bool => "boolean",
        string => "string",
        GoMap => "object",
        GoList => "array",
        long or int or GoInt64 => "integer",
        double d => d == Math.Floor(d) && !double.IsInfinity(d) ? "integer" : "number",
        _ => "object",
    };

    private static double? Number(object? value) => value switch
    {
        long l => l,
        int i => i,
        GoInt64 g => g.Value,
        double d => d,
        _ => null,
    };

    private static string Show(double n) => n.ToString("R", CultureInfo.InvariantCulture);

    private static bool JsonEquals(JsonElement e, object? value) => e.ValueKind switch
    {
        JsonValueKind.Null => value is null,
        JsonValueKind.True => value is true,
        JsonValueKind.False => value is false,
        JsonValueKind.String => value is string s && s == e.GetString(),
        JsonValueKind.Number => Number(value) is { } n && n == e.GetDouble(),
        _ => false,
    };
}

using System.Globalization;
using System.Numerics;
using System.Text;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Encoding;

/// <summary>A value as Go's <c>encoding/json</c> sees it, with the origins of the entries it came from.</summary>
internal abstract record JsonNode;

internal sealed record JsonNull : JsonNode
{
    public static readonly JsonNull Instance = new();
}

internal sealed record JsonBool(bool Value) : JsonNode;

/// <summary>A number with the exact text Go's encoder writes for it.</summary>
internal sealed record JsonNumber(string Text) : JsonNode;

internal sealed record JsonString(string Value) : JsonNode;

internal sealed record JsonArray(IReadOnlyList<(JsonNode Value, ValueOrigin? Origin)> Items) : JsonNode;

/// <summary>Members in the order Go writes them (sorted for maps, declaration order for structs).</summary>
internal sealed record JsonObject(IReadOnlyList<(string Key, JsonNode Value, ValueOrigin? Origin)> Members) : JsonNode;

/// <summary>Builds <see cref="JsonNode"/> trees from Go values the way <c>json.Marshal</c> walks them.</summary>
internal static class JsonTree
{
    private const int MaxDepth = 1000;
    private const int MaxNodes = 1_000_000;

    /// <summary>
    /// The tree <c>json.Marshal</c> walks, for <see cref="GoJson"/> or, with <paramref name="forYaml"/>, for
    /// <see cref="GoYamlWriter"/>. For JSON, map keys are in Go's order and text that is not valid UTF-8 (bytes
    /// carried as lone surrogates, see <c>SprigExtraGoBytes</c>) is kept, so the writer can tell invalid bytes (the
    /// escape <c>\ufffd</c>) from a real U+FFFD. For YAML such text becomes U+FFFD, as the round trip through JSON
    /// leaves it, and map keys are left unsorted: the YAML writer puts them in yaml.v2's own order.
    /// </summary>
    public static JsonNode FromValue(object? value, bool forYaml)
    {
        var budget = MaxNodes;
        return Build(value, 0, !forYaml, ref budget);
    }

    // keep: for JSON (keep invalid UTF-8, sort keys); otherwise for YAML.
    private static JsonNode Build(object? value, int depth, bool keep, ref int budget)
    {
        // Maps and lists can share entries, so a small template can make a value whose tree is astronomically large.
        if (--budget < 0)
            throw new InvalidOperationException("the value is too large to encode (more than " + MaxNodes.ToString(CultureInfo.InvariantCulture) + " values)");
        if (depth > MaxDepth)
            throw new GoJsonException("json: unsupported value: encountered a cycle via " + GoFormat.TypeName(value));
        switch (value)
        {
            case null:
                return JsonNull.Instance;
            case string s:
                return new JsonString(keep ? s : ValidText(s));
            case TrackedString ts:
                return new JsonString(keep ? ts.Text : ValidText(ts.Text));
            case bool b:
                return new JsonBool(b);
            case long l:
                return new JsonNumber(l.ToString(CultureInfo.InvariantCulture));
            case int i:
                return new JsonNumber(i.ToString(CultureInfo.InvariantCulture));
            case GoInt64 g:
                return new JsonNumber(g.Value.ToString(CultureInfo.InvariantCulture));
            case GoNamedInt named:
                return new JsonNumber(named.Value.ToString(CultureInfo.InvariantCulture));
            case double d:
                return new JsonNumber(FloatText(d));
            case float f:
                return new JsonNumber(FloatText(f));
            case byte or sbyte or short or ushort or uint or ulong:
                return new JsonNumber(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            case byte[] bytes:
                return new JsonString(Convert.ToBase64String(bytes));
            case Complex:
                throw new GoJsonException("json: unsupported type: complex128");
            case GoList { IsNil: true }:
            case GoMap { IsNil: true }:
                return JsonNull.Instance;
            case GoList list:
                {
                    var items = new List<(JsonNode, ValueOrigin?)>(list.Count);
                    for (var k = 0; k < list.Count; k++)
                        items.Add((Build(list[k], depth + 1, keep, ref budget), list.OriginOf(k)));
                    return new JsonArray(items);
                }

            case GoMap map:
                {
                    var keys = map.Keys.ToArray();
                    if (keep)
                        Array.Sort(keys, Utf8Order.Instance);
                    var members = new List<(string, JsonNode, ValueOrigin?)>(keys.Length);
                    foreach (var key in keys)
                        members.Add((keep ? key : ValidText(key), Build(map[key], depth + 1, keep, ref budget), map.OriginOf(key)));
                    return new JsonObject(members);
                }

            case IGoMapObject named:
                // A named map type (Helm's engine.files) encodes as its map: []byte values become base64 strings.
                return Build(named.Entries, depth, keep, ref budget);
            case ChartMetadata chart:
                {
                    // Struct fields keep their declaration order in Go's JSON.
                    var members = new List<(string, JsonNode, ValueOrigin?)>();
                    foreach (var (key, v) in chart.ToJsonFields())
                        members.Add((key, Build(v, depth + 1, keep, ref budget), null));
                    return new JsonObject(members);
                }

            case GoTime time:
                // time.Time's MarshalJSON writes RFC 3339 with nanoseconds.
                return new JsonString(time.Format("2006-01-02T15:04:05.999999999Z07:00"));
            case SemverVersion version:
                return new JsonString(version.ToString());
            case IGoJsonValue custom:
                {
                    var replacement = custom.ToJsonValue();
                    if (custom.PreserveOrder && replacement is GoMap fields)
                    {
                        var members = new List<(string, JsonNode, ValueOrigin?)>(fields.Count);
                        foreach (var (key, v) in fields)
                            members.Add((key, Build(v, depth + 1, keep, ref budget), fields.OriginOf(key)));
                        return new JsonObject(members);
                    }

                    return Build(replacement, depth + 1, keep, ref budget);
                }

            default:
                throw new GoJsonException("json: unsupported type: " + GoFormat.TypeName(value));
        }
    }

    /// <summary>Go's encoder: shortest float text, exponent form below 1e-6 and from 1e21, <c>e-7</c> not <c>e-07</c>.</summary>
    public static string FloatText(double d, int bits = 64)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
            throw new GoJsonException("json: unsupported value: " + GoFormat.FormatFloat(d, 'g', -1));
        var abs = Math.Abs(d);
        // Whole numbers (ports, replicas, user ids) are most numbers in values files; they print as integers.
        if (bits == 64 && abs < 1e15 && d == Math.Floor(d) && !(d == 0 && double.IsNegative(d)))
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        var exponent = abs != 0 && (abs < 1e-6 || abs >= 1e21);
        string text;
        if (bits == 32)
        {
            text = GoFloat32Text.FormatShortest((float)d);
            if (!exponent && text.Contains('e', StringComparison.Ordinal))
                text = ((decimal)(float)d).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            text = GoFormat.FormatFloat(d, exponent ? 'e' : 'f', -1);
        }

        if (exponent)
        {
            var n = text.Length;
            if (n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0')
                text = text[..(n - 2)] + text[n - 1];
        }

        return text;
    }

    /// <summary>Go strings are bytes; text that is not valid UTF-8 (here: lone surrogates) is written as U+FFFD.</summary>
    public static string ValidText(string s)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var lone = (char.IsHighSurrogate(c) && !(i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))) ||
                       (char.IsLowSurrogate(c) && !(i > 0 && char.IsHighSurrogate(s[i - 1])));
            if (lone)
            {
                sb ??= new StringBuilder(s, 0, i, s.Length);
                sb.Append('\uFFFD');
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? s;
    }
}

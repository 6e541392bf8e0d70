using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ManifestLint.Core.Rules;

namespace ManifestLint.Core.Baselines;

/// <summary>
/// A baseline file: the findings a team has accepted for now, keyed by <see cref="Finding.Fingerprint"/>
/// (rule, file, resource, YAML path, message; never line numbers), so CI fails only on new findings.
/// Written and read with <see cref="Utf8JsonWriter"/>/<see cref="JsonDocument"/> (no reflection).
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    public Baseline(ImmutableArray<BaselineEntry> entries) => Entries = entries;

    public ImmutableArray<BaselineEntry> Entries { get; }

    /// <summary>A baseline of the unsuppressed findings given (suppressed ones need no baseline).</summary>
    public static Baseline From(IEnumerable<Finding> findings) =>
        new([.. findings.Where(f => !f.IsSuppressed)
            .Select(f => new BaselineEntry(f.Fingerprint, f.RuleId, f.Span.Path, f.Subject?.Key.ToString(), f.YamlPath, f.Message))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)]);

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteString("tool", "manifestlint");
            w.WriteStartArray("findings");
            foreach (var e in Entries)
            {
                w.WriteStartObject();
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteString("ruleId", e.RuleId);
                w.WriteString("path", e.Path);
                if (e.Resource is not null)
                    w.WriteString("resource", e.Resource);
                if (e.YamlPath is not null)
                    w.WriteString("yamlPath", e.YamlPath);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Reads a baseline file; throws <see cref="BaselineFormatException"/> with a clear message on bad input.</summary>
    public static Baseline Parse(string json, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw new BaselineFormatException($"{path}: not a ManifestLint baseline (expected an object with a \"findings\" array)");
            if (root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() > FormatVersion)
                throw new BaselineFormatException($"{path}: baseline format version {v.GetInt32()} is newer than this ManifestLint supports ({FormatVersion})");
            var entries = ImmutableArray.CreateBuilder<BaselineEntry>();
            var i = 0;
            foreach (var item in findings.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("fingerprint", out var fp) || fp.ValueKind != JsonValueKind.String)
                    throw new BaselineFormatException($"{path}: findings[{i}] has no \"fingerprint\" string");
                entries.Add(new BaselineEntry(fp.GetString()!, Str(item, "ruleId") ?? string.Empty, Str(item, "path") ?? string.Empty,
                    Str(item, "resource"), Str(item, "yamlPath"), Str(item, "message") ?? string.Empty));
                i++;
            }

            return new Baseline(entries.ToImmutable());
        }
        catch (JsonException e)
        {
            throw new BaselineFormatException($"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: invalid JSON in baseline: {e.Message}", e);
        }
    }

    /// <summary>
    /// Splits findings into new ones and ones the baseline accepts (marked suppressed, kind external), and
    /// lists the baseline entries that no longer occur. Each entry accepts one finding, so a second copy of
    /// the same problem is new.
    /// </summary>
    public BaselineComparison Compare(ImmutableArray<Finding> findings, string baselinePath)
    {
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in Entries)
            remaining[e.Fingerprint] = remaining.GetValueOrDefault(e.Fingerprint) + 1;
        var result = ImmutableArray.CreateBuilder<Finding>(findings.Length);
        var states = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (!f.IsSuppressed && remaining.TryGetValue(f.Fingerprint, out var n) && n > 0)
            {
                remaining[f.Fingerprint] = n - 1;
                states[f.Fingerprint] = true;
                result.Add(f with { Suppression = new Suppression(SuppressionKind.External, $"accepted in baseline {baselinePath}", null) });
            }
            else
            {
                states.TryAdd(f.Fingerprint, false);
                result.Add(f);
            }
        }

        var absent = ImmutableArray.CreateBuilder<BaselineEntry>();
        var left = new Dictionary<string, int>(remaining, StringComparer.Ordinal);
        foreach (var e in Entries)
        {
            if (left.TryGetValue(e.Fingerprint, out var n) && n > 0)
            {
                absent.Add(e);
                left[e.Fingerprint] = n - 1;
            }
        }

        return new BaselineComparison(result.ToImmutable(), absent.ToImmutable(), states.ToImmutableDictionary(StringComparer.Ordinal));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

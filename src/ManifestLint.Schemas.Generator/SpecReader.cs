using System.IO.Compression;
using System.Text.Json;

namespace ManifestLint.Schemas.Generator;

/// <summary>One Kubernetes minor's API as read from a swagger spec or a definitions-only file.</summary>
internal sealed class SpecReader
{
    private SpecReader(int minor, JsonDocument document, bool hasPaths)
    {
        Minor = minor;
        Document = document;
        HasPaths = hasPaths;
    }

    public int Minor { get; }

    public JsonDocument Document { get; }

    public bool HasPaths { get; }

    public JsonElement Definitions => Document.RootElement.GetProperty("definitions");

    public static SpecReader Load(string file, int minor)
    {
        using var stream = File.OpenRead(file);
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        var doc = JsonDocument.Parse(gz, new JsonDocumentOptions { MaxDepth = 256 });
        return new SpecReader(minor, doc, doc.RootElement.TryGetProperty("paths", out _));
    }

    public IEnumerable<string> DefinitionNames()
    {
        foreach (var p in Definitions.EnumerateObject())
            yield return p.Name;
    }

    /// <summary>
    /// REST resource (plural) and scope per group/version/kind from the spec's paths: a path
    /// <c>/api[s]/…/[namespaces/{namespace}/]&lt;plural&gt;</c> whose list or create operation names the kind.
    /// </summary>
    public Dictionary<(string Group, string Version, string Kind), (string Plural, bool Namespaced)> Resources()
    {
        var result = new Dictionary<(string, string, string), (string, bool)>();
        if (!HasPaths)
            return result;
        foreach (var path in Document.RootElement.GetProperty("paths").EnumerateObject())
        {
            var segments = path.Name.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length < 2 || segments[^1].StartsWith('{') || segments.Contains("watch") || segments.Any(s => s == "{name}"))
                continue;
            var namespaced = segments.Contains("{namespace}");
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Value.ValueKind != JsonValueKind.Object
                    || !op.Value.TryGetProperty("x-kubernetes-action", out var action)
                    || action.GetString() is not ("list" or "post")
                    || !op.Value.TryGetProperty("x-kubernetes-group-version-kind", out var gvk))
                    continue;
                var key = (gvk.GetProperty("group").GetString() ?? string.Empty, gvk.GetProperty("version").GetString() ?? string.Empty, gvk.GetProperty("kind").GetString() ?? string.Empty);
                // Namespaced kinds also have a cluster-wide list path; the namespaced path wins.
                if (!result.TryGetValue(key, out var known) || (namespaced && !known.Item2))
                    result[key] = (segments[^1], namespaced);
            }
        }

        return result;
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestLint.Testing;

namespace ManifestLint.Tests;

/// <summary>Makes CLI output independent of the machine it ran on, so snapshots compare across clones.</summary>
public static class SnapshotText
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Replaces the absolute repository root (as a file URI or a path) with a placeholder.</summary>
    public static string Normalize(string text)
    {
        var root = RepositoryPaths.Root.TrimEnd('/');
        var uri = new Uri(root + "/").AbsoluteUri;
        return text.Replace(uri, "file:///REPOSITORY/", StringComparison.Ordinal)
            .Replace(root, "/REPOSITORY", StringComparison.Ordinal);
    }

    /// <summary>
    /// SARIF for an end-to-end snapshot: machine paths normalised, and each driver rule cut down to its id
    /// and default level. The rules' prose (descriptions, help) is the rules' and the SARIF reporter's to
    /// test; here it would make every wording change of any rule break every scenario's snapshot.
    /// </summary>
    public static string Sarif(string sarif)
    {
        var log = JsonNode.Parse(Normalize(sarif))!;
        foreach (var run in log["runs"]!.AsArray())
        {
            var rules = run!["tool"]?["driver"]?["rules"]?.AsArray();
            if (rules is null)
                continue;
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i]!;
                rules[i] = new JsonObject
                {
                    ["id"] = rule["id"]!.GetValue<string>(),
                    ["level"] = rule["defaultConfiguration"]?["level"]?.GetValue<string>(),
                };
            }
        }

        return log.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}

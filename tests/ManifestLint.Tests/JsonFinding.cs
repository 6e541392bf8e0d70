using System.Text.Json;

namespace ManifestLint.Tests;

/// <summary>The parts of a JSON-format finding the end-to-end tests look at.</summary>
public sealed record JsonFinding(string RuleId, string Severity, string Path, int Line, int Column, bool Suppressed, string Message)
{
    /// <summary>error 3, warning 2, note 1: the order <c>--fail-on</c> compares in.</summary>
    public int Rank => Severity switch
    {
        "error" => 3,
        "warning" => 2,
        _ => 1,
    };

    public static JsonFinding From(JsonElement e) => new(
        e.GetProperty("ruleId").GetString()!,
        e.GetProperty("severity").GetString()!,
        e.GetProperty("path").GetString()!,
        e.GetProperty("startLine").GetInt32(),
        e.GetProperty("startColumn").GetInt32(),
        e.GetProperty("suppressed").ValueKind != JsonValueKind.Null,
        e.GetProperty("message").GetString()!);
}

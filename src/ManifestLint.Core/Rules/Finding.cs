using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ManifestLint.Core.Model;
using ManifestLint.Core.Text;

namespace ManifestLint.Core.Rules;

/// <summary>
/// One problem found. <see cref="Subject"/> is the resource a user must edit (null only for input
/// problems that precede resources, such as invalid YAML). <see cref="YamlPath"/> is the path of the
/// offending node inside its document and feeds the fingerprint, which never includes line numbers.
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string Message,
    SourceSpan Span,
    Resource? Subject,
    string? YamlPath,
    ImmutableArray<RelatedLocation> Related,
    Suppression? Suppression = null)
{
    /// <summary>The scenario (values set) a chart was rendered with, when a chart was linted more than once.</summary>
    public string? Scenario { get; init; }

    /// <summary>
    /// Stable identity of the finding: sha256 of rule id | file | resource key | YAML path | message | scenario.
    /// No line numbers, so edits elsewhere in a file never change it; messages never contain positions.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var key = string.Join('|', RuleId, Span.Path, Subject?.Key.ToString() ?? string.Empty, YamlPath ?? string.Empty, Message, Scenario ?? string.Empty);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }
    }

    public bool IsSuppressed => Suppression is not null;
}

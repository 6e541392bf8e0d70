using ManifestLint.Core.Text;

namespace ManifestLint.Core.Rules;

/// <summary>Why a finding is accepted: an in-source annotation (with its location) or a baseline entry.</summary>
public sealed record Suppression(SuppressionKind Kind, string Justification, SourceSpan? Location);

public enum SuppressionKind
{
    InSource,
    External,
}

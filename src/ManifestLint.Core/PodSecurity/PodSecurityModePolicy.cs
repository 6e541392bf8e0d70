using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.PodSecurity;

/// <summary>
/// The level and version one Pod Security Admission mode applies in a namespace, with the label nodes that set them.
/// </summary>
/// <param name="Mode">Enforce, warn or audit.</param>
/// <param name="Level">The effective level (an invalid enforce value counts as restricted, an invalid warn or audit value as privileged, as Pod Security Admission does).</param>
/// <param name="Version">The effective policy version (an invalid value counts as latest).</param>
/// <param name="LevelNode">The <c>pod-security.kubernetes.io/&lt;mode&gt;</c> label value, null when the level is not from a label.</param>
/// <param name="VersionNode">The <c>pod-security.kubernetes.io/&lt;mode&gt;-version</c> label value, if any.</param>
/// <param name="Problem">Why a label value was not understood, or null.</param>
public sealed record PodSecurityModePolicy(
    PodSecurityMode Mode,
    PodSecurityLevel Level,
    PolicyVersion Version,
    YamlScalar? LevelNode,
    YamlScalar? VersionNode,
    string? Problem = null)
{
    /// <summary><c>restricted:v1.29</c>, the way Pod Security Admission writes a policy.</summary>
    public string Describe() => $"{Level.Name()}:{Version}";
}

namespace ManifestLint.Core.PodSecurity;

/// <summary>The three Pod Security Standards profiles, from least to most restrictive (the order is meaningful).</summary>
public enum PodSecurityLevel
{
    Privileged,
    Baseline,
    Restricted,
}

namespace ManifestLint.Core.PodSecurity;

/// <summary>The label spelling of <see cref="PodSecurityLevel"/> values.</summary>
public static class PodSecurityLevels
{
    /// <summary><c>privileged</c>, <c>baseline</c> or <c>restricted</c>.</summary>
    public static string Name(this PodSecurityLevel level) => level switch
    {
        PodSecurityLevel.Baseline => "baseline",
        PodSecurityLevel.Restricted => "restricted",
        _ => "privileged",
    };

    /// <summary>Parses a level exactly as the labels spell it (lower case).</summary>
    public static bool TryParse(string? text, out PodSecurityLevel level)
    {
        switch (text)
        {
            case "privileged":
                level = PodSecurityLevel.Privileged;
                return true;
            case "baseline":
                level = PodSecurityLevel.Baseline;
                return true;
            case "restricted":
                level = PodSecurityLevel.Restricted;
                return true;
            default:
                level = PodSecurityLevel.Privileged;
                return false;
        }
    }
}

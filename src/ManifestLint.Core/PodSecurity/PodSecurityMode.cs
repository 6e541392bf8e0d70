namespace ManifestLint.Core.PodSecurity;

/// <summary>The Pod Security Admission modes a namespace label can set.</summary>
public enum PodSecurityMode
{
    /// <summary>Violations reject the pod.</summary>
    Enforce,

    /// <summary>Violations are returned to the client as warnings.</summary>
    Warn,

    /// <summary>Violations are recorded in the audit log.</summary>
    Audit,
}

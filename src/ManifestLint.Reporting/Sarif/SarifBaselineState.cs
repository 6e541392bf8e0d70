namespace ManifestLint.Reporting.Sarif;

/// <summary>SARIF <c>result.baselineState</c>: how a result relates to the baseline the run was compared with.</summary>
public enum SarifBaselineState
{
    New,
    Unchanged,
    Updated,
    Absent,
}

namespace ManifestLint.Core.Rules;

/// <summary>Severity of a finding; ordered so that a larger value is more severe.</summary>
public enum Severity
{
    Note = 1,
    Warning = 2,
    Error = 3,
}

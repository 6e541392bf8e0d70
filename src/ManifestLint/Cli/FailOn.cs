namespace ManifestLint.Cli;

/// <summary>The lowest severity that makes <c>lint</c> exit with <see cref="ExitCodes.FindingsAtOrAboveThreshold"/>.</summary>
public enum FailOn
{
    Error,
    Warning,
    Note,
    None,
}

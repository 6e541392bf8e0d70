namespace ManifestLint.Cli;

/// <summary>The report formats of <c>lint --format</c>.</summary>
public enum OutputFormat
{
    Text,
    Json,
    Sarif,
    GitHub,
}

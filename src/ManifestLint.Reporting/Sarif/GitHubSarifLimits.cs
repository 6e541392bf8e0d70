namespace ManifestLint.Reporting.Sarif;

/// <summary>GitHub code scanning's upload limits; a file beyond any of them is rejected or truncated by GitHub.</summary>
public static class GitHubSarifLimits
{
    public const int MaxResultsPerRun = 25_000;

    public const int MaxRulesPerRun = 25_000;

    public const int MaxTagsPerRule = 20;

    /// <summary>10 MB, measured gzip-compressed.</summary>
    public const long MaxGzipBytes = 10L * 1024 * 1024;
}

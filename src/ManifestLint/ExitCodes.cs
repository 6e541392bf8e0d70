namespace ManifestLint;

/// <summary>The process exit codes of <c>manifestlint</c>; the README's table lists the same values.</summary>
public static class ExitCodes
{
    /// <summary>The command ran and nothing reached the <c>--fail-on</c> threshold.</summary>
    public const int Success = 0;

    /// <summary>
    /// Unsuppressed findings at or above <c>--fail-on</c>. Unreadable or invalid input is reported as findings, so it
    /// counts too, and so does an unexpected failure on one input (a file, chart, template or values file, or one rule
    /// on one resource): an <c>internal-error</c> finding located there, while every other input is still linted.
    /// </summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>The command line or the configuration file is wrong (unknown option or rule id, invalid YAML in the config, missing path), or the report cannot be written.</summary>
    public const int UsageError = 2;

    /// <summary>A bug outside any single input (discovery, the suppression step, a reporter): no report is produced, or a report file is left as it was. One line on stderr (the stack trace with <c>MANIFESTLINT_DEBUG=1</c>).</summary>
    public const int InternalError = 3;
}

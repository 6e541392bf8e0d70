namespace ManifestLint.Linting;

/// <summary>Progress of the parse stage, for a terminal progress line.</summary>
public sealed record LintProgress(int FilesDone, int FilesTotal);

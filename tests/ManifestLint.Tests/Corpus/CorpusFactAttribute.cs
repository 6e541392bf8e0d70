using ManifestLint.Testing;

namespace ManifestLint.Tests.Corpus;

/// <summary>A fact skipped, with the reason in the output, when <c>../shared/charts-corpus</c> is not beside the repository.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(Folder))
            Skip = $"Skipped: the chart corpus was not found at {Folder} (../shared/charts-corpus beside the repository root).";
    }

    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "charts-corpus"));
}

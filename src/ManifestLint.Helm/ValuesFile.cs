namespace ManifestLint.Helm;

/// <summary>A <c>--values</c> file: its repository-relative path (the origin findings point at) and its text.</summary>
public sealed record ValuesFile(string Path, string Text)
{
    /// <summary>Reads a values file from disk, naming it relative to <paramref name="repositoryRoot"/> with forward slashes.</summary>
    public static ValuesFile Read(string fullPath, string repositoryRoot) =>
        new(System.IO.Path.GetRelativePath(repositoryRoot, fullPath).Replace('\\', '/'), File.ReadAllText(fullPath));
}

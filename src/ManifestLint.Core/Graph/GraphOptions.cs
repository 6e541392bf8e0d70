namespace ManifestLint.Core.Graph;

/// <summary>Facts about the run that graph-aware rules need.</summary>
/// <param name="Complete">The user says the input holds everything deployed (so absence of a protective object is a finding everywhere).</param>
public sealed record GraphOptions(bool Complete = false)
{
    public static GraphOptions Default { get; } = new();
}

using System.Collections.Immutable;

namespace ManifestLint.Helm;

/// <summary>A dependency declared in Chart.yaml (or requirements.yaml for apiVersion v1).</summary>
/// <param name="Name">The chart name it refers to.</param>
/// <param name="Version">The version range asked for.</param>
/// <param name="Repository">Where it comes from (never contacted: charts/ must already hold it).</param>
/// <param name="Condition">Comma-separated values paths; the first that holds a bool decides.</param>
/// <param name="Tags">Tags under <c>.Values.tags</c> that enable or disable it.</param>
/// <param name="Alias">The name the subchart takes in this parent.</param>
/// <param name="ImportValues">Entries of <c>import-values</c>: strings or maps with <c>child</c> and <c>parent</c>.</param>
public sealed record ChartDependency(
    string Name,
    string Version,
    string Repository,
    string Condition,
    ImmutableArray<string> Tags,
    string Alias,
    ImmutableArray<object?> ImportValues)
{
    /// <summary>The name the subchart is known by in its parent (the alias when there is one).</summary>
    public string EffectiveName => Alias.Length > 0 ? Alias : Name;
}

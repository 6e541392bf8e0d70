using System.Collections.Immutable;
using ManifestLint.Core.Rules;

namespace ManifestLint.Discovery;

/// <summary>What a walk of the input paths found, in a deterministic (ordinal path) order.</summary>
public sealed record DiscoveryResult(ImmutableArray<ManifestInput> Files, ImmutableArray<ChartInput> Charts, ImmutableArray<Finding> Problems)
{
    /// <summary>Folders holding a kustomization; the pipeline decides which are linted roots and which files they consume.</summary>
    public ImmutableArray<KustomizationInput> Kustomizations { get; init; } = [];
}

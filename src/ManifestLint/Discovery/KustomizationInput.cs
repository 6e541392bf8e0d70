namespace ManifestLint.Discovery;

/// <summary>A Kustomize root candidate: a folder holding <c>kustomization.yaml</c>, <c>kustomization.yml</c> or <c>Kustomization</c>.</summary>
/// <param name="FullPath">Absolute path of the folder.</param>
/// <param name="Path">Path relative to the repository root, with forward slashes.</param>
public sealed record KustomizationInput(string FullPath, string Path);

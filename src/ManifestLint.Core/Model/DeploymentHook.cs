using System.Collections.Immutable;

namespace ManifestLint.Core.Model;

/// <summary>
/// A resource that a deploy tool runs around a release instead of keeping it running: a Helm hook
/// (<c>helm.sh/hook</c>: pre-install, post-upgrade, test, ...) or an Argo CD hook (<c>argocd.argoproj.io/hook</c>:
/// PreSync, Sync, PostSync, SyncFail, PostDelete, Skip). Hook pods and Jobs run once and go: they are not
/// Service backends and not long-running workloads, so they need no probes, disruption budget or anti-affinity.
/// Argo CD sync waves (<c>argocd.argoproj.io/sync-wave</c>) only order ordinary resources and do not make a hook.
/// </summary>
/// <param name="Tool"><c>Helm</c> or <c>Argo CD</c>.</param>
/// <param name="Phases">The annotation's phases, trimmed (<c>pre-install</c>, <c>test</c>, <c>PreSync</c>, ...).</param>
public sealed record DeploymentHook(string Tool, ImmutableArray<string> Phases)
{
    public const string HelmAnnotation = "helm.sh/hook";
    public const string ArgoCdAnnotation = "argocd.argoproj.io/hook";
    public const string ArgoCdSyncWaveAnnotation = "argocd.argoproj.io/sync-wave";

    /// <summary>True for Helm test hooks, which only <c>helm test</c> runs.</summary>
    public bool IsTest => Tool == "Helm" && Phases.Any(p => p is "test" or "test-success" or "test-failure");

    /// <summary>The hook <paramref name="resource"/> is, or null for an ordinary resource.</summary>
    public static DeploymentHook? Of(Resource resource)
    {
        if (resource.Annotations.TryGetValue(HelmAnnotation, out var helm) && Split(helm) is { IsEmpty: false } helmPhases)
            return new DeploymentHook("Helm", helmPhases);
        if (resource.Annotations.TryGetValue(ArgoCdAnnotation, out var argo) && Split(argo) is { IsEmpty: false } argoPhases)
            return new DeploymentHook("Argo CD", argoPhases);
        return null;
    }

    public override string ToString() => $"{Tool} hook ({string.Join(", ", Phases)})";

    private static ImmutableArray<string> Split(string value) =>
        [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}

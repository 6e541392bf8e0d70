using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;

namespace ManifestLint.Core.Policy;

/// <summary>
/// Inline suppressions written for other linters, honoured for the rules that cover their checks, so a repository
/// can switch without editing every file: kube-linter's <c>ignore-check.kube-linter.io/&lt;check&gt;</c> (and
/// <c>kube-linter.io/ignore-all</c>) and Polaris's <c>polaris.fairwinds.com/&lt;check&gt;-exempt: "true"</c> (and
/// <c>polaris.fairwinds.com/exempt</c>). The justification is the annotation's reason, else the annotation itself.
/// </summary>
public static class PeerSuppressions
{
    public const string KubeLinterPrefix = "ignore-check.kube-linter.io/";
    public const string KubeLinterAll = "kube-linter.io/ignore-all";
    public const string PolarisPrefix = "polaris.fairwinds.com/";
    public const string PolarisAll = "polaris.fairwinds.com/exempt";

    /// <summary>The suppression a peer tool's annotation on <paramref name="resource"/> makes for a rule covering <paramref name="peerChecks"/>, if any.</summary>
    public static Suppression? Find(Resource resource, ImmutableArray<PeerCheck> peerChecks)
    {
        if (resource.Annotations.Count == 0 || peerChecks.IsDefaultOrEmpty)
            return null;
        foreach (var check in peerChecks)
        {
            var found = check.Tool switch
            {
                PeerCheck.KubeLinter => KubeLinter(resource, KubeLinterPrefix + check.Id),
                PeerCheck.Polaris => Polaris(resource, $"{PolarisPrefix}{check.Id}-exempt"),
                _ => null,
            };
            if (found is not null)
                return found;
        }

        if (peerChecks.Any(c => c.Tool == PeerCheck.KubeLinter) && KubeLinter(resource, KubeLinterAll) is { } all)
            return all;
        return peerChecks.Any(c => c.Tool == PeerCheck.Polaris) ? Polaris(resource, PolarisAll) : null;
    }

    private static Suppression? KubeLinter(Resource resource, string key)
    {
        if (!resource.Annotations.TryGetValue(key, out var reason))
            return null;
        var justification = string.IsNullOrWhiteSpace(reason) ? $"{key} (kube-linter annotation)" : $"{reason.Trim()} ({key})";
        return new Suppression(SuppressionKind.InSource, justification, Node(resource, key));
    }

    private static Suppression? Polaris(Resource resource, string key) =>
        resource.Annotations.TryGetValue(key, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            ? new Suppression(SuppressionKind.InSource, $"{key}: \"true\" (Polaris exemption)", Node(resource, key))
            : null;

    private static Text.SourceSpan? Node(Resource resource, string key) =>
        resource.Metadata?.GetMapping("annotations")?.GetScalar(key)?.Span;
}

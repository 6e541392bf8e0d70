namespace ManifestLint.Helm;

/// <summary>One YAML document of a rendered template, as Helm splits and sorts them.</summary>
/// <param name="Name">Helm's template name (the <c># Source:</c> path).</param>
/// <param name="Content">The document text, trimmed as Helm trims it.</param>
/// <param name="Template">The template it came from.</param>
/// <param name="Offset">Where <paramref name="Content"/> starts in <see cref="RenderedTemplate.Text"/>.</param>
/// <param name="ApiVersion">Its apiVersion ("" when absent).</param>
/// <param name="Kind">Its kind ("" when absent).</param>
/// <param name="HookEvents">The <c>helm.sh/hook</c> events when it is a hook, else empty.</param>
public sealed record RenderedManifest(
    string Name,
    string Content,
    RenderedTemplate Template,
    int Offset,
    string ApiVersion,
    string Kind,
    System.Collections.Immutable.ImmutableArray<string> HookEvents)
{
    public bool IsHook => !HookEvents.IsDefaultOrEmpty;

    public bool IsTest => IsHook && HookEvents.Contains("test", StringComparer.Ordinal);
}

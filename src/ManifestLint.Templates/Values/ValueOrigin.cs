namespace ManifestLint.Templates.Values;

/// <summary>
/// Where a value came from: a position in a values file (or any YAML text the caller parsed with
/// origins). Kept as plain strings and numbers so the template engine stays free of file concepts.
/// </summary>
/// <param name="Source">The caller's name for the text, e.g. <c>charts/app/values.yaml</c>.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">The value's path in its document, e.g. <c>image.tag</c> or <c>ports[0]</c>.</param>
public sealed record ValueOrigin(string Source, int Line, int Column, string Path);

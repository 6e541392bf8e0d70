namespace ManifestLint.Helm;

/// <summary>What went wrong.</summary>
public enum RenderProblemKind
{
    /// <summary>The chart cannot be loaded or is not installable (maps to <c>helm-chart-invalid</c>).</summary>
    Chart,

    /// <summary>A values file or <c>--set</c> is invalid.</summary>
    Values,

    /// <summary>A template failed to parse or execute (maps to <c>helm-render</c>).</summary>
    Template,

    /// <summary>A rendered document is not valid YAML (Helm's "YAML parse error").</summary>
    Yaml,
}

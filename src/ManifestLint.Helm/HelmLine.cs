namespace ManifestLint.Helm;

/// <summary>The Helm release line whose <c>helm template</c> output is reproduced (<c>--helm-version</c>).</summary>
public enum HelmLine
{
    /// <summary><c>3</c>: Helm 3 (v3.21.4's capabilities), the default.</summary>
    V3,

    /// <summary><c>4</c> or <c>4.1</c>: the released Helm v4.1 line, as the v4.1.4 binary renders.</summary>
    V4_1,

    /// <summary>
    /// <c>4.2</c>: Helm's main branch as its golden files show (the coming 4.2): documents keep their trailing blank
    /// lines and a chart's <c>null</c> defaults are dropped.
    /// </summary>
    V4_2,
}

namespace ManifestLint.Helm;

/// <summary>One file of a chart: its path inside the chart (forward slashes, e.g. <c>templates/service.yaml</c>) and its bytes.</summary>
public sealed record ChartFile(string Name, byte[] Data)
{
    /// <summary>The bytes as UTF-8 text (Helm treats chart files as Go strings: bytes are read as UTF-8).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Data);
}

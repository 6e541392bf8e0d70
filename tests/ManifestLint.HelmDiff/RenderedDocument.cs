namespace ManifestLint.HelmDiff;

/// <summary>One document of <c>helm template</c> output: the <c># Source:</c> template it came from, its position among that template's documents, and its text.</summary>
internal sealed record RenderedDocument(string Source, int Ordinal, string Text)
{
    private const string Separator = "---\n# Source: ";

    /// <summary>The key that pairs a document of one render with the same document of another.</summary>
    public string Key => Ordinal == 0 ? Source : Source + " #" + (Ordinal + 1);

    /// <summary>
    /// Splits output the way Helm writes it: every document starts with <c>---</c> and a <c># Source: chart/path</c> line.
    /// Text before the first such header (none in Helm's output) becomes a document of its own named "(preamble)".
    /// </summary>
    public static List<RenderedDocument> Split(string output)
    {
        var docs = new List<RenderedDocument>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        output = output.Replace("\r\n", "\n", StringComparison.Ordinal);
        var starts = new List<int>();
        if (output.StartsWith(Separator, StringComparison.Ordinal))
            starts.Add(0);
        for (var i = output.IndexOf("\n" + Separator, StringComparison.Ordinal); i >= 0; i = output.IndexOf("\n" + Separator, i + 1, StringComparison.Ordinal))
            starts.Add(i + 1);
        var firstStart = starts.Count > 0 ? starts[0] : output.Length;
        if (output[..firstStart].Trim().Length > 0)
            Add("(preamble)", output[..firstStart]);
        for (var n = 0; n < starts.Count; n++)
        {
            var headerStart = starts[n] + Separator.Length;
            var lineEnd = output.IndexOf('\n', headerStart);
            if (lineEnd < 0)
                lineEnd = output.Length;
            var end = n + 1 < starts.Count ? starts[n + 1] : output.Length;
            var source = output[headerStart..lineEnd];
            var body = lineEnd < end ? output[(lineEnd + 1)..end] : string.Empty;
            Add(source, body);
        }

        return docs;

        void Add(string source, string text)
        {
            counts.TryGetValue(source, out var ordinal);
            counts[source] = ordinal + 1;
            docs.Add(new RenderedDocument(source, ordinal, text));
        }
    }
}

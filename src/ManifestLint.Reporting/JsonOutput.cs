using System.Text.Encodings.Web;
using System.Text.Json;

namespace ManifestLint.Reporting;

/// <summary>The one JSON writer configuration every machine-readable format uses: two-space indent, LF, readable escaping.</summary>
internal static class JsonOutput
{
    // Relaxed escaping keeps quotes and non-ASCII in messages readable; the output is a file or a pipe, never HTML.
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes UTF-8 JSON produced by <paramref name="write"/> to a text writer, followed by a final newline.</summary>
    public static void WriteTo(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = RenderUtf8(write);
        buffer.CopyTo(output);
    }

    public static string Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = RenderUtf8(write);
        return buffer.ToString();
    }

    /// <summary>The UTF-8 JSON produced by <paramref name="write"/> and a final newline, in pooled chunks.</summary>
    internal static Utf8ChunkBuffer RenderUtf8(Action<Utf8JsonWriter> write)
    {
        var buffer = new Utf8ChunkBuffer();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            write(writer);
        buffer.WriteByte((byte)'\n');
        return buffer;
    }
}

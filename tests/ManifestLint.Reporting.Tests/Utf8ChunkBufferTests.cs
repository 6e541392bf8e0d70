using System.Text;
using System.Text.Json;

namespace ManifestLint.Reporting.Tests;

public class Utf8ChunkBufferTests
{
    [Fact]
    public void Buffer_writer_requests_of_any_size_keep_the_bytes_in_order_across_chunks()
    {
        var random = new Random(3);
        var expected = new MemoryStream();
        using var buffer = new Utf8ChunkBuffer();
        for (var i = 0; i < 400; i++)
        {
            // Small writes, writes that straddle a chunk boundary, writes larger than a chunk, and empty advances.
            var size = (i % 7) switch
            {
                0 => 0,
                1 => 70_000 + random.Next(1000),
                _ => random.Next(1, 5000),
            };
            var bytes = new byte[size];
            random.NextBytes(bytes);
            var span = buffer.GetSpan(i % 3 == 0 ? size : 0);
            if (span.Length >= size)
            {
                bytes.CopyTo(span);
                buffer.Advance(size);
            }
            else
            {
                buffer.Advance(0);
                buffer.Write(bytes);
            }

            expected.Write(bytes);
        }

        Assert.Equal(expected.Length, buffer.Length);
        Assert.Equal(expected.ToArray(), buffer.Chunks().SelectMany(c => c.ToArray()).ToArray());
    }

    [Fact]
    public void Json_rendered_into_the_chunks_is_what_a_stream_writer_makes()
    {
        void Write(Utf8JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            for (var i = 0; i < 20_000; i++)
                w.WriteStringValue($"item {i}: \"quoted\", non-ASCII é, and a long tail {new string('x', i % 300)}");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        var viaStream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(viaStream, JsonOutput.WriterOptions))
            Write(writer);
        viaStream.WriteByte((byte)'\n');

        using var rendered = JsonOutput.RenderUtf8(Write);

        Assert.True(rendered.Length > 1_000_000);
        Assert.Equal(Encoding.UTF8.GetString(viaStream.ToArray()), rendered.ToString());
    }
}

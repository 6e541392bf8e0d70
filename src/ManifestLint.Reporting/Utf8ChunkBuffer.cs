using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace ManifestLint.Reporting;

/// <summary>
/// A write-only stream that keeps UTF-8 output in pooled chunks of equal size. A report of tens of megabytes is held
/// once, as bytes: no doubling copies as a <see cref="MemoryStream"/> grows, no UTF-16 string of twice its size, and
/// it is written to a file or compressed straight from the chunks.
/// </summary>
internal sealed class Utf8ChunkBuffer : Stream
{
    private const int ChunkSize = 64 * 1024;
    private readonly List<byte[]> _chunks = [];
    private int _used = ChunkSize;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == ChunkSize)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                _used = 0;
            }

            var n = Math.Min(buffer.Length, ChunkSize - _used);
            buffer[..n].CopyTo(_chunks[^1].AsSpan(_used));
            _used += n;
            _length += n;
            buffer = buffer[n..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>The stored bytes, chunk by chunk, in order.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Chunks()
    {
        for (var i = 0; i < _chunks.Count; i++)
            yield return _chunks[i].AsMemory(0, i == _chunks.Count - 1 ? _used : ChunkSize);
    }

    /// <summary>
    /// Copies the bytes to <paramref name="output"/>: straight into the underlying stream when it is a UTF-8
    /// <see cref="StreamWriter"/> (a report file), else decoded to text.
    /// </summary>
    public void CopyTo(TextWriter output)
    {
        if (output is StreamWriter { Encoding: UTF8Encoding encoding } file && encoding.GetPreamble().Length == 0)
        {
            file.Flush();
            foreach (var chunk in Chunks())
                file.BaseStream.Write(chunk.Span);
            return;
        }

        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize + 4);
        try
        {
            var chunks = Chunks().ToList();
            for (var i = 0; i < chunks.Count; i++)
            {
                var n = decoder.GetChars(chunks[i].Span, chars, flush: i == chunks.Count - 1);
                output.Write(chars, 0, n);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The size of the bytes compressed with gzip at <paramref name="level"/>.</summary>
    public long GzipSize(CompressionLevel level)
    {
        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, level, leaveOpen: true))
        {
            foreach (var chunk in Chunks())
                gzip.Write(chunk.Span);
        }

        return counter.Length;
    }

    public override string ToString()
    {
        using var text = new StringWriter();
        CopyTo(text);
        return text.ToString();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        foreach (var chunk in _chunks)
            ArrayPool<byte>.Shared.Return(chunk);
        _chunks.Clear();
        _used = ChunkSize;
        _length = 0;
        base.Dispose(disposing);
    }

    /// <summary>A sink that only counts what is written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

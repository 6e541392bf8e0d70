namespace ManifestLint.Core.Yaml;

/// <summary>
/// A <see cref="TextReader"/> over a region of a string, so each document of a file is parsed where it lies in the
/// file's text rather than from a copy of it.
/// </summary>
internal sealed class MemoryTextReader(ReadOnlyMemory<char> text) : TextReader
{
    private int _position;

    public override int Peek() => _position < text.Length ? text.Span[_position] : -1;

    public override int Read() => _position < text.Length ? text.Span[_position++] : -1;

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, text.Length - _position);
        text.Span.Slice(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
}

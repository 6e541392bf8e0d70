using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace ManifestLint.Templates.Provenance;

/// <summary>
/// A growable list of segments on pooled arrays: rendering adds segments by the thousand and keeps only the final,
/// exactly sized copy, so the growth arrays go back to the pool instead of to the garbage collector.
/// Call <see cref="Dispose"/> when done (after <see cref="ToImmutable"/>).
/// </summary>
internal sealed class SegmentBuffer : IDisposable
{
    private OutputSegment[] _items = [];

    public int Count { get; private set; }

    public ref OutputSegment Last => ref _items[Count - 1];

    public void Add(in OutputSegment segment)
    {
        if (Count == _items.Length)
            Grow();
        _items[Count++] = segment;
    }

    public ImmutableArray<OutputSegment> ToImmutable() =>
        Count == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(_items.AsSpan(0, Count).ToArray());

    public void Clear() => Count = 0;

    public void Dispose()
    {
        if (_items.Length > 0)
            ArrayPool<OutputSegment>.Shared.Return(_items, clearArray: true);
        _items = [];
        Count = 0;
    }

    private void Grow()
    {
        var bigger = ArrayPool<OutputSegment>.Shared.Rent(Math.Max(16, _items.Length * 2));
        _items.AsSpan(0, Count).CopyTo(bigger);
        if (_items.Length > 0)
            ArrayPool<OutputSegment>.Shared.Return(_items, clearArray: true);
        _items = bigger;
    }
}

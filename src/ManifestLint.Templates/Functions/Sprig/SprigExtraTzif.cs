using System.Buffers.Binary;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// The transitions of one zone from the IANA database in TZif form (RFC 8536), read for their
/// abbreviations: each period keeps the name it had (<c>BST</c> for London in 1970, <c>+0530</c> for
/// Kathmandu before 1986). Times after the last transition are left to <see cref="TimeZoneInfo"/>.
/// </summary>
internal sealed class SprigExtraTzif
{
    private const string ZoneInfoRoot = "/usr/share/zoneinfo/";

    private readonly long[] _transitions;
    private readonly byte[] _typeIndexes;
    private readonly (int Offset, bool IsDst, string Abbreviation)[] _types;

    private SprigExtraTzif(long[] transitions, byte[] typeIndexes, (int, bool, string)[] types)
    {
        _transitions = transitions;
        _typeIndexes = typeIndexes;
        _types = types;
    }

    public static SprigExtraTzif? TryLoad(string name)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')))
            return null;
        try
        {
            return Parse(File.ReadAllBytes(ZoneInfoRoot + name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static SprigExtraTzif? Parse(byte[] data)
    {
        if (data.Length < 44 || System.Text.Encoding.ASCII.GetString(data, 0, 4) != "TZif")
            return null;
        var version = data[4];
        var (pos, counts) = Header(data, 0);
        if (version >= (byte)'2')
        {
            // Skip the 32-bit block; the 64-bit one that follows covers every year.
            pos += (counts.TimeCount * 5) + (counts.TypeCount * 6) + counts.CharCount + (counts.LeapCount * 8) + counts.StdCount + counts.UtCount;
            (pos, counts) = Header(data, pos);
            return Read(data, pos, counts, 8);
        }

        return Read(data, pos, counts, 4);
    }

    private readonly record struct Counts(int UtCount, int StdCount, int LeapCount, int TimeCount, int TypeCount, int CharCount);

    private static (int Pos, Counts Counts) Header(byte[] data, int at)
    {
        int C(int i) => BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at + 20 + (i * 4)));
        return (at + 44, new Counts(C(0), C(1), C(2), C(3), C(4), C(5)));
    }

    private static SprigExtraTzif Read(byte[] data, int pos, Counts counts, int timeSize)
    {
        var transitions = new long[counts.TimeCount];
        for (var i = 0; i < transitions.Length; i++)
        {
            var span = data.AsSpan(pos + (i * timeSize));
            transitions[i] = timeSize == 8 ? BinaryPrimitives.ReadInt64BigEndian(span) : BinaryPrimitives.ReadInt32BigEndian(span);
        }

        pos += counts.TimeCount * timeSize;
        var indexes = data.AsSpan(pos, counts.TimeCount).ToArray();
        pos += counts.TimeCount;
        var typeStart = pos;
        var charStart = typeStart + (counts.TypeCount * 6);
        var types = new (int, bool, string)[counts.TypeCount];
        for (var i = 0; i < types.Length; i++)
        {
            var t = data.AsSpan(typeStart + (i * 6));
            var offset = BinaryPrimitives.ReadInt32BigEndian(t);
            var abbrStart = charStart + t[5];
            var abbrEnd = Array.IndexOf(data, (byte)0, abbrStart);
            types[i] = (offset, t[4] != 0, System.Text.Encoding.ASCII.GetString(data, abbrStart, Math.Max(0, abbrEnd - abbrStart)));
        }

        return new SprigExtraTzif(transitions, indexes, types);
    }

    /// <summary>The period in effect at <paramref name="unixSeconds"/>, or null after the last transition.</summary>
    public (string Abbreviation, int Offset)? Lookup(long unixSeconds)
    {
        if (_types.Length == 0 || _transitions.Length == 0 || unixSeconds >= _transitions[^1])
            return null;
        if (unixSeconds < _transitions[0])
        {
            // Go's rule for times before the first transition: the first standard-time type.
            var first = Array.FindIndex(_types, t => !t.IsDst);
            var type = _types[first < 0 ? 0 : first];
            return (type.Abbreviation, type.Offset);
        }

        var i = Array.BinarySearch(_transitions, unixSeconds);
        if (i < 0)
            i = ~i - 1;
        var period = _types[_typeIndexes[i]];
        return (period.Abbreviation, period.Offset);
    }
}

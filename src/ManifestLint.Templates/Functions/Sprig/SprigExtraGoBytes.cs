using System.Buffers;
using System.Text;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Go strings are byte strings; .NET strings are UTF-16. Valid UTF-8 maps to the same text both ways, and
/// each byte that is not part of valid UTF-8 is carried as the lone surrogate U+DC80 + (byte - 0x80)
/// ("surrogate escape"), so <c>b64dec</c> of binary data keeps its bytes through <c>b64enc</c>, hashing and output.
/// </summary>
internal static class SprigExtraGoBytes
{
    public static string ToGoString(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                bytes = bytes[consumed..];
            }
            else
            {
                sb.Append((char)(0xDC00 + bytes[0]));
                bytes = bytes[1..];
            }
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>len</c> of the string: its byte count under this mapping.</summary>
    public static int ByteCount(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 0x80 || c is >= '\uDC80' and <= '\uDCFF')
                n += 1;
            else if (c < 0x800)
                n += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                n += 4;
                i++;
            }
            else
                n += 3;
        }

        return n;
    }

    public static byte[] ToBytes(string s)
    {
        var output = new List<byte>(s.Length);
        Span<byte> buf = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '\uDC80' and <= '\uDCFF')
            {
                output.Add((byte)(c - 0xDC00));
                continue;
            }

            Rune rune;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                rune = new Rune(c, s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                rune = Rune.ReplacementChar;
            }
            else
            {
                rune = new Rune(c);
            }

            var n = rune.EncodeToUtf8(buf);
            for (var k = 0; k < n; k++)
                output.Add(buf[k]);
        }

        return [.. output];
    }
}

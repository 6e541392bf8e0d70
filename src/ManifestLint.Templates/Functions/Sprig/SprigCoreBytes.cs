using System.Text;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Go strings are byte sequences; several Sprig functions cut them at byte offsets and can split a
/// UTF-8 sequence. Such stray bytes are kept in .NET strings as the lone surrogates U+DC80..U+DCFF
/// (the "surrogate escape" convention), so a later byte-wise operation sees the same bytes again.
/// </summary>
internal static class SprigCoreBytes
{
    private const int EscapeBase = 0xDC00;

    public static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c >= 0x80)
                return false;
        }

        return true;
    }

    /// <summary>The Go bytes of <paramref name="s"/>.</summary>
    public static byte[] Encode(string s)
    {
        if (IsAscii(s))
            return System.Text.Encoding.ASCII.GetBytes(s);
        var bytes = new List<byte>(s.Length * 2);
        Span<byte> buf = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var n = new Rune(c, s[i + 1]).EncodeToUtf8(buf);
                for (var k = 0; k < n; k++)
                    bytes.Add(buf[k]);
                i++;
            }
            else if (c >= EscapeBase + 0x80 && c <= EscapeBase + 0xFF)
            {
                bytes.Add((byte)(c - EscapeBase));
            }
            else
            {
                var r = char.IsSurrogate(c) ? Rune.ReplacementChar : new Rune(c);
                var n = r.EncodeToUtf8(buf);
                for (var k = 0; k < n; k++)
                    bytes.Add(buf[k]);
            }
        }

        return [.. bytes];
    }

    /// <summary>Text for Go bytes: valid UTF-8 decoded, each invalid byte kept as its escape.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        var i = 0;
        while (i < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                i += consumed;
            }
            else
            {
                var b = bytes[i];
                sb.Append(b < 0x80 ? (char)b : (char)(EscapeBase + b));
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>Each byte of the Go string read as the rune of the same value (Go's <c>rune(str[i])</c>).</summary>
    public static IEnumerable<int> ByteRunes(string s)
    {
        foreach (var b in Encode(s))
            yield return b;
    }

    /// <summary>Go's <c>s[start:end]</c> on bytes; callers check the bounds.</summary>
    public static string Slice(string s, int start, int end)
    {
        if (IsAscii(s))
            return s[start..end];
        var bytes = Encode(s);
        return Decode(bytes.AsSpan(start, end - start));
    }

    /// <summary>Go's <c>len(s)</c>.</summary>
    public static int Length(string s) => IsAscii(s) ? s.Length : Encode(s).Length;

    /// <summary>Go's <c>unicode.IsSpace</c>.</summary>
    public static bool IsSpace(int r) => r switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0x85 or 0xA0 => true,
        < 0x100 => false,
        _ => Rune.IsValid(r) && Rune.IsWhiteSpace(new Rune(r)),
    };

    /// <summary>The runes of a Go string (invalid bytes read as U+FFFD, as Go's range loop does).</summary>
    public static IEnumerable<int> Runes(string s)
    {
        foreach (var r in s.EnumerateRunes())
            yield return r.Value;
    }

    public static void AppendRune(StringBuilder sb, int r)
    {
        if (r < 0x10000)
            sb.Append((char)r);
        else
            sb.Append(char.ConvertFromUtf32(r));
    }
}

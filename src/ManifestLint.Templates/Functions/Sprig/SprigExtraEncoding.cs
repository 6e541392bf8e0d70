using System.Globalization;
using System.Security.Cryptography;
using static ManifestLint.Templates.Functions.Sprig.SprigExtraArgs;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Base64/base32 and checksums. Sprig's decoders return Go's error text as the result instead of failing,
/// so the decoders here reproduce Go's error offsets exactly.
/// </summary>
internal static class SprigExtraEncoding
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        GoType[] oneString = [GoType.String];
        Add(map, "b64enc", oneString, GoType.String, false, c => Convert.ToBase64String(Utf8(c[0])));
        Add(map, "b64dec", oneString, GoType.String, false, c =>
        {
            var bytes = DecodeBase64(Str(c[0]), out var error);
            return error ?? GoString(bytes);
        });
        Add(map, "b32enc", oneString, GoType.String, false, c => EncodeBase32(Utf8(c[0])));
        Add(map, "b32dec", oneString, GoType.String, false, c =>
        {
            var bytes = DecodeBase32(Str(c[0]), out var error);
            return error ?? GoString(bytes);
        });
#pragma warning disable CA5350 // sha1sum is SHA-1 by definition; it is a checksum here, not a security control.
        Add(map, "sha1sum", oneString, GoType.String, false, c => Convert.ToHexStringLower(SHA1.HashData(Utf8(c[0]))));
#pragma warning restore CA5350
        Add(map, "sha256sum", oneString, GoType.String, false, c => Convert.ToHexStringLower(SHA256.HashData(Utf8(c[0]))));
        Add(map, "adler32sum", oneString, GoType.String, false, c => Adler32(Utf8(c[0])).ToString(CultureInfo.InvariantCulture));
    }

    internal static byte[] Utf8(object? value) => SprigExtraGoBytes.ToBytes(Str(value));

    /// <summary>Go's <c>string(bytes)</c>, keeping bytes that are not UTF-8 (see <see cref="SprigExtraGoBytes"/>).</summary>
    internal static string GoString(byte[] bytes) => SprigExtraGoBytes.ToGoString(bytes);

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }

    /// <summary>Go's <c>base64.StdEncoding.DecodeString</c>: skips CR/LF, reports the first bad byte offset.</summary>
    internal static byte[] DecodeBase64(string text, out string? error)
    {
        var src = SprigExtraGoBytes.ToBytes(text);
        var dst = new List<byte>(src.Length * 3 / 4);
        error = null;
        var si = 0;
        while (si < src.Length)
        {
            var dbuf = new int[4];
            var dlen = 4;
            var done = false;
            for (var j = 0; j < 4; j++)
            {
                if (si == src.Length)
                {
                    if (j == 0)
                        return [.. dst];
                    error = Corrupt(si - j);
                    return [.. dst];
                }

                var inb = src[si];
                si++;
                var v = Base64Value(inb);
                if (v >= 0)
                {
                    dbuf[j] = v;
                    continue;
                }

                if (inb is (byte)'\n' or (byte)'\r')
                {
                    j--;
                    continue;
                }

                if (inb != '=')
                {
                    error = Corrupt(si - 1);
                    return [.. dst];
                }

                switch (j)
                {
                    case 0 or 1:
                        error = Corrupt(si - 1);
                        return [.. dst];
                    case 2:
                        while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
                            si++;
                        if (si == src.Length)
                        {
                            error = Corrupt(src.Length);
                            return [.. dst];
                        }

                        if (src[si] != '=')
                        {
                            error = Corrupt(si - 1);
                            return [.. dst];
                        }

                        si++;
                        break;
                    default:
                        break;
                }

                while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
                    si++;
                if (si < src.Length)
                    error = Corrupt(si);
                dlen = j;
                done = true;
                break;
            }

            var val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
            if (dlen >= 2)
                dst.Add((byte)(val >> 16));
            if (dlen >= 3)
                dst.Add((byte)(val >> 8));
            if (dlen >= 4)
                dst.Add((byte)val);
            if (error is not null || done)
                return [.. dst];
        }

        return [.. dst];
    }

    private static int Base64Value(byte b) => b switch
    {
        >= (byte)'A' and <= (byte)'Z' => b - 'A',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => b - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };

    private static string Corrupt(long offset) =>
        "illegal base64 data at input byte " + offset.ToString(CultureInfo.InvariantCulture);

    private static string EncodeBase32(byte[] data)
    {
        var sb = new System.Text.StringBuilder((data.Length + 4) / 5 * 8);
        for (var i = 0; i < data.Length; i += 5)
        {
            var n = Math.Min(5, data.Length - i);
            ulong buf = 0;
            for (var k = 0; k < 5; k++)
                buf = (buf << 8) | (k < n ? data[i + k] : 0UL);
            var chars = n switch { 1 => 2, 2 => 4, 3 => 5, 4 => 7, _ => 8 };
            for (var k = 0; k < 8; k++)
                sb.Append(k < chars ? Base32Alphabet[(int)((buf >> (35 - (k * 5))) & 31)] : '=');
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>base32.StdEncoding.DecodeString</c> (newlines stripped first).</summary>
    private static byte[] DecodeBase32(string text, out string? error)
    {
        var src = SprigExtraGoBytes.ToBytes(text).Where(b => b is not (byte)'\n' and not (byte)'\r').ToArray();
        var dst = new List<byte>();
        error = null;
        var olen = src.Length;
        var pos = 0;
        var end = false;
        while (olen - pos > 0 && !end)
        {
            var dbuf = new int[8];
            var dlen = 8;
            for (var j = 0; j < 8;)
            {
                if (pos == olen)
                {
                    error = Corrupt32(olen - (olen - pos) - j);
                    return [.. dst];
                }

                var inb = src[pos++];
                var remaining = olen - pos;
                if (inb == '=' && j >= 2 && remaining < 8)
                {
                    if (remaining + j < 8 - 1)
                    {
                        error = Corrupt32(olen);
                        return [.. dst];
                    }

                    for (var k = 0; k < 8 - 1 - j; k++)
                    {
                        if (remaining > k && src[pos + k] != '=')
                        {
                            error = Corrupt32(olen - remaining + k - 1);
                            return [.. dst];
                        }
                    }

                    dlen = j;
                    end = true;
                    if (dlen is 1 or 3 or 6)
                    {
                        error = Corrupt32(olen - remaining - 1);
                        return [.. dst];
                    }

                    break;
                }

                var v = Base32Alphabet.IndexOf((char)inb, StringComparison.Ordinal);
                if (v < 0 || inb >= 0x80)
                {
                    error = Corrupt32(olen - remaining - 1);
                    return [.. dst];
                }

                dbuf[j] = v;
                j++;
            }

            var outBytes = dlen switch { 8 => 5, 7 => 4, 5 => 3, 4 => 2, 2 => 1, _ => 0 };
            ulong buf = 0;
            for (var k = 0; k < 8; k++)
                buf = (buf << 5) | (uint)dbuf[k];
            for (var k = 0; k < outBytes; k++)
                dst.Add((byte)(buf >> (32 - (k * 8))));
        }

        return [.. dst];
    }

    private static string Corrupt32(long offset) =>
        "illegal base32 data at input byte " + offset.ToString(CultureInfo.InvariantCulture);
}

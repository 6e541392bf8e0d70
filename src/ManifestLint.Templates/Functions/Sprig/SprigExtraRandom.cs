using System.Text;
using static ManifestLint.Templates.Functions.Sprig.SprigExtraArgs;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Sprig's random functions. All randomness comes from <see cref="ITemplateRuntime.Random"/>, so a caller
/// that seeds it gets reproducible output.
/// </summary>
internal static class SprigExtraRandom
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "randAlphaNum", [GoType.Int], GoType.String, false, c => RandomString(c, Upper + Lower + Digits));
        Add(map, "randAlpha", [GoType.Int], GoType.String, false, c => RandomString(c, Upper + Lower));
        Add(map, "randNumeric", [GoType.Int], GoType.String, false, c => RandomString(c, Digits));
        Add(map, "randAscii", [GoType.Int], GoType.String, false, c =>
        {
            var ascii = new StringBuilder();
            for (var ch = ' '; ch <= '~'; ch++)
                ascii.Append(ch);
            return RandomString(c, ascii.ToString());
        });
        Add(map, "randInt", [GoType.Int, GoType.Int], GoType.Int, false, c =>
        {
            var min = Int(c[0]);
            var max = Int(c[1]);
            var n = unchecked(max - min);
            if (n <= 0)
                throw new TemplateFunctionException("invalid argument to Intn");
            return c.Runtime.Random.NextInt64(n) + min;
        });
        Add(map, "randBytes", [GoType.Int], GoType.String, true, c =>
        {
            var count = Int(c[0]);
            if (count < 0)
                throw new TemplateFunctionException("runtime error: makeslice: len out of range");
            var buf = new byte[count];
            c.Runtime.Random.NextBytes(buf);
            return Convert.ToBase64String(buf);
        });
        Add(map, "uuidv4", [], GoType.String, false, c => UuidV4(c.Runtime.Random));
        Add(map, "shuffle", [GoType.String], GoType.String, false, c =>
        {
            var runes = Str(c[0]).EnumerateRunes().ToArray();
            for (var i = runes.Length - 1; i > 0; i--)
            {
                var j = c.Runtime.Random.Next(i + 1);
                (runes[i], runes[j]) = (runes[j], runes[i]);
            }

            var sb = new StringBuilder();
            foreach (var r in runes)
                sb.Append(r.ToString());
            return sb.ToString();
        });
    }

    private static string RandomString(FunctionCall c, string alphabet)
    {
        var count = Int(c[0]);
        if (count <= 0)
            return "";
        var sb = new StringBuilder((int)Math.Min(count, 1 << 20));
        for (long i = 0; i < count; i++)
            sb.Append(alphabet[c.Runtime.Random.Next(alphabet.Length)]);
        return sb.ToString();
    }

    internal static string UuidV4(Random random)
    {
        var b = new byte[16];
        random.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0f) | 0x40);
        b[8] = (byte)((b[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(b);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}

using System.Text;

namespace ManifestLint.Fuzz;

/// <summary>
/// Helpers that turn the fuzzer's raw bytes into the pieces a target needs. Multi-part inputs are split at NUL
/// bytes (a byte real YAML, templates and <c>--set</c> text never contain), so AFL can grow or drop a part by
/// inserting or deleting a single byte.
/// </summary>
internal static class FuzzInput
{
    public const byte Separator = 0;

    /// <summary>Lenient UTF-8 (invalid sequences become U+FFFD), as the product reads files.</summary>
    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>The parts between NUL bytes, at most <paramref name="max"/> (the last one keeps any further NULs).</summary>
    public static List<string> Split(ReadOnlySpan<byte> bytes, int max)
    {
        var parts = new List<string>();
        while (parts.Count < max - 1)
        {
            var at = bytes.IndexOf(Separator);
            if (at < 0)
                break;
            parts.Add(Text(bytes[..at]));
            bytes = bytes[(at + 1)..];
        }

        parts.Add(Text(bytes));
        return parts;
    }

    /// <summary>Joins parts with the separator (used to write seeds).</summary>
    public static byte[] Join(IEnumerable<string> parts)
    {
        using var output = new MemoryStream();
        var first = true;
        foreach (var part in parts)
        {
            if (!first)
                output.WriteByte(Separator);
            first = false;
            var bytes = Encoding.UTF8.GetBytes(part);
            output.Write(bytes);
        }

        return output.ToArray();
    }
}

using System.Globalization;

namespace ManifestLint.Rules.Reliability;

/// <summary>Kubernetes resource quantities (<c>512Mi</c>, <c>1G</c>, <c>1.5Gi</c>, <c>1e3</c>) read as numbers.</summary>
internal static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024), ("Pi", 1024m * 1024 * 1024 * 1024 * 1024),
        ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("P", 1e15m), ("m", 0.001m),
    ];

    /// <summary>The value in base units, or null when the text is not a quantity.</summary>
    public static decimal? Bytes(string text)
    {
        var t = text.Trim();
        foreach (var (suffix, factor) in Suffixes)
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal) && decimal.TryParse(t[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                return v * factor;
        }

        return decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }
}

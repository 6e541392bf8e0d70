using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// spf13/cast 1.7.0 (the version Helm 3.17 and 4.1 build with)'s conversions as Sprig uses them (errors become zero), on top of Go's
/// <c>strconv.ParseInt</c> and <c>strconv.ParseFloat</c> syntax (base prefixes, underscores, inf/nan).
/// </summary>
internal static class SprigCoreCast
{
    /// <summary>Go's float64 → int64 conversion; out-of-range values give what amd64 gives (MinInt64).</summary>
    public static long Truncate(double d) =>
        double.IsNaN(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18 ? long.MinValue : (long)d;

    /// <summary>
    /// <c>cast.ToInt64</c> (and <c>cast.ToInt</c>, Go's int being 64 bits): every integer and float kind (uint64 wraps
    /// as Go's conversion does), <c>time.Month</c>/<c>time.Weekday</c>, bools and strings; anything else (a
    /// <c>time.Duration</c> too) is 0.
    /// </summary>
    public static long ToInt64(object? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case long l:
                return l;
            case GoInt64 g:
                return g.Value;
            case int i:
                return i;
            case byte b:
                return b;
            case sbyte sb:
                return sb;
            case short sh:
                return sh;
            case ushort us:
                return us;
            case uint ui:
                return ui;
            case ulong ul:
                return unchecked((long)ul);
            case GoNamedInt { CastConverts: true } named:
                return named.Value;
            case double d:
                return Truncate(d);
            case float f:
                return Truncate(f);
            case bool b:
                return b ? 1 : 0;
            case string or TrackedString:
                {
                    var s = TrimZeroDecimal(SprigCoreValues.AsString(value)!);
                    return GoStrconv.TryParseInt(s, 0, out var v) == GoStrconv.ParseStatus.Ok ? v : 0;
                }

            default:
                return 0;
        }
    }

    /// <summary><c>cast.ToFloat64</c>: every integer and float kind, <c>time.Month</c>/<c>time.Weekday</c>, bools and strings.</summary>
    public static double ToFloat64(object? value) => value switch
    {
        null => 0,
        double d => d,
        float f => f,
        long l => l,
        GoInt64 g => g.Value,
        int i => i,
        byte b => b,
        sbyte sb => sb,
        short sh => sh,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        GoNamedInt { CastConverts: true } named => named.Value,
        bool b => b ? 1 : 0,
        string or TrackedString => GoStrconv.TryParseFloat(SprigCoreValues.AsString(value)!, out var f) ? f : 0,
        _ => 0,
    };

    // cast strips a zero fraction before parsing an integer ("12.00" → "12").
    private static string TrimZeroDecimal(string s)
    {
        var foundZero = false;
        for (var i = s.Length; i > 0; i--)
        {
            switch (s[i - 1])
            {
                case '.':
                    if (foundZero)
                        return s[..(i - 1)];
                    break;
                case '0':
                    foundZero = true;
                    break;
                default:
                    return s;
            }
        }

        return s;
    }
}

using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Functions.Sprig.SprigCoreValues;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Sprig's <c>atoi</c>, <c>int</c>, <c>int64</c>, <c>float64</c>, <c>toDecimal</c>, <c>toString</c> and <c>toStrings</c>.</summary>
internal static class SprigCoreConversions
{
    private static readonly GoType X = GoType.Interface;

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "atoi", [GoType.String], null, GoType.Int, false, c => Atoi(Text(c[0])));
        Add(map, "int", [X], null, GoType.Int, false, c => SprigCoreCast.ToInt64(c[0]));
        Add(map, "int64", [X], null, GoType.Int64, false, c => new GoInt64(SprigCoreCast.ToInt64(c[0])));
        Add(map, "float64", [X], null, GoType.Float64, false, c => SprigCoreCast.ToFloat64(c[0]));
        Add(map, "toDecimal", [X], null, GoType.Int64, false, c => new GoInt64(ToDecimal(c[0])));
        Add(map, "toString", [X], null, GoType.String, false, c => Strval(c[0]));
        Add(map, "toStrings", [X], null, GoType.StringSlice, false, c => StrSlice(c[0]));
    }

    // strconv.Atoi with the error dropped: syntax errors give 0, out-of-range values are clamped.
    private static long Atoi(string s) =>
        GoStrconv.TryParseInt(s, 10, out var v) == GoStrconv.ParseStatus.Syntax ? 0 : v;

    // strconv.ParseInt(fmt.Sprint(v), 8, 64), 0 on any error.
    private static long ToDecimal(object? value) =>
        GoStrconv.TryParseInt(GoFormat.FormatValue(value), 8, out var v) == GoStrconv.ParseStatus.Ok ? v : 0;
}

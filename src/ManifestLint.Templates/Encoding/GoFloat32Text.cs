using System.Globalization;

namespace ManifestLint.Templates.Encoding;

/// <summary>Go's <c>strconv.FormatFloat(f, 'g', -1, 32)</c>: the shortest text that reads back as the same float32.</summary>
internal static class GoFloat32Text
{
    public static string FormatShortest(float f)
    {
        if (f == 0)
            return float.IsNegative(f) ? "-0" : "0";
        // .NET's round-trip "R" text has the same shortest digits; only the layout differs from Go's.
        var e = f.ToString("E9", CultureInfo.InvariantCulture);
        var r = f.ToString("R", CultureInfo.InvariantCulture);
        var neg = r.StartsWith('-');
        var digits = new string([.. r.TrimStart('-').TakeWhile(c => c != 'E').Where(char.IsAsciiDigit)]).TrimStart('0');
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
            digits = "0";
        var exp = int.Parse(e[(e.IndexOf('E', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        var sign = neg ? "-" : string.Empty;
        if (exp < -4 || exp >= 6)
        {
            var mant = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }

        if (exp < 0)
            return sign + "0." + new string('0', -exp - 1) + digits;
        if (digits.Length <= exp + 1)
            return sign + digits + new string('0', exp + 1 - digits.Length);
        return sign + digits[..(exp + 1)] + "." + digits[(exp + 1)..];
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace ManifestLint.Admission.Cel;

/// <summary>Semantic versions for Kubernetes' semver library: <c>semver('1.2.3-rc.1')</c>; with normalize, <c>v1.2</c> is <c>1.2.0</c>.</summary>
public sealed partial class CelSemver : IComparable<CelSemver>
{
    private CelSemver(ulong major, ulong minor, ulong patch, string pre, string text)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Pre = pre;
        Text = text;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    public string Pre { get; }

    public string Text { get; }

    public static bool TryParse(string s, bool normalize, out CelSemver? v)
    {
        v = null;
        var text = s;
        if (normalize)
        {
            text = text.StartsWith('v') ? text[1..] : text;
            var core = text.Split(['-', '+'], 2)[0];
            var rest = text[core.Length..];
            var parts = core.Split('.');
            if (parts.Length is 1 or 2)
                core = string.Join('.', parts.Concat(Enumerable.Repeat("0", 3 - parts.Length)));
            text = string.Join('.', core.Split('.').Select(p => p.Length > 1 ? p.TrimStart('0').PadLeft(1, '0') : p)) + rest;
        }

        var m = SemverPattern().Match(text);
        if (!m.Success
            || !ulong.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !ulong.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !ulong.TryParse(m.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
            return false;
        v = new CelSemver(major, minor, patch, m.Groups[4].Value, s);
        return true;
    }

    public static CelSemver Parse(string s, bool normalize) =>
        TryParse(s, normalize, out var v) ? v! : throw new CelEvalException($"No Major.Minor.Patch elements found: '{s}'");

    public object Call(string fn, object?[] a) => (fn, a.Length) switch
    {
        ("major", 0) => (long)Major,
        ("minor", 0) => (long)Minor,
        ("patch", 0) => (long)Patch,
        ("isGreaterThan", 1) => CompareTo(Other(a[0])) > 0,
        ("isLessThan", 1) => CompareTo(Other(a[0])) < 0,
        ("compareTo", 1) => (long)CompareTo(Other(a[0])),
        _ => throw CelSemantics.NoOverload(fn, this),
    };

    public int CompareTo(CelSemver? other)
    {
        if (other is null)
            return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0)
            c = Minor.CompareTo(other.Minor);
        if (c == 0)
            c = Patch.CompareTo(other.Patch);
        if (c != 0)
            return Math.Sign(c);
        if (Pre.Length == 0 || other.Pre.Length == 0)
            return other.Pre.Length.CompareTo(Pre.Length) switch { > 0 => 1, < 0 => -1, _ => 0 };
        var x = Pre.Split('.');
        var y = other.Pre.Split('.');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var xn = ulong.TryParse(x[i], NumberStyles.None, CultureInfo.InvariantCulture, out var xi);
            var yn = ulong.TryParse(y[i], NumberStyles.None, CultureInfo.InvariantCulture, out var yi);
            var d = (xn, yn) switch
            {
                (true, true) => xi.CompareTo(yi),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(x[i], y[i]),
            };
            if (d != 0)
                return Math.Sign(d);
        }

        return x.Length.CompareTo(y.Length);
    }

    public override bool Equals(object? obj) => obj is CelSemver o && CompareTo(o) == 0;

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, Pre);

    public override string ToString() => Text;

    private static CelSemver Other(object? o) => o as CelSemver ?? throw CelSemantics.NoOverload("semver comparison", o);

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemverPattern();
}

using System.Globalization;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Masterminds semver v3.2.0's <c>*semver.Version</c> (or the <c>semver.Version</c> value that
/// <c>IncMajor</c>/<c>IncMinor</c>/<c>IncPatch</c> return): numeric segments, prerelease, metadata and the
/// text it was parsed from. Prints as <c>String()</c>.
/// </summary>
public sealed class SemverVersion : IGoObject, IGoJsonValue
{
    internal const string PointerTypeName = "*semver.Version";

    internal SemverVersion(ulong major, ulong minor, ulong patch, string prerelease, string metadata, string original, bool isPointer = true)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Metadata = metadata;
        Original = original;
        IsPointer = isPointer;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    public string Prerelease { get; }

    public string Metadata { get; }

    public string Original { get; }

    internal bool IsPointer { get; }

    public string GoTypeName => IsPointer ? PointerTypeName : "semver.Version";

    public string FormatGo() => ToString();

    /// <summary>Masterminds' <c>MarshalJSON</c> writes the version string.</summary>
    public object? ToJsonValue() => ToString();

    public override string ToString()
    {
        var s = string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (Prerelease.Length > 0)
            s += "-" + Prerelease;
        if (Metadata.Length > 0)
            s += "+" + Metadata;
        return s;
    }

    public bool TryGetField(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        var other = GoType.Object(PointerTypeName);
        method = name switch
        {
            "Major" => Nullary(name, _ => Major),
            "Minor" => Nullary(name, _ => Minor),
            "Patch" => Nullary(name, _ => Patch),
            "Prerelease" => Nullary(name, _ => Prerelease),
            "Metadata" => Nullary(name, _ => Metadata),
            "Original" => Nullary(name, _ => Original),
            "String" => Nullary(name, _ => ToString()),
            "IncMajor" => Nullary(name, _ => Increment(Major + 1, 0, 0)),
            "IncMinor" => Nullary(name, _ => Increment(Major, Minor + 1, 0)),
            "IncPatch" => Nullary(name, _ => Prerelease.Length > 0 ? Increment(Major, Minor, Patch) : Increment(Major, Minor, Patch + 1)),
            "Compare" => SprigExtraArgs.Method(name, [other], GoType.Int, false, c => (long)Compare((SemverVersion)c[0]!)),
            "LessThan" => SprigExtraArgs.Method(name, [other], GoType.Bool, false, c => Compare((SemverVersion)c[0]!) < 0),
            "GreaterThan" => SprigExtraArgs.Method(name, [other], GoType.Bool, false, c => Compare((SemverVersion)c[0]!) > 0),
            "Equal" => SprigExtraArgs.Method(name, [other], GoType.Bool, false, c => Compare((SemverVersion)c[0]!) == 0),
            _ => null,
        };
        return method is not null;
    }

    private static TemplateFunction Nullary(string name, Func<FunctionCall, object?> body) =>
        SprigExtraArgs.Method(name, [], GoType.Interface, false, body);

    private SemverVersion Increment(ulong major, ulong minor, ulong patch)
    {
        var next = new SemverVersion(major, minor, patch, "", "", "", isPointer: false);
        var prefix = Original.StartsWith('v') ? "v" : "";
        return new SemverVersion(major, minor, patch, "", "", prefix + next, isPointer: false);
    }

    /// <summary>Masterminds' precedence: numeric segments, then a release above any prerelease, then prerelease parts.</summary>
    public int Compare(SemverVersion o)
    {
        var d = Major.CompareTo(o.Major);
        if (d == 0)
            d = Minor.CompareTo(o.Minor);
        if (d == 0)
            d = Patch.CompareTo(o.Patch);
        if (d != 0)
            return Math.Sign(d);
        if (Prerelease.Length == 0 && o.Prerelease.Length == 0)
            return 0;
        if (Prerelease.Length == 0)
            return 1;
        if (o.Prerelease.Length == 0)
            return -1;
        return ComparePrerelease(Prerelease, o.Prerelease);
    }

    internal static int ComparePrerelease(string v, string o)
    {
        var sparts = v.Split('.');
        var oparts = o.Split('.');
        var l = Math.Max(sparts.Length, oparts.Length);
        for (var i = 0; i < l; i++)
        {
            var d = ComparePart(i < sparts.Length ? sparts[i] : "", i < oparts.Length ? oparts[i] : "");
            if (d != 0)
                return d;
        }

        return 0;
    }

    private static int ComparePart(string s, string o)
    {
        if (s == o)
            return 0;
        if (s.Length == 0)
            return -1;
        if (o.Length == 0)
            return 1;
        var oNum = ulong.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var oi);
        var sNum = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var si);
        if (!oNum && !sNum)
            return string.CompareOrdinal(s, o) > 0 ? 1 : -1;
        if (!oNum)
            return -1;
        if (!sNum)
            return 1;
        return si > oi ? 1 : -1;
    }
}

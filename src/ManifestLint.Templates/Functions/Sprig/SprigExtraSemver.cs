using System.Globalization;
using static ManifestLint.Templates.Functions.Sprig.SprigExtraArgs;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// <c>semver</c> and <c>semverCompare</c> with Masterminds semver v3.2.0's grammar. The library's own
/// regular expressions are Go regexps, so they run on the same Go-regexp translation the regex functions use.
/// </summary>
internal static class SprigExtraSemver
{
    private const string SemVerRegex = @"v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?" +
        @"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?" +
        @"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";

    private const string CvRegex = @"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?" +
        @"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?" +
        @"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";

    private const string Ops = @"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "semver", [GoType.String], GoType.Object(SemverVersion.PointerTypeName), true,
            c => Wrap(() => ParseVersion(Str(c[0]))));
        Add(map, "semverCompare", [GoType.String, GoType.String], GoType.Bool, true, c => Wrap(() =>
        {
            var constraints = ParseConstraints(Str(c[0]));
            var version = ParseVersion(Str(c[1]));
            return constraints.Any(and => and.All(con => con.Check(version)));
        }));
    }

    private static T Wrap<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (FormatException e)
        {
            throw new TemplateFunctionException(e.Message, e);
        }
    }

    /// <summary>Masterminds' <c>NewVersion</c>; throws <see cref="FormatException"/> with its error text.</summary>
    internal static SemverVersion ParseVersion(string v)
    {
        var m = SprigExtraGoRegexp.Compile("^" + SemVerRegex + "$").FindStringSubmatch(v)
            ?? throw new FormatException("Invalid Semantic Version");
        var major = Segment(m[1]);
        var minor = m[2].Length > 0 ? Segment(m[2][1..]) : 0;
        var patch = m[3].Length > 0 ? Segment(m[3][1..]) : 0;
        var pre = m[5];
        var meta = m[8];
        if (pre.Length > 0)
        {
            foreach (var part in pre.Split('.'))
            {
                if (part.All(char.IsAsciiDigit))
                {
                    if (part.Length > 1 && part[0] == '0')
                        throw new FormatException("Version segment starts with 0");
                }
                else if (!part.All(IsAllowed))
                {
                    throw new FormatException("Invalid Prerelease string");
                }
            }
        }

        if (meta.Length > 0 && meta.Split('.').Any(part => !part.All(IsAllowed)))
            throw new FormatException("Invalid Metadata string");
        return new SemverVersion(major, minor, patch, pre, meta, v);
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private static ulong Segment(string digits)
    {
        if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new FormatException("Error parsing version segment: strconv.ParseUint: parsing " + Values.GoFormat.Quote(digits) + ": value out of range");
        return n;
    }

    /// <summary>Masterminds' <c>NewConstraint</c>: OR groups of AND-ed constraints.</summary>
    internal static List<List<Constraint>> ParseConstraints(string c)
    {
        c = RewriteRange(c);
        var valid = SprigExtraGoRegexp.Compile($@"^(\s*({Ops})\s*({CvRegex})\s*)((?:\s+|,\s*)({Ops})\s*({CvRegex})\s*)*$");
        var find = SprigExtraGoRegexp.Compile($@"({Ops})\s*({CvRegex})");
        var single = SprigExtraGoRegexp.Compile($@"^\s*({Ops})\s*({CvRegex})\s*$");
        var result = new List<List<Constraint>>();
        foreach (var or in c.Split("||"))
        {
            if (!valid.IsMatch(or))
                throw new FormatException("improper constraint: " + or);
            var parts = find.FindAllString(or, -1) ?? [or];
            result.Add(parts.Select(p => ParseConstraint(single, p)).ToList());
        }

        return result;
    }

    private static string RewriteRange(string i)
    {
        var range = SprigExtraGoRegexp.Compile($@"\s*({CvRegex})\s+-\s+({CvRegex})\s*");
        var matches = range.FindAllStringSubmatch(i);
        var o = i;
        foreach (var m in matches)
        {
            var t = $">= {m[1]}, <= {m[11]} ";
            var at = o.IndexOf(m[0], StringComparison.Ordinal);
            if (at >= 0)
                o = string.Concat(o.AsSpan(0, at), t, o.AsSpan(at + m[0].Length));
        }

        return o;
    }

    private static Constraint ParseConstraint(SprigExtraGoRegexp single, string c)
    {
        if (c.Length == 0)
            return new Constraint("", new SemverVersion(0, 0, 0, "", "", "0.0.0"), false, false, true);
        var m = single.FindStringSubmatch(c) ?? throw new FormatException("improper constraint: " + c);
        var ver = m[2];
        bool minorDirty = false, patchDirty = false, dirty = false;
        if (IsX(m[3]) || m[3].Length == 0)
        {
            ver = "0.0.0" + m[6];
            dirty = true;
        }
        else if (IsX(m[4].TrimStart('.')) || m[4].Length == 0)
        {
            minorDirty = true;
            dirty = true;
            ver = m[3] + ".0.0" + m[6];
        }
        else if (IsX(m[5].TrimStart('.')) || m[5].Length == 0)
        {
            dirty = true;
            patchDirty = true;
            ver = m[3] + m[4] + ".0" + m[6];
        }

        SemverVersion con;
        try
        {
            con = ParseVersion(ver);
        }
        catch (FormatException)
        {
            throw new FormatException("constraint Parser Error");
        }

        return new Constraint(m[1], con, minorDirty, patchDirty, dirty);
    }

    private static bool IsX(string s) => s is "x" or "X" or "*";

    /// <summary>One comparison of a constraint, with Masterminds' handling of wildcards and prereleases.</summary>
    internal sealed record Constraint(string Op, SemverVersion Con, bool MinorDirty, bool PatchDirty, bool Dirty)
    {
        public bool Check(SemverVersion v)
        {
            if (Op == "!=")
                return NotEqual(v);

            // Every other operator refuses a prerelease unless the constraint names one.
            if (v.Prerelease.Length > 0 && Con.Prerelease.Length == 0)
                return false;
            return Op switch
            {
                "" or "=" => Dirty ? Tilde(v) : v.Compare(Con) == 0,
                ">" => GreaterThan(v),
                "<" => v.Compare(Con) < 0,
                ">=" or "=>" => v.Compare(Con) >= 0,
                "<=" or "=<" => LessThanEqual(v),
                "~" or "~>" => Tilde(v),
                "^" => Caret(v),
                _ => false,
            };
        }

        private bool NotEqual(SemverVersion v)
        {
            if (Dirty)
            {
                if (v.Prerelease.Length > 0 && Con.Prerelease.Length == 0)
                    return false;
                if (Con.Major != v.Major)
                    return true;
                if (Con.Minor != v.Minor && !MinorDirty)
                    return true;
                if (MinorDirty)
                    return false;
                if (Con.Patch != v.Patch && !PatchDirty)
                    return true;
                if (PatchDirty)
                {
                    if (v.Prerelease.Length > 0 || Con.Prerelease.Length > 0)
                        return SemverVersion.ComparePrerelease(v.Prerelease, Con.Prerelease) != 0;
                    return false;
                }
            }

            return v.Compare(Con) != 0;
        }

        private bool GreaterThan(SemverVersion v)
        {
            if (!Dirty)
                return v.Compare(Con) == 1;
            if (v.Major > Con.Major)
                return true;
            if (v.Major < Con.Major)
                return false;
            if (MinorDirty)
                return false;
            if (PatchDirty)
                return v.Minor > Con.Minor;
            return v.Compare(Con) == 1;
        }

        private bool LessThanEqual(SemverVersion v)
        {
            if (!Dirty)
                return v.Compare(Con) <= 0;
            if (v.Major > Con.Major)
                return false;
            if (v.Major == Con.Major && v.Minor > Con.Minor && !MinorDirty)
                return false;
            return true;
        }

        private bool Tilde(SemverVersion v)
        {
            if (v.Compare(Con) < 0)
                return false;
            if (Con.Major == 0 && Con.Minor == 0 && Con.Patch == 0 && !MinorDirty && !PatchDirty)
                return true;
            if (v.Major != Con.Major)
                return false;
            if (v.Minor != Con.Minor && !MinorDirty)
                return false;
            return true;
        }

        private bool Caret(SemverVersion v)
        {
            if (v.Compare(Con) < 0)
                return false;
            if (Con.Major > 0 || MinorDirty)
                return v.Major == Con.Major;
            if (Con.Major == 0 && v.Major > 0)
                return false;
            if (Con.Minor > 0 || PatchDirty)
                return v.Minor == Con.Minor;
            if (Con.Minor == 0 && v.Minor > 0)
                return false;
            return Con.Patch == v.Patch;
        }
    }
}

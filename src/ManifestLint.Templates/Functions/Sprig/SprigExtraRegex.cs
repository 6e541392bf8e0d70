using static ManifestLint.Templates.Functions.Sprig.SprigExtraArgs;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Sprig's regex functions. The plain forms panic on a bad pattern (MustCompile), except
/// <c>regexMatch</c>, which reports false; the <c>must*</c> forms return Go's compile error.</summary>
internal static class SprigExtraRegex
{
    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        GoType[] twoStrings = [GoType.String, GoType.String];
        GoType[] stringsAndInt = [GoType.String, GoType.String, GoType.Int];
        GoType[] threeStrings = [GoType.String, GoType.String, GoType.String];

        Add(map, "regexMatch", twoStrings, GoType.Bool, false, c =>
        {
            try
            {
                return SprigExtraGoRegexp.Compile(Str(c[0])).IsMatch(Str(c[1]));
            }
            catch (SprigExtraRegexSyntaxException)
            {
                return false;
            }
        });
        Add(map, "mustRegexMatch", twoStrings, GoType.Bool, true, c => Compile(c[0]).IsMatch(Str(c[1])));
        Add(map, "regexFindAll", stringsAndInt, GoType.StringSlice, false,
            c => StringList(SprigExtraGoRegexp.MustCompile(Str(c[0])).FindAllString(Str(c[1]), (int)Int(c[2]))));
        Add(map, "mustRegexFindAll", stringsAndInt, GoType.StringSlice, true,
            c => StringList(Compile(c[0]).FindAllString(Str(c[1]), (int)Int(c[2]))));
        Add(map, "regexFind", twoStrings, GoType.String, false,
            c => SprigExtraGoRegexp.MustCompile(Str(c[0])).FindString(Str(c[1])));
        Add(map, "mustRegexFind", twoStrings, GoType.String, true, c => Compile(c[0]).FindString(Str(c[1])));
        Add(map, "regexReplaceAll", threeStrings, GoType.String, false,
            c => SprigExtraGoRegexp.MustCompile(Str(c[0])).ReplaceAll(Str(c[1]), Str(c[2]), literal: false));
        Add(map, "mustRegexReplaceAll", threeStrings, GoType.String, true,
            c => Compile(c[0]).ReplaceAll(Str(c[1]), Str(c[2]), literal: false));
        Add(map, "regexReplaceAllLiteral", threeStrings, GoType.String, false,
            c => SprigExtraGoRegexp.MustCompile(Str(c[0])).ReplaceAll(Str(c[1]), Str(c[2]), literal: true));
        Add(map, "mustRegexReplaceAllLiteral", threeStrings, GoType.String, true,
            c => Compile(c[0]).ReplaceAll(Str(c[1]), Str(c[2]), literal: true));
        Add(map, "regexSplit", stringsAndInt, GoType.StringSlice, false,
            c => StringList(SprigExtraGoRegexp.MustCompile(Str(c[0])).Split(Str(c[1]), (int)Int(c[2]))));
        Add(map, "mustRegexSplit", stringsAndInt, GoType.StringSlice, true,
            c => StringList(Compile(c[0]).Split(Str(c[1]), (int)Int(c[2]))));
        Add(map, "regexQuoteMeta", [GoType.String], GoType.String, false, c => QuoteMeta(Str(c[0])));
    }

    private static SprigExtraGoRegexp Compile(object? expr)
    {
        try
        {
            return SprigExtraGoRegexp.Compile(Str(expr));
        }
        catch (SprigExtraRegexSyntaxException e)
        {
            throw new TemplateFunctionException(e.Message, e);
        }
    }

    internal static string QuoteMeta(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length * 2);
        foreach (var ch in s)
        {
            if (@"\.+*?()|[]{}^$".Contains(ch, StringComparison.Ordinal))
                sb.Append('\\');
            sb.Append(ch);
        }

        return sb.ToString();
    }
}

using System.Globalization;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Functions.Sprig.SprigExtraArgs;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Sprig's date functions. The local zone is UTC; <c>now</c> comes from the runtime.</summary>
internal static class SprigExtraDates
{
    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        var time = GoType.Object(GoTime.TypeName);
        Add(map, "now", [], time, false, c => Now(c));
        Add(map, "ago", [GoType.Interface], GoType.String, false, c =>
        {
            var t = c[0] switch
            {
                GoTime gt => gt,
                GoInt64 g => GoTime.FromUnix(g.Value),
                long l => GoTime.FromUnix(l),
                _ => Now(c),
            };
            return SprigExtraDuration.Format(SprigExtraDuration.Round(Now(c).Sub(t), SprigExtraDuration.Second));
        });
        Add(map, "date", [GoType.String, GoType.Interface], GoType.String, false,
            c => DateInZone(c, Str(c[0]), c[1], "Local"));
        Add(map, "dateInZone", [GoType.String, GoType.Interface, GoType.String], GoType.String, false,
            c => DateInZone(c, Str(c[0]), c[1], Str(c[2])));
        map["date_in_zone"] = map["dateInZone"] with { Name = "date_in_zone" };
        Add(map, "htmlDate", [GoType.Interface], GoType.String, false,
            c => DateInZone(c, "2006-01-02", c[0], "Local"));
        Add(map, "htmlDateInZone", [GoType.Interface, GoType.String], GoType.String, false,
            c => DateInZone(c, "2006-01-02", c[0], Str(c[1])));
        Add(map, "dateModify", [GoType.String, time], time, false, c =>
        {
            var t = (GoTime)c[1]!;
            try
            {
                return t.Add(SprigExtraDuration.Parse(Str(c[0])));
            }
            catch (FormatException)
            {
                return t;
            }
        });
        map["date_modify"] = map["dateModify"] with { Name = "date_modify" };
        Add(map, "mustDateModify", [GoType.String, time], time, true, c =>
        {
            var t = (GoTime)c[1]!;
            return t.Add(Wrap(() => SprigExtraDuration.Parse(Str(c[0]))));
        });
        map["must_date_modify"] = map["mustDateModify"] with { Name = "must_date_modify" };
        Add(map, "duration", [GoType.Interface], GoType.String, false, c =>
        {
            long n = c[0] switch
            {
                string or Provenance.TrackedString => long.TryParse(Str(c[0]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0,
                GoInt64 g => g.Value,
                _ => 0,
            };
            return SprigExtraDuration.Format(unchecked(n * SprigExtraDuration.Second));
        });
        Add(map, "durationRound", [GoType.Interface], GoType.String, false, c => DurationRound(c));
        Add(map, "toDate", [GoType.String, GoType.String], time, false, c =>
        {
            try
            {
                return SprigExtraTimeLayout.Parse(Str(c[0]), Str(c[1]), SprigExtraLocation.Local);
            }
            catch (FormatException)
            {
                return GoTime.Zero;
            }
        });
        Add(map, "mustToDate", [GoType.String, GoType.String], time, true,
            c => Wrap(() => SprigExtraTimeLayout.Parse(Str(c[0]), Str(c[1]), SprigExtraLocation.Local)));
        Add(map, "unixEpoch", [time], GoType.String, false,
            c => ((GoTime)c[0]!).UnixSeconds.ToString(CultureInfo.InvariantCulture));
    }

    private static GoTime Now(FunctionCall c) => GoTime.FromDateTimeOffset(c.Runtime.Now);

    private static string DateInZone(FunctionCall c, string layout, object? date, string zone)
    {
        var t = date switch
        {
            GoTime gt => gt,
            GoInt64 g => GoTime.FromUnix(g.Value),
            long l => GoTime.FromUnix(l),
            int i => GoTime.FromUnix(i),
            _ => Now(c),
        };
        var loc = SprigExtraLocation.Load(zone) ?? SprigExtraLocation.Utc;
        return t.In(loc).Format(layout);
    }

    private static string DurationRound(FunctionCall c)
    {
        long d = c[0] switch
        {
            string or Provenance.TrackedString => TryParse(Str(c[0])),
            GoInt64 g => g.Value,
            GoTime t => Now(c).Sub(t),
            _ => 0,
        };
        var u = unchecked((ulong)d);
        if (d < 0)
            u = unchecked(0 - u);
        const ulong Hour = 3_600_000_000_000UL;
        (ulong Size, string Suffix)[] units =
        [
            (Hour * 24 * 365, "y"), (Hour * 24 * 30, "mo"), (Hour * 24, "d"), (Hour, "h"),
            (60_000_000_000UL, "m"), (1_000_000_000UL, "s"),
        ];
        foreach (var (size, suffix) in units)
        {
            if (u > size)
                return (u / size).ToString(CultureInfo.InvariantCulture) + suffix;
        }

        return "0s";
    }

    private static long TryParse(string s)
    {
        try
        {
            return SprigExtraDuration.Parse(s);
        }
        catch (FormatException)
        {
            return 0;
        }
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
}

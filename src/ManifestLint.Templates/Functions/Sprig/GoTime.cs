using System.Globalization;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// A Go <c>time.Time</c>: an instant with nanosecond precision and the location it is shown in.
/// Templates reach its methods (<c>.Unix</c>, <c>.Year</c>, <c>.Format</c>, …); it prints as Go's
/// <c>Time.String</c> does (<c>2020-01-02 03:04:05 +0000 UTC</c>).
/// </summary>
public sealed class GoTime : IGoObject, IGoJsonValue
{
    internal const string TypeName = "time.Time";

    /// <summary>Seconds between 0001-01-01 and 1970-01-01, Go's zero time.</summary>
    internal const long ZeroUnix = -62135596800L;

    internal GoTime(long unixSeconds, int nanoseconds, SprigExtraLocation location)
    {
        UnixSeconds = unixSeconds;
        Nanoseconds = nanoseconds;
        Location = location;
    }

    public long UnixSeconds { get; }

    /// <summary>Nanoseconds within the second, 0 to 999,999,999.</summary>
    public int Nanoseconds { get; }

    internal SprigExtraLocation Location { get; }

    public string GoTypeName => TypeName;

    /// <summary>Go's zero <c>time.Time</c> (0001-01-01 00:00:00 UTC).</summary>
    public static GoTime Zero { get; } = new(ZeroUnix, 0, SprigExtraLocation.Utc);

    public static GoTime FromDateTimeOffset(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - DateTime.UnixEpoch.Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rem);
        if (rem < 0)
        {
            seconds--;
            rem += TimeSpan.TicksPerSecond;
        }

        return new GoTime(seconds, (int)(rem * 100), SprigExtraLocation.Local);
    }

    internal static GoTime FromUnix(long seconds) => new(seconds, 0, SprigExtraLocation.Local);

    internal GoTime In(SprigExtraLocation location) => new(UnixSeconds, Nanoseconds, location);

    /// <summary>Adds a Go duration (nanoseconds).</summary>
    internal GoTime Add(long duration)
    {
        var sec = UnixSeconds + (duration / 1_000_000_000);
        var nsec = Nanoseconds + (int)(duration % 1_000_000_000);
        if (nsec >= 1_000_000_000)
        {
            sec++;
            nsec -= 1_000_000_000;
        }
        else if (nsec < 0)
        {
            sec--;
            nsec += 1_000_000_000;
        }

        return new GoTime(sec, nsec, Location);
    }

    /// <summary>Go's <c>t.Sub(u)</c>, saturating at the limits of <c>time.Duration</c>.</summary>
    internal long Sub(GoTime other)
    {
        var d = ((Int128)(UnixSeconds - other.UnixSeconds) * 1_000_000_000) + (Nanoseconds - other.Nanoseconds);
        if (d > long.MaxValue)
            return long.MaxValue;
        if (d < long.MinValue)
            return long.MinValue;
        return (long)d;
    }

    internal Civil ToCivil()
    {
        var (abbr, offset) = Location.Lookup(UnixSeconds);
        var local = UnixSeconds + offset;
        var days = FloorDiv(local, 86400);
        var secOfDay = local - (days * 86400);
        var (y, m, d) = CivilFromDays(days);
        var weekday = (int)(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday (4).
        var yday = (int)(days - DaysFromCivil(y, 1, 1)) + 1;
        return new Civil(y, m, d, (int)(secOfDay / 3600), (int)(secOfDay % 3600 / 60), (int)(secOfDay % 60), Nanoseconds, weekday, yday, abbr, offset);
    }

    internal readonly record struct Civil(
        long Year, int Month, int Day, int Hour, int Minute, int Second, int Nanosecond, int Weekday, int YearDay, string Zone, int Offset);

    internal static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    // Howard Hinnant's days-from-civil algorithms, valid for any proleptic Gregorian year.
    internal static long DaysFromCivil(long y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = FloorDiv(y, 400);
        var yoe = y - (era * 400);
        var doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 719468;
    }

    internal static (long Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719468;
        var era = FloorDiv(z, 146097);
        var doe = z - (era * 146097);
        var yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        var m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (m <= 2 ? y + 1 : y, m, d);
    }

    internal static int DaysIn(int month, long year) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    internal static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>A <c>time.Duration</c> (nanoseconds, kind int64) that prints as Go's <c>Duration.String</c>.</summary>
    internal static GoNamedInt Duration(long nanoseconds) =>
        new(GoNamedInt.DurationType, nanoseconds, SprigExtraDuration.Format(nanoseconds), "int64");

    // Add's time.Duration parameter: a duration, or a number written in the template.
    private static long DurationArgument(object? value) => value switch
    {
        GoNamedInt { GoTypeName: GoNamedInt.DurationType } d => d.Value,
        long or int or GoInt64 => SprigExtraArgs.Int(value),
        _ => throw new TemplateFunctionException("wrong type for value; expected time.Duration; got " + GoFormat.TypeName(value)),
    };

    /// <summary>A <c>time.Month</c> (1 to 12): an int that prints as its English name.</summary>
    internal static GoNamedInt Month(int month) => new("time.Month", month, MonthNames[month - 1]);

    /// <summary>A <c>time.Weekday</c> (0 = Sunday): an int that prints as its English name.</summary>
    internal static GoNamedInt Weekday(int day) => new("time.Weekday", day, DayNames[day]);

    internal static readonly string[] DayNames =
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public string Format(string layout) => SprigExtraTimeLayout.Format(this, layout);

    /// <summary>Go's <c>Time.String</c>.</summary>
    public string FormatGo() => Format("2006-01-02 15:04:05.999999999 -0700 MST");

    public override string ToString() => FormatGo();

    /// <summary>
    /// Go's <c>==</c> on <c>time.Time</c> (what <c>eq</c>/<c>ne</c> use): the same instant in the same
    /// <c>*time.Location</c> (so a time and its <c>.UTC</c> differ).
    /// </summary>
    public override bool Equals(object? obj) =>
        obj is GoTime other && UnixSeconds == other.UnixSeconds && Nanoseconds == other.Nanoseconds && ReferenceEquals(Location, other.Location);

    public override int GetHashCode() => HashCode.Combine(UnixSeconds, Nanoseconds);

    /// <summary><c>reflect.DeepEqual</c> (<c>deepEqual</c>, <c>has</c>, <c>uniq</c>, <c>without</c>): the same instant, locations deeply equal.</summary>
    internal bool DeepEquals(GoTime other) =>
        UnixSeconds == other.UnixSeconds && Nanoseconds == other.Nanoseconds && Location.DeepEquals(other.Location);

    /// <summary>How BurntSushi/toml writes a time: an unquoted RFC 3339 datetime with nanoseconds as needed.</summary>
    internal string TomlText() => Format("2006-01-02T15:04:05.999999999Z07:00");

    /// <summary>Go's <c>Time.MarshalJSON</c>: RFC 3339 with nanoseconds, or nil (a marshal failure) outside years 0 to 9999.</summary>
    public object? ToJsonValue()
    {
        var year = ToCivil().Year;
        return year is < 0 or > 9999 ? null : Format("2006-01-02T15:04:05.999999999Z07:00");
    }

    public bool TryGetField(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        var self = GoType.Object(TypeName);
        method = name switch
        {
            "Unix" => Nullary(name, GoType.Int64, _ => new GoInt64(UnixSeconds)),
            "UnixNano" => Nullary(name, GoType.Int64, _ => new GoInt64(unchecked((UnixSeconds * 1_000_000_000) + Nanoseconds))),
            "UnixMilli" => Nullary(name, GoType.Int64, _ => new GoInt64((UnixSeconds * 1000) + (Nanoseconds / 1_000_000))),
            "UnixMicro" => Nullary(name, GoType.Int64, _ => new GoInt64((UnixSeconds * 1_000_000) + (Nanoseconds / 1000))),
            "Sub" => SprigExtraArgs.Method(name, [self], GoType.Interface, false, c => Duration(Sub((GoTime)c[0]!))),
            "Compare" => SprigExtraArgs.Method(name, [self], GoType.Int, false, c => (long)Math.Sign(Compare((GoTime)c[0]!))),
            "Year" => Nullary(name, GoType.Int, _ => ToCivil().Year),
            "Month" => Nullary(name, GoType.Interface, _ => Month(ToCivil().Month)),
            "Day" => Nullary(name, GoType.Int, _ => (long)ToCivil().Day),
            "Hour" => Nullary(name, GoType.Int, _ => (long)ToCivil().Hour),
            "Minute" => Nullary(name, GoType.Int, _ => (long)ToCivil().Minute),
            "Second" => Nullary(name, GoType.Int, _ => (long)ToCivil().Second),
            "Nanosecond" => Nullary(name, GoType.Int, _ => (long)Nanoseconds),
            "YearDay" => Nullary(name, GoType.Int, _ => (long)ToCivil().YearDay),
            "Weekday" => Nullary(name, GoType.Interface, _ => Weekday(ToCivil().Weekday)),
            "IsZero" => Nullary(name, GoType.Bool, _ => UnixSeconds == ZeroUnix && Nanoseconds == 0),
            "String" => Nullary(name, GoType.String, _ => FormatGo()),
            "UTC" => Nullary(name, self, _ => In(SprigExtraLocation.Utc)),
            "Local" => Nullary(name, self, _ => In(SprigExtraLocation.Local)),
            "Format" => SprigExtraArgs.Method(name, [GoType.String], GoType.String, false, c => Format(SprigExtraArgs.Str(c[0]))),
            "Add" => SprigExtraArgs.Method(name, [GoType.Interface], self, false, c => Add(DurationArgument(c[0]))),
            "AddDate" => SprigExtraArgs.Method(name, [GoType.Int, GoType.Int, GoType.Int], self, false,
                c => AddDate(SprigExtraArgs.Int(c[0]), SprigExtraArgs.Int(c[1]), SprigExtraArgs.Int(c[2]))),
            "After" => SprigExtraArgs.Method(name, [self], GoType.Bool, false, c => Compare((GoTime)c[0]!) > 0),
            "Before" => SprigExtraArgs.Method(name, [self], GoType.Bool, false, c => Compare((GoTime)c[0]!) < 0),
            "Equal" => SprigExtraArgs.Method(name, [self], GoType.Bool, false, c => Compare((GoTime)c[0]!) == 0),
            _ => null,
        };
        return method is not null;
    }

    private int Compare(GoTime other)
    {
        var c = UnixSeconds.CompareTo(other.UnixSeconds);
        return c != 0 ? c : Nanoseconds.CompareTo(other.Nanoseconds);
    }

    private GoTime AddDate(long years, long months, long days)
    {
        var c = ToCivil();
        var totalMonths = (c.Year + years) * 12 + (c.Month - 1) + months;
        var year = FloorDiv(totalMonths, 12);
        var month = (int)(totalMonths - (year * 12)) + 1;
        var dayNumber = DaysFromCivil(year, month, 1) + (c.Day - 1) + days;
        var localSeconds = (dayNumber * 86400) + (c.Hour * 3600) + (c.Minute * 60) + c.Second;
        return FromLocal(localSeconds, Nanoseconds, Location);
    }

    /// <summary>Go's <c>time.Date</c>: a wall-clock reading in <paramref name="location"/> to an instant.</summary>
    internal static GoTime FromLocal(long localSeconds, int nanoseconds, SprigExtraLocation location)
    {
        // Go looks up the offset at (local - offset) and adjusts once when that lands in another zone period.
        var (_, offset) = location.Lookup(localSeconds);
        var unix = localSeconds - offset;
        var (_, offset2) = location.Lookup(unix);
        if (offset2 != offset)
        {
            var candidate = localSeconds - offset2;
            if (location.Lookup(candidate).Offset == offset2)
                unix = candidate;
        }

        return new GoTime(unix, nanoseconds, location);
    }

    private static TemplateFunction Nullary(string name, GoType result, Func<FunctionCall, object?> body) =>
        SprigExtraArgs.Method(name, [], result, false, body);

    internal static string Pad(long value, int width) =>
        value < 0 ? "-" + (-value).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')
                  : value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
}

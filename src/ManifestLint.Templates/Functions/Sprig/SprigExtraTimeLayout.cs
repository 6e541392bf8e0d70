using System.Text;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Go's reference-time layouts (<c>Mon Jan 2 15:04:05 MST 2006</c>): formatting and parsing.</summary>
internal static class SprigExtraTimeLayout
{
    internal enum Std
    {
        None,
        LongMonth,
        Month,
        NumMonth,
        ZeroMonth,
        LongWeekDay,
        WeekDay,
        Day,
        UnderDay,
        ZeroDay,
        UnderYearDay,
        ZeroYearDay,
        Hour,
        Hour12,
        ZeroHour12,
        Minute,
        ZeroMinute,
        Second,
        ZeroSecond,
        LongYear,
        Year,
        PM,
        Pm,
        TZ,
        ISO8601TZ,
        ISO8601SecondsTZ,
        ISO8601ShortTZ,
        ISO8601ColonTZ,
        ISO8601ColonSecondsTZ,
        NumTZ,
        NumSecondsTz,
        NumShortTZ,
        NumColonTZ,
        NumColonSecondsTZ,
        FracSecond0,
        FracSecond9,
    }

    /// <summary>One layout element: the literal text before it, the element, its width (fractions) and separator.</summary>
    internal readonly record struct Chunk(string Prefix, Std Std, int Digits, char Separator, string Suffix, string StdText);

    internal static Chunk Next(string layout)
    {
        for (var i = 0; i < layout.Length; i++)
        {
            var c = layout[i];
            switch (c)
            {
                case 'J':
                    if (At(layout, i, "Jan"))
                    {
                        if (At(layout, i, "January"))
                            return Make(layout, i, 7, Std.LongMonth);
                        if (!StartsWithLower(layout, i + 3))
                            return Make(layout, i, 3, Std.Month);
                    }

                    break;
                case 'M':
                    if (At(layout, i, "Mon"))
                    {
                        if (At(layout, i, "Monday"))
                            return Make(layout, i, 6, Std.LongWeekDay);
                        if (!StartsWithLower(layout, i + 3))
                            return Make(layout, i, 3, Std.WeekDay);
                    }

                    if (At(layout, i, "MST"))
                        return Make(layout, i, 3, Std.TZ);
                    break;
                case '0':
                    if (i + 1 < layout.Length && layout[i + 1] is >= '1' and <= '6')
                    {
                        Std[] std0x = [Std.ZeroMonth, Std.ZeroDay, Std.ZeroHour12, Std.ZeroMinute, Std.ZeroSecond, Std.Year];
                        return Make(layout, i, 2, std0x[layout[i + 1] - '1']);
                    }

                    if (At(layout, i, "002"))
                        return Make(layout, i, 3, Std.ZeroYearDay);
                    break;
                case '1':
                    if (i + 1 < layout.Length && layout[i + 1] == '5')
                        return Make(layout, i, 2, Std.Hour);
                    return Make(layout, i, 1, Std.NumMonth);
                case '2':
                    if (At(layout, i, "2006"))
                        return Make(layout, i, 4, Std.LongYear);
                    return Make(layout, i, 1, Std.Day);
                case '_':
                    if (i + 1 < layout.Length && layout[i + 1] == '2')
                    {
                        if (At(layout, i + 1, "2006"))
                            return new Chunk(layout[..(i + 1)], Std.LongYear, 0, '.', layout[(i + 5)..], "2006");
                        return Make(layout, i, 2, Std.UnderDay);
                    }

                    if (At(layout, i, "__2"))
                        return Make(layout, i, 3, Std.UnderYearDay);
                    break;
                case '3':
                    return Make(layout, i, 1, Std.Hour12);
                case '4':
                    return Make(layout, i, 1, Std.Minute);
                case '5':
                    return Make(layout, i, 1, Std.Second);
                case 'P':
                    if (i + 1 < layout.Length && layout[i + 1] == 'M')
                        return Make(layout, i, 2, Std.PM);
                    break;
                case 'p':
                    if (i + 1 < layout.Length && layout[i + 1] == 'm')
                        return Make(layout, i, 2, Std.Pm);
                    break;
                case '-':
                    if (At(layout, i, "-070000"))
                        return Make(layout, i, 7, Std.NumSecondsTz);
                    if (At(layout, i, "-07:00:00"))
                        return Make(layout, i, 9, Std.NumColonSecondsTZ);
                    if (At(layout, i, "-0700"))
                        return Make(layout, i, 5, Std.NumTZ);
                    if (At(layout, i, "-07:00"))
                        return Make(layout, i, 6, Std.NumColonTZ);
                    if (At(layout, i, "-07"))
                        return Make(layout, i, 3, Std.NumShortTZ);
                    break;
                case 'Z':
                    if (At(layout, i, "Z070000"))
                        return Make(layout, i, 7, Std.ISO8601SecondsTZ);
                    if (At(layout, i, "Z07:00:00"))
                        return Make(layout, i, 9, Std.ISO8601ColonSecondsTZ);
                    if (At(layout, i, "Z0700"))
                        return Make(layout, i, 5, Std.ISO8601TZ);
                    if (At(layout, i, "Z07:00"))
                        return Make(layout, i, 6, Std.ISO8601ColonTZ);
                    if (At(layout, i, "Z07"))
                        return Make(layout, i, 3, Std.ISO8601ShortTZ);
                    break;
                case '.' or ',':
                    if (i + 1 < layout.Length && layout[i + 1] is '0' or '9')
                    {
                        var ch = layout[i + 1];
                        var j = i + 1;
                        while (j < layout.Length && layout[j] == ch)
                            j++;
                        if (!(j < layout.Length && char.IsAsciiDigit(layout[j])))
                        {
                            var std = ch == '9' ? Std.FracSecond9 : Std.FracSecond0;
                            return new Chunk(layout[..i], std, j - (i + 1), c, layout[j..], layout[i..j]);
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return new Chunk(layout, Std.None, 0, '.', "", "");
    }

    private static Chunk Make(string layout, int i, int length, Std std) =>
        new(layout[..i], std, 0, '.', layout[(i + length)..], layout.Substring(i, length));

    private static bool At(string s, int i, string word) =>
        i + word.Length <= s.Length && string.CompareOrdinal(s, i, word, 0, word.Length) == 0;

    private static bool StartsWithLower(string s, int i) => i < s.Length && s[i] is >= 'a' and <= 'z';

    public static string Format(GoTime t, string layout)
    {
        var c = t.ToCivil();
        var b = new StringBuilder(layout.Length + 10);
        while (layout.Length > 0)
        {
            var chunk = Next(layout);
            b.Append(chunk.Prefix);
            if (chunk.Std == Std.None)
                break;
            layout = chunk.Suffix;
            switch (chunk.Std)
            {
                case Std.Year:
                    b.Append(GoTime.Pad(((c.Year % 100) + 100) % 100, 2));
                    break;
                case Std.LongYear:
                    b.Append(GoTime.Pad(c.Year, 4));
                    break;
                case Std.Month:
                    b.Append(GoTime.MonthNames[c.Month - 1].AsSpan(0, 3));
                    break;
                case Std.LongMonth:
                    b.Append(GoTime.MonthNames[c.Month - 1]);
                    break;
                case Std.NumMonth:
                    b.Append(GoTime.Pad(c.Month, 0));
                    break;
                case Std.ZeroMonth:
                    b.Append(GoTime.Pad(c.Month, 2));
                    break;
                case Std.WeekDay:
                    b.Append(GoTime.DayNames[c.Weekday].AsSpan(0, 3));
                    break;
                case Std.LongWeekDay:
                    b.Append(GoTime.DayNames[c.Weekday]);
                    break;
                case Std.Day:
                    b.Append(GoTime.Pad(c.Day, 0));
                    break;
                case Std.UnderDay:
                    if (c.Day < 10)
                        b.Append(' ');
                    b.Append(GoTime.Pad(c.Day, 0));
                    break;
                case Std.ZeroDay:
                    b.Append(GoTime.Pad(c.Day, 2));
                    break;
                case Std.UnderYearDay:
                    if (c.YearDay < 100)
                    {
                        b.Append(' ');
                        if (c.YearDay < 10)
                            b.Append(' ');
                    }

                    b.Append(GoTime.Pad(c.YearDay, 0));
                    break;
                case Std.ZeroYearDay:
                    b.Append(GoTime.Pad(c.YearDay, 3));
                    break;
                case Std.Hour:
                    b.Append(GoTime.Pad(c.Hour, 2));
                    break;
                case Std.Hour12:
                    b.Append(GoTime.Pad(c.Hour % 12 == 0 ? 12 : c.Hour % 12, 0));
                    break;
                case Std.ZeroHour12:
                    b.Append(GoTime.Pad(c.Hour % 12 == 0 ? 12 : c.Hour % 12, 2));
                    break;
                case Std.Minute:
                    b.Append(GoTime.Pad(c.Minute, 0));
                    break;
                case Std.ZeroMinute:
                    b.Append(GoTime.Pad(c.Minute, 2));
                    break;
                case Std.Second:
                    b.Append(GoTime.Pad(c.Second, 0));
                    break;
                case Std.ZeroSecond:
                    b.Append(GoTime.Pad(c.Second, 2));
                    break;
                case Std.PM:
                    b.Append(c.Hour >= 12 ? "PM" : "AM");
                    break;
                case Std.Pm:
                    b.Append(c.Hour >= 12 ? "pm" : "am");
                    break;
                case Std.ISO8601TZ or Std.ISO8601ColonTZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ
                    or Std.ISO8601ColonSecondsTZ or Std.NumTZ or Std.NumColonTZ or Std.NumSecondsTz
                    or Std.NumShortTZ or Std.NumColonSecondsTZ:
                    AppendOffset(b, chunk.Std, c.Offset);
                    break;
                case Std.TZ:
                    if (c.Zone.Length > 0)
                    {
                        b.Append(c.Zone);
                    }
                    else
                    {
                        var zone = c.Offset / 60;
                        if (zone < 0)
                        {
                            b.Append('-');
                            zone = -zone;
                        }
                        else
                        {
                            b.Append('+');
                        }

                        b.Append(GoTime.Pad(zone / 60, 2)).Append(GoTime.Pad(zone % 60, 2));
                    }

                    break;
                case Std.FracSecond0 or Std.FracSecond9:
                    AppendNano(b, c.Nanosecond, chunk.Digits, chunk.Std == Std.FracSecond9, chunk.Separator);
                    break;
                default:
                    break;
            }
        }

        return b.ToString();
    }

    private static void AppendOffset(StringBuilder b, Std std, int offset)
    {
        var iso = std is Std.ISO8601TZ or Std.ISO8601ColonTZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonSecondsTZ;
        if (iso && offset == 0)
        {
            b.Append('Z');
            return;
        }

        var zone = offset / 60;
        var absoffset = offset;
        if (zone < 0)
        {
            b.Append('-');
            zone = -zone;
            absoffset = -absoffset;
        }
        else
        {
            b.Append('+');
        }

        b.Append(GoTime.Pad(zone / 60, 2));
        if (std is Std.ISO8601ColonTZ or Std.NumColonTZ or Std.ISO8601ColonSecondsTZ or Std.NumColonSecondsTZ)
            b.Append(':');
        if (std is not Std.NumShortTZ and not Std.ISO8601ShortTZ)
            b.Append(GoTime.Pad(zone % 60, 2));
        if (std is Std.ISO8601SecondsTZ or Std.NumSecondsTz or Std.NumColonSecondsTZ or Std.ISO8601ColonSecondsTZ)
        {
            if (std is Std.NumColonSecondsTZ or Std.ISO8601ColonSecondsTZ)
                b.Append(':');
            b.Append(GoTime.Pad(absoffset % 60, 2));
        }
    }

    private static void AppendNano(StringBuilder b, int nanosec, int n, bool trim, char separator)
    {
        var digits = nanosec.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        if (n > 9)
            n = 9;
        if (trim)
        {
            while (n > 0 && digits[n - 1] == '0')
                n--;
            if (n == 0)
                return;
        }

        b.Append(separator).Append(digits.AsSpan(0, n));
    }

    /// <summary>Go's <c>time.ParseInLocation</c> with Local = UTC. Throws <see cref="FormatException"/> with Go's message.</summary>
    public static GoTime Parse(string layout, string value, SprigExtraLocation local)
    {
        var alayout = layout;
        var avalue = value;
        var rangeErr = "";
        var amSet = false;
        var pmSet = false;
        long year = 0;
        int month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
        SprigExtraLocation? z = null;
        var zoneOffset = -1;
        var zoneName = "";

        while (true)
        {
            var chunk = Next(layout);
            var stdstr = chunk.StdText;
            if (!Skip(ref value, chunk.Prefix))
                throw Error(alayout, avalue, chunk.Prefix, value, "");
            if (chunk.Std == Std.None)
            {
                if (value.Length != 0)
                    throw Error(alayout, avalue, "", value, ": extra text: " + Quote(value));
                break;
            }

            layout = chunk.Suffix;
            var hold = value;
            var ok = true;
            switch (chunk.Std)
            {
                case Std.Year:
                    if (value.Length < 2)
                    {
                        ok = false;
                        break;
                    }

                    var p = value[..2];
                    value = value[2..];
                    ok = int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y2);
                    year = y2 >= 69 ? y2 + 1900 : y2 + 2000;
                    break;
                case Std.LongYear:
                    if (value.Length < 4 || !char.IsAsciiDigit(value[0]))
                    {
                        ok = false;
                        break;
                    }

                    ok = Atoi(value[..4], out var y4);
                    year = y4;
                    value = value[4..];
                    break;
                case Std.Month:
                case Std.LongMonth:
                    ok = Lookup(chunk.Std == Std.Month ? GoTime.MonthNames.Select(n => n[..3]).ToArray() : GoTime.MonthNames, ref value, out month);
                    month++;
                    break;
                case Std.NumMonth:
                case Std.ZeroMonth:
                    ok = GetNum(ref value, chunk.Std == Std.ZeroMonth, out month);
                    if (ok && (month <= 0 || month > 12))
                        rangeErr = "month";
                    break;
                case Std.WeekDay:
                case Std.LongWeekDay:
                    ok = Lookup(chunk.Std == Std.WeekDay ? GoTime.DayNames.Select(n => n[..3]).ToArray() : GoTime.DayNames, ref value, out _);
                    break;
                case Std.Day:
                case Std.UnderDay:
                case Std.ZeroDay:
                    if (chunk.Std == Std.UnderDay && value.Length > 0 && value[0] == ' ')
                        value = value[1..];
                    ok = GetNum(ref value, chunk.Std == Std.ZeroDay, out day);
                    break;
                case Std.UnderYearDay:
                case Std.ZeroYearDay:
                    for (var i = 0; i < 2; i++)
                    {
                        if (chunk.Std == Std.UnderYearDay && value.Length > 0 && value[0] == ' ')
                            value = value[1..];
                    }

                    ok = GetNum3(ref value, chunk.Std == Std.ZeroYearDay, out yday);
                    if (ok && (yday < 1 || yday > 366))
                        rangeErr = "day-of-year";
                    break;
                case Std.Hour:
                    ok = GetNum(ref value, false, out hour);
                    if (hour < 0 || hour >= 24)
                        rangeErr = "hour";
                    break;
                case Std.Hour12:
                case Std.ZeroHour12:
                    ok = GetNum(ref value, chunk.Std == Std.ZeroHour12, out hour);
                    if (hour < 0 || hour > 12)
                        rangeErr = "hour";
                    break;
                case Std.Minute:
                case Std.ZeroMinute:
                    ok = GetNum(ref value, chunk.Std == Std.ZeroMinute, out min);
                    if (min < 0 || min >= 60)
                        rangeErr = "minute";
                    break;
                case Std.Second:
                case Std.ZeroSecond:
                    ok = GetNum(ref value, chunk.Std == Std.ZeroSecond, out sec);
                    if (!ok)
                        break;
                    if (sec < 0 || sec >= 60)
                    {
                        rangeErr = "second";
                        break;
                    }

                    // A fractional second in the value that the layout does not mention is still accepted.
                    if (value.Length >= 2 && value[0] is '.' or ',' && char.IsAsciiDigit(value[1]))
                    {
                        var next = Next(layout);
                        if (next.Std is Std.FracSecond0 or Std.FracSecond9)
                            break;
                        var n = 2;
                        while (n < value.Length && char.IsAsciiDigit(value[n]))
                            n++;
                        nsec = ParseNanoseconds(value, n);
                        value = value[n..];
                    }

                    break;
                case Std.PM or Std.Pm:
                    if (value.Length < 2)
                    {
                        ok = false;
                        break;
                    }

                    // "PM" layouts read PM/AM, "pm" layouts pm/am, exactly; the case must match.
                    var (pmText, amText) = chunk.Std == Std.PM ? ("PM", "AM") : ("pm", "am");
                    var marker = value[..2];
                    if (marker == pmText)
                        pmSet = true;
                    else if (marker == amText)
                        amSet = true;
                    else
                        ok = false;
                    value = value[2..];
                    break;
                case Std.ISO8601TZ or Std.ISO8601ColonTZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ
                    or Std.ISO8601ColonSecondsTZ or Std.NumTZ or Std.NumShortTZ or Std.NumColonTZ
                    or Std.NumSecondsTz or Std.NumColonSecondsTZ:
                    ok = ParseOffset(chunk.Std, ref value, out var off, out var isZ);
                    if (ok && isZ)
                        z = SprigExtraLocation.Utc;
                    else if (ok)
                        zoneOffset = off;
                    break;
                case Std.TZ:
                    if (value.Length >= 3 && value[..3] == "UTC")
                    {
                        z = SprigExtraLocation.Utc;
                        value = value[3..];
                        break;
                    }

                    var tzLen = ParseTimeZone(value);
                    if (tzLen <= 0)
                    {
                        ok = false;
                        break;
                    }

                    zoneName = value[..tzLen];
                    value = value[tzLen..];
                    break;
                case Std.FracSecond0:
                    {
                        var ndigit = 1 + chunk.Digits;
                        if (value.Length < ndigit)
                        {
                            ok = false;
                            break;
                        }

                        if (value[0] != '.' && value[0] != ',')
                        {
                            ok = false;
                            break;
                        }

                        for (var i = 1; i < ndigit; i++)
                        {
                            if (!char.IsAsciiDigit(value[i]))
                                ok = false;
                        }

                        if (!ok)
                            break;
                        nsec = ParseNanoseconds(value, ndigit);
                        value = value[ndigit..];
                        break;
                    }

                case Std.FracSecond9:
                    {
                        if (value.Length < 2 || value[0] is not '.' and not ',' || value[1] < '0' || value[1] > '9')
                            break;
                        var i = 0;
                        while (i + 1 < value.Length && i < 9 && char.IsAsciiDigit(value[i + 1]))
                            i++;
                        nsec = ParseNanoseconds(value, 1 + i);
                        value = value[(1 + i)..];
                        break;
                    }

                default:
                    break;
            }

            if (rangeErr.Length > 0)
                throw Error(alayout, avalue, stdstr, value, ": " + rangeErr + " out of range");
            if (!ok)
                throw Error(alayout, avalue, stdstr, hold, "");
        }

        if (pmSet && hour < 12)
            hour += 12;
        else if (amSet && hour == 12)
            hour = 0;

        if (yday >= 0)
        {
            var d = 0;
            var m = 0;
            if (GoTime.DaysIn(2, year) == 29)
            {
                if (yday == 31 + 29)
                {
                    m = 2;
                    d = 29;
                }
                else if (yday > 31 + 29)
                {
                    yday--;
                }
            }

            if (m == 0)
            {
                int[] daysBefore = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
                m = (yday / 31) + 1;
                if (daysBefore[m] < yday)
                    m++;
                d = yday - daysBefore[m - 1];
            }

            if (month >= 0 && month != m)
                throw Error(alayout, avalue, "", value, ": day-of-year does not match month");
            month = m;
            if (day >= 0 && day != d)
                throw Error(alayout, avalue, "", value, ": day-of-year does not match day");
            day = d;
        }
        else
        {
            if (month < 0)
                month = 1;
            if (day < 0)
                day = 1;
        }

        if (day < 1 || day > GoTime.DaysIn(month, year))
            throw Error(alayout, avalue, "", value, ": day out of range");

        var localSeconds = (GoTime.DaysFromCivil(year, month, day) * 86400) + (hour * 3600) + (min * 60) + sec;
        if (z is not null)
            return GoTime.FromLocal(localSeconds, nsec, z);
        if (zoneOffset != -1)
        {
            var unix = localSeconds - zoneOffset;
            var (name, offset) = local.Lookup(unix);
            if (offset == zoneOffset && (zoneName.Length == 0 || name == zoneName))
                return new GoTime(unix, nsec, local);
            return new GoTime(unix, nsec, SprigExtraLocation.Fixed(zoneName, zoneOffset));
        }

        if (zoneName.Length > 0)
        {
            var (localName, localOffset) = local.Lookup(localSeconds);
            if (localName == zoneName)
                return new GoTime(localSeconds - localOffset, nsec, local);
            var offset = 0;
            if (zoneName.Length > 3 && zoneName.StartsWith("GMT", StringComparison.Ordinal))
            {
                _ = int.TryParse(zoneName[3..], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out offset);
                offset *= 3600;
            }

            return new GoTime(localSeconds, nsec, SprigExtraLocation.Fixed(zoneName, offset));
        }

        return GoTime.FromLocal(localSeconds, nsec, local);
    }

    private static bool ParseOffset(Std std, ref string value, out int offset, out bool isZ)
    {
        offset = 0;
        isZ = false;
        var iso = std is Std.ISO8601TZ or Std.ISO8601ColonTZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonSecondsTZ;
        if (iso && value.Length >= 1 && value[0] == 'Z')
        {
            value = value[1..];
            isZ = true;
            return true;
        }

        string sign, hh, mm = "00", ss = "00";
        if (std is Std.ISO8601ColonTZ or Std.NumColonTZ)
        {
            if (value.Length < 6 || value[3] != ':')
                return false;
            (sign, hh, mm) = (value[..1], value[1..3], value[4..6]);
            value = value[6..];
        }
        else if (std is Std.NumShortTZ or Std.ISO8601ShortTZ)
        {
            if (value.Length < 3)
                return false;
            (sign, hh) = (value[..1], value[1..3]);
            value = value[3..];
        }
        else if (std is Std.ISO8601ColonSecondsTZ or Std.NumColonSecondsTZ)
        {
            if (value.Length < 9 || value[3] != ':' || value[6] != ':')
                return false;
            (sign, hh, mm, ss) = (value[..1], value[1..3], value[4..6], value[7..9]);
            value = value[9..];
        }
        else if (std is Std.ISO8601SecondsTZ or Std.NumSecondsTz)
        {
            if (value.Length < 7)
                return false;
            (sign, hh, mm, ss) = (value[..1], value[1..3], value[3..5], value[5..7]);
            value = value[7..];
        }
        else
        {
            if (value.Length < 5)
                return false;
            (sign, hh, mm) = (value[..1], value[1..3], value[3..5]);
            value = value[5..];
        }

        if (!Atoi(hh, out var h) || !Atoi(mm, out var m) || !Atoi(ss, out var s))
            return false;
        if (h > 24 || m >= 60 || s >= 60)
            return false;
        offset = (((h * 60) + m) * 60) + s;
        switch (sign)
        {
            case "+":
                break;
            case "-":
                offset = -offset;
                break;
            default:
                return false;
        }

        return true;
    }

    // Go's parseTimeZone: the length of a zone abbreviation at the start of value, or 0.
    private static int ParseTimeZone(string value)
    {
        if (value.Length < 3)
            return 0;
        if (value.Length >= 4 && (value[..4] == "ChST" || value[..4] == "MeST"))
            return 4;
        if (value.StartsWith("GMT", StringComparison.Ordinal))
        {
            var length = 3;
            if (value.Length > 3 && value[3] is '-' or '+')
            {
                var n = 4;
                while (n < value.Length && char.IsAsciiDigit(value[n]))
                    n++;
                if (n > 4 && int.TryParse(value[4..n], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hr) && hr <= 23 && value[4] != '0')
                    length = n;
            }

            return length;
        }

        if (value[0] is '+' or '-')
        {
            var n = 1;
            while (n < value.Length && char.IsAsciiDigit(value[n]))
                n++;
            return n is 3 or 5 ? n : 0;
        }

        var upper = 0;
        while (upper < value.Length && value[upper] is >= 'A' and <= 'Z')
            upper++;
        return upper switch
        {
            0 or 1 or 2 => 0,
            5 => value[4] == 'T' ? 5 : 0,
            4 => value[3] == 'T' || value[..4] == "WITA" ? 4 : 0,
            3 => 3,
            _ => 0,
        };
    }

    private static int ParseNanoseconds(string value, int nbytes)
    {
        var ns = 0;
        var i = 1;
        for (; i < nbytes && i < 10; i++)
            ns = (ns * 10) + (value[i] - '0');
        for (; i < 10; i++)
            ns *= 10;
        return ns;
    }

    private static bool Lookup(string[] table, ref string value, out int index)
    {
        for (var i = 0; i < table.Length; i++)
        {
            var v = table[i];
            if (value.Length >= v.Length && string.Equals(value[..v.Length], v, StringComparison.OrdinalIgnoreCase))
            {
                value = value[v.Length..];
                index = i;
                return true;
            }
        }

        index = -1;
        return false;
    }

    private static bool GetNum(ref string s, bool fixedWidth, out int n)
    {
        n = 0;
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]))
            return false;
        if (s.Length < 2 || !char.IsAsciiDigit(s[1]))
        {
            if (fixedWidth)
                return false;
            n = s[0] - '0';
            s = s[1..];
            return true;
        }

        n = ((s[0] - '0') * 10) + (s[1] - '0');
        s = s[2..];
        return true;
    }

    private static bool GetNum3(ref string s, bool fixedWidth, out int n)
    {
        n = 0;
        var i = 0;
        for (; i < 3 && i < s.Length && char.IsAsciiDigit(s[i]); i++)
            n = (n * 10) + (s[i] - '0');
        if (i == 0 || (fixedWidth && i != 3))
            return false;
        s = s[i..];
        return true;
    }

    private static bool Atoi(string s, out int n) =>
        int.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out n);

    private static bool Skip(ref string value, string prefix)
    {
        while (prefix.Length > 0)
        {
            if (prefix[0] == ' ')
            {
                if (value.Length > 0 && value[0] != ' ')
                    return false;
                prefix = prefix.TrimStart(' ');
                value = value.TrimStart(' ');
                continue;
            }

            if (value.Length == 0 || value[0] != prefix[0])
                return false;
            prefix = prefix[1..];
            value = value[1..];
        }

        return true;
    }

    private static FormatException Error(string layout, string value, string layoutElem, string valueElem, string message) =>
        new(message.Length == 0
            ? "parsing time " + Quote(value) + " as " + Quote(layout) + ": cannot parse " + Quote(valueElem) + " as " + Quote(layoutElem)
            : "parsing time " + Quote(value) + message);

    /// <summary>The time package's own quoting (not strconv's): non-ASCII and control bytes as <c>\x</c> escapes.</summary>
    internal static string Quote(string s)
    {
        var b = new StringBuilder(s.Length + 2);
        b.Append('"');
        Span<byte> buf = stackalloc byte[4];
        foreach (var r in s.EnumerateRunes())
        {
            if (r.Value >= 0x80 || r.Value < ' ')
            {
                var n = r.EncodeToUtf8(buf);
                for (var j = 0; j < n; j++)
                    b.Append("\\x").Append(buf[j].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                if (r.Value is '"' or '\\')
                    b.Append('\\');
                b.Append((char)r.Value);
            }
        }

        return b.Append('"').ToString();
    }
}

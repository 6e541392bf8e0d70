namespace ManifestLint.Rules.Reliability;

/// <summary>
/// A CronJob schedule as the CronJob controller reads it: five fields (minute, hour, day of month, month, day of week) with
/// lists, ranges, steps and month/day names, or one of the <c>@yearly</c>…<c>@hourly</c> shorthands, optionally after a
/// <c>CRON_TZ=</c>/<c>TZ=</c> prefix. <c>@every</c> and anything else unparsable gives no schedule.
/// </summary>
internal sealed class CronSchedule
{
    private const int MinutesPerDay = 24 * 60;

    // Two leap-year cycles: every combination of month, day of month and day of week recurs within them closely enough
    // for the shortest gap between two runs.
    private static readonly DateOnly WindowStart = new(2024, 1, 1);
    private const int WindowDays = 8 * 365 + 2;

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _daysOfMonth;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;
    private readonly bool _dayOfMonthStar;
    private readonly bool _dayOfWeekStar;

    private CronSchedule(bool[] minutes, bool[] hours, bool[] daysOfMonth, bool domStar, bool[] months, bool[] daysOfWeek, bool dowStar)
    {
        (_minutes, _hours, _daysOfMonth, _dayOfMonthStar, _months, _daysOfWeek, _dayOfWeekStar) = (minutes, hours, daysOfMonth, domStar, months, daysOfWeek, dowStar);
    }

    public static CronSchedule? Parse(string text)
    {
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length > 0 && (fields[0].StartsWith("CRON_TZ=", StringComparison.Ordinal) || fields[0].StartsWith("TZ=", StringComparison.Ordinal)))
            fields = fields[1..];
        if (fields.Length == 1)
        {
            fields = fields[0].ToLowerInvariant() switch
            {
                "@yearly" or "@annually" => ["0", "0", "1", "1", "*"],
                "@monthly" => ["0", "0", "1", "*", "*"],
                "@weekly" => ["0", "0", "*", "*", "0"],
                "@daily" or "@midnight" => ["0", "0", "*", "*", "*"],
                "@hourly" => ["0", "*", "*", "*", "*"],
                _ => [],
            };
        }

        if (fields.Length != 5)
            return null;
        var minutes = Field(fields[0], 0, 59, null, out _);
        var hours = Field(fields[1], 0, 23, null, out _);
        var daysOfMonth = Field(fields[2], 1, 31, null, out var domStar);
        var months = Field(fields[3], 1, 12, MonthNames, out _);
        var daysOfWeek = Field(fields[4], 0, 6, DayNames, out var dowStar);
        if (minutes is null || hours is null || daysOfMonth is null || months is null || daysOfWeek is null)
            return null;
        return new CronSchedule(minutes, hours, daysOfMonth, domStar, months, daysOfWeek, dowStar);
    }

    /// <summary>
    /// The shortest time between two consecutive runs, in minutes (time zones and daylight saving aside), or null when the
    /// schedule runs at most once in eight years (e.g. <c>0 0 30 2 *</c> never runs).
    /// </summary>
    public int? ShortestIntervalMinutes()
    {
        var times = new List<int>();
        for (var h = 0; h < 24; h++)
        {
            for (var m = 0; m < 60; m++)
            {
                if (_hours[h] && _minutes[m])
                    times.Add(h * 60 + m);
            }
        }

        var shortest = int.MaxValue;
        for (var i = 1; i < times.Count; i++)
            shortest = Math.Min(shortest, times[i] - times[i - 1]);

        int? previousDay = null;
        for (var d = 0; d < WindowDays; d++)
        {
            if (!RunsOn(WindowStart.AddDays(d)))
                continue;
            if (previousDay is { } p)
                shortest = Math.Min(shortest, (d - p) * MinutesPerDay + times[0] - times[^1]);
            previousDay = d;
        }

        return previousDay is null || (shortest == int.MaxValue) ? null : shortest;
    }

    private bool RunsOn(DateOnly day)
    {
        if (!_months[day.Month])
            return false;
        var dom = _daysOfMonth[day.Day];
        var dow = _daysOfWeek[(int)day.DayOfWeek];
        // As in cron: when both day fields are restricted, a day matching either runs; otherwise both must match.
        return _dayOfMonthStar || _dayOfWeekStar ? dom && dow : dom || dow;
    }

    private static bool[]? Field(string field, int min, int max, string[]? names, out bool star)
    {
        star = false;
        var set = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var slash = part.Split('/');
            if (slash.Length > 2)
                return null;
            var step = 1;
            if (slash.Length == 2 && (!int.TryParse(slash[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out step) || step <= 0))
                return null;
            int low, high;
            if (slash[0] is "*" or "?")
            {
                (low, high) = (min, max);
                star |= slash.Length == 1 || step == 1;
            }
            else
            {
                var dash = slash[0].Split('-');
                if (dash.Length > 2 || Value(dash[0], min, max, names) is not { } a)
                    return null;
                low = a;
                high = slash.Length == 2 ? max : a;
                if (dash.Length == 2)
                {
                    if (Value(dash[1], min, max, names) is not { } b || b < a)
                        return null;
                    high = b;
                }
            }

            for (var v = low; v <= high; v += step)
                set[v] = true;
        }

        return set;
    }

    private static int? Value(string text, int min, int max, string[]? names)
    {
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
                return index + min;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : null;
    }
}

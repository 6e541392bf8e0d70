namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// A Go <c>*time.Location</c>: UTC, Local (UTC in this engine, as the conformance environment fixes it),
/// a fixed offset, or an IANA zone read from the system time zone database.
/// </summary>
internal sealed class SprigExtraLocation
{
    private readonly TimeZoneInfo? _zone;
    private readonly SprigExtraTzif? _history;
    private readonly string _fixedAbbreviation;
    private readonly int _fixedOffset;

    private SprigExtraLocation(string name, TimeZoneInfo? zone, string fixedAbbreviation, int fixedOffset, SprigExtraTzif? history = null)
    {
        Name = name;
        _zone = zone;
        _history = history;
        _fixedAbbreviation = fixedAbbreviation;
        _fixedOffset = fixedOffset;
    }

    public static SprigExtraLocation Utc { get; } = new("UTC", null, "UTC", 0);

    public static SprigExtraLocation Local { get; } = new("Local", null, "UTC", 0);

    /// <summary>Go's location name as <c>Location.String</c> shows it.</summary>
    public string Name { get; }

    public bool IsUtcLike => _zone is null && _fixedOffset == 0 && _fixedAbbreviation == "UTC";

    // Go's FixedZone hands out one shared *Location per unnamed whole-hour offset from -12h to +14h, so two times
    // parsed with "+02:00" are == in a template; any other fixed zone is a new pointer.
    private static readonly SprigExtraLocation[] UnnamedHourZones =
        [.. Enumerable.Range(-12, 27).Select(h => new SprigExtraLocation(string.Empty, null, string.Empty, h * 3600))];

    public static SprigExtraLocation Fixed(string name, int offsetSeconds) =>
        name.Length == 0 && offsetSeconds % 3600 == 0 && offsetSeconds is >= -12 * 3600 and <= 14 * 3600
            ? UnnamedHourZones[(offsetSeconds / 3600) + 12]
            : new(name, null, name, offsetSeconds);

    /// <summary>
    /// <c>reflect.DeepEqual</c> of two locations: the same pointer, or two locations other than UTC (whose Go pointer
    /// is nil) with the same name and fixed offset.
    /// </summary>
    public bool DeepEquals(SprigExtraLocation other) =>
        ReferenceEquals(this, other)
        || (!ReferenceEquals(this, Utc) && !ReferenceEquals(other, Utc) && _zone is null && other._zone is null
            && Name == other.Name && _fixedAbbreviation == other._fixedAbbreviation && _fixedOffset == other._fixedOffset);

    /// <summary>Go's <c>time.LoadLocation</c>; null when the zone is unknown.</summary>
    public static SprigExtraLocation? Load(string name)
    {
        if (name.Length == 0 || name == "UTC")
            return Utc;
        if (name == "Local")
            return Local;
        if (name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal))
            return null;
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            return new SprigExtraLocation(name, zone, "", 0, SprigExtraTzif.TryLoad(name));
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The zone abbreviation and offset (seconds east of UTC) in effect at a Unix time.</summary>
    public (string Abbreviation, int Offset) Lookup(long unixSeconds)
    {
        if (_zone is null)
            return (_fixedAbbreviation, _fixedOffset);

        // The zone's own transition table names each past period as Go does; .NET only knows today's names.
        if (_history?.Lookup(unixSeconds) is { } period)
            return period;
        DateTime utc;
        if (unixSeconds is > -62135596800L and < 253402300799L)
            utc = DateTime.UnixEpoch.AddSeconds(unixSeconds);
        else
            return (Abbreviate(_zone.StandardName, (int)_zone.BaseUtcOffset.TotalSeconds), (int)_zone.BaseUtcOffset.TotalSeconds);
        var offset = (int)_zone.GetUtcOffset(utc).TotalSeconds;
        var dst = _zone.IsDaylightSavingTime(utc);
        return (Abbreviate(dst ? _zone.DaylightName : _zone.StandardName, offset), offset);
    }

    private static string Abbreviate(string name, int offset)
    {
        // Zones without a letter abbreviation are named by their offset, which changes with the period.
        if (name.Length > 0 && !name.Contains(' ', StringComparison.Ordinal) && name[0] is not '+' and not '-')
            return name;
        if (offset == 0)
            return "UTC";

        // tzdata writes zones without an abbreviation as a numeric offset such as "+0545".
        var sign = offset < 0 ? '-' : '+';
        var abs = Math.Abs(offset) / 60;
        return abs % 60 == 0
            ? $"{sign}{abs / 60:00}"
            : $"{sign}{abs / 60:00}{abs % 60:00}";
    }
}

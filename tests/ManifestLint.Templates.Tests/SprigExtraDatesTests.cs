using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigExtraTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigExtraDatesTests
{
    private static object? Time(string rfc3339) => Call("toDate", "2006-01-02T15:04:05Z07:00", rfc3339);

    [Fact]
    public void TimesPrintAsGoTimeString()
    {
        Assert.Equal("2021-03-04 05:06:07 +0000 UTC", Print("toDate", "2006-01-02T15:04:05Z07:00", "2021-03-04T05:06:07Z"));
        Assert.Equal("0001-01-01 00:00:00 +0000 UTC", Print("toDate", "2006-01-02", "bad"));
        Assert.Equal("0001-01-01 00:00:00 +0000 UTC", Print("toDate", "2006-01-02", "2020-02-30"));
        Assert.Equal("2020-01-02 03:04:05 +0530 +0530", Print("toDate", "2006-01-02 15:04:05 -0700", "2020-01-02 03:04:05 +0530"));
        Assert.Equal("time.Time", GoFormat.TypeName(Time("2021-03-04T05:06:07Z")));
    }

    [Fact]
    public void MustToDateReportsGoParseErrors()
    {
        Assert.Equal("parsing time \"bad\" as \"2006-01-02\": cannot parse \"bad\" as \"2006\"", Error("mustToDate", "2006-01-02", "bad"));
        Assert.Equal("parsing time \"2020-02-30\": day out of range", Error("mustToDate", "2006-01-02", "2020-02-30"));
        Assert.Equal("parsing time \"2020-13-01\": month out of range", Error("mustToDate", "2006-01-02", "2020-13-01"));
        Assert.Equal("parsing time \"2020-01-01x\": extra text: \"x\"", Error("mustToDate", "2006-01-02", "2020-01-01x"));
    }

    [Theory]
    [InlineData("Monday Mon January Jan 01 1 _2 02", "Thursday Thu March Mar 03 3  4 04")]
    [InlineData("15:04:05.000 Z07:00 -0700 MST", "05:06:07.000 Z +0000 UTC")]
    [InlineData("3:04PM pm", "5:06AM am")]
    [InlineData("06 002", "21 063")]
    [InlineData("not a layout", "not a layout")]
    [InlineData("", "")]
    public void FormatsWithGoReferenceLayouts(string layout, string expected) =>
        Assert.Equal(expected, Call("date", layout, Time("2021-03-04T05:06:07Z")));

    [Fact]
    public void DateAcceptsIntegersAsUnixSecondsAndFormatsNowOtherwise()
    {
        Assert.Equal("2023-11-14 22:13", Call("date", "2006-01-02 15:04", 1700000000L));
        Assert.Equal("1969-12-31T23:59:59Z", Call("date", "2006-01-02T15:04:05Z07:00", -1L));
        Assert.Equal("2001", Call("date", "2006", new GoInt64(1000000000)));
        Assert.Equal("2024-01-02", Call("date", "2006-01-02", 86400.0)); // float64: the runtime's now
        Assert.Equal("2024-01-02", Call("htmlDate", "x"));
        Assert.Equal("1970-01-02", Call("htmlDate", 86400L));
    }

    [Theory]
    [InlineData("America/New_York", "2006-01-02 15:04 MST", "2021-03-04 00:06 EST")]
    [InlineData("Asia/Kolkata", "2006-01-02 15:04 MST", "2021-03-04 10:36 IST")]
    [InlineData("UTC", "2006-01-02 15:04 -07:00", "2021-03-04 05:06 +00:00")]
    [InlineData("Not/AZone", "15:04 MST", "05:06 UTC")]
    [InlineData("Local", "15:04 MST", "05:06 UTC")]
    public void DateInZoneUsesTheIanaDatabase(string zone, string layout, string expected) =>
        Assert.Equal(expected, Call("dateInZone", layout, Time("2021-03-04T05:06:07Z"), zone));

    [Theory]
    [InlineData("Europe/London", 0L, "1970-01-01 01:00 BST")] // British Standard Time, +1 all year
    [InlineData("Asia/Kathmandu", 0L, "1970-01-01 05:30 +0530")]
    [InlineData("Asia/Kathmandu", 1700000000L, "2023-11-15 03:58 +0545")]
    [InlineData("Australia/Sydney", 0L, "1970-01-01 10:00 AEST")]
    public void ZoneAbbreviationsFollowTheirHistory(string zone, long unix, string expected) =>
        Assert.Equal(expected, Call("dateInZone", "2006-01-02 15:04 MST", unix, zone));

    [Fact]
    public void DateModifyAddsGoDurations()
    {
        var t = Time("2021-03-04T05:06:07Z");
        Assert.Equal("2021-03-04 06:36:07 +0000 UTC", Print("dateModify", "1h30m", t));
        Assert.Equal("2021-03-04 05:06:07 +0000 UTC", Print("dateModify", "1d", t)); // unknown unit: unchanged
        Assert.Equal("05:06:07.000001", Call("date", "15:04:05.000000", Call("mustDateModify", "1us", t)));
        Assert.Equal("time: missing unit in duration \"5\"", Error("mustDateModify", "5", t));
        Assert.Equal("time: invalid duration \"x\"", Error("must_date_modify", "x", t));
        Assert.Equal("time: unknown unit \"d\" in duration \"1d\"", Error("mustDateModify", "1d", t));
    }

    [Fact]
    public void DurationsPrintLikeGo()
    {
        Assert.Equal("1m30s", Call("duration", "90"));
        Assert.Equal("0s", Call("duration", 90L)); // only strings and int64 are read
        Assert.Equal("1m35s", Call("duration", new GoInt64(95)));
        Assert.Equal("24h0m1s", Call("duration", "86401"));
        Assert.Equal("-1m1s", Call("duration", "-61"));
        Assert.Equal("60m", Call("durationRound", "1h"));
        Assert.Equal("1mo", Call("durationRound", "721h"));
        Assert.Equal("1y", Call("durationRound", "8761h"));
        Assert.Equal("0s", Call("durationRound", "500ms"));
        Assert.Equal("0s", Call("durationRound", "bad"));
    }

    [Fact]
    public void AgoAndNowUseTheRuntimeClock()
    {
        Assert.Equal("1h0m0s", Call("ago", Call("dateModify", "-1h", Call("now"))));
        Assert.Equal("-1h0m0s", Call("ago", Call("dateModify", "1h", Call("now"))));
        Assert.Equal("0s", Call("ago", "not a time"));
        Assert.Equal("24y", Call("durationRound", Call("toDate", "2006", "2000")));
        Assert.Equal(SprigExtraTestRuntime.FixedNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Call("unixEpoch", Call("now")));
    }

    [Fact]
    public void TimeMethodsAreReachable()
    {
        var t = Call("toDate", "2006-01-02", "2020-03-04");
        Assert.Equal(new GoInt64(1583280000), Method(t, "Unix"));
        // A time.Weekday: the int 3 that prints as "Wednesday".
        Assert.Equal(new GoNamedInt("time.Weekday", 3, "Wednesday"), Method(t, "Weekday"));
        Assert.Equal("Wednesday", GoFormat.FormatValue(Method(t, "Weekday")));
        Assert.Equal(2020L, Method(t, "Year"));
        Assert.Equal(64L, Method(t, "YearDay"));
        Assert.Equal("-62135596800", Call("unixEpoch", GoTime.Zero));
        Assert.Equal("2020-03-04 01:00:00 +0000 UTC", GoFormat.FormatValue(Method(t, "Add", new GoInt64(3_600_000_000_000))));
        Assert.Equal("2020-04-03 00:00:00 +0000 UTC", GoFormat.FormatValue(Method(t, "AddDate", 0L, 0L, 30L)));
    }
}

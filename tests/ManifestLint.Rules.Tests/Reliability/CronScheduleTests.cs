using ManifestLint.Rules.Reliability;

namespace ManifestLint.Rules.Tests.Reliability;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("* * * * *", 1)]
    [InlineData("*/5 * * * *", 5)]
    [InlineData("0 * * * *", 60)]
    [InlineData("@hourly", 60)]
    [InlineData("@daily", 24 * 60)]
    [InlineData("@midnight", 24 * 60)]
    [InlineData("@weekly", 7 * 24 * 60)]
    [InlineData("0 4 * * sun", 7 * 24 * 60)]
    [InlineData("0 22 * * 1-5", 24 * 60)]
    [InlineData("0,30 2 * * MON-FRI", 30)]
    [InlineData("50 23 * * *  ", 24 * 60)]
    [InlineData("0 9-17/4 * * *", 4 * 60)]
    [InlineData("45 23,0 * * *", 60)]
    [InlineData("0 0 1 * *", 28 * 24 * 60)]
    [InlineData("@monthly", 28 * 24 * 60)]
    [InlineData("@yearly", 365 * 24 * 60)]
    [InlineData("0 0 1 1 *", 365 * 24 * 60)]
    [InlineData("10-20/5 * * * *", 5)]
    [InlineData("50/20 * * * *", 60)]
    [InlineData("0 0 1,15 * 1", 24 * 60)]
    [InlineData("0 0 */2 * *", 24 * 60)]
    [InlineData("0 0 29 2 *", 4 * 365 * 24 * 60 + 24 * 60)]
    [InlineData("TZ=UTC */10 * * * *", 10)]
    public void Shortest_interval_follows_the_schedule(string schedule, int minutes)
    {
        var parsed = CronSchedule.Parse(schedule);
        Assert.NotNull(parsed);
        Assert.Equal(minutes, parsed.ShortestIntervalMinutes());
    }

    [Theory]
    [InlineData("")]
    [InlineData("@every 1m")]
    [InlineData("* * * *")]
    [InlineData("* * * * * *")]
    [InlineData("60 * * * *")]
    [InlineData("* 24 * * *")]
    [InlineData("* * 0 * *")]
    [InlineData("* * * 13 *")]
    [InlineData("* * * * 7")]
    [InlineData("*/0 * * * *")]
    [InlineData("5-3 * * * *")]
    [InlineData("{{ .Values.schedule }}")]
    public void Unparsable_schedules_give_none(string schedule) => Assert.Null(CronSchedule.Parse(schedule));

    [Fact]
    public void A_schedule_that_never_runs_has_no_interval() => Assert.Null(CronSchedule.Parse("0 0 30 2 *")!.ShortestIntervalMinutes());

    [Theory]
    [InlineData("http", null)]
    [InlineData("a", null)]
    [InlineData("grpc-web-2", null)]
    [InlineData("abcdefghijklmno", null)]
    [InlineData("abcdefghijklmnop", "it is longer than 15 characters")]
    [InlineData("HTTP", "only lowercase letters, digits and '-' are allowed")]
    [InlineData("web_ui", "only lowercase letters, digits and '-' are allowed")]
    [InlineData("8080", "it has no letter (write a port number unquoted)")]
    [InlineData("80-80", "it has no letter")]
    [InlineData("-admin", "it starts or ends with '-'")]
    [InlineData("admin-", "it starts or ends with '-'")]
    [InlineData("grpc--web", "it has two '-' in a row")]
    public void Port_names_follow_iana_svc_name(string name, string? problem) =>
        Assert.Equal(problem, ServiceTargetPortInvalidName.Problem(name));
}

using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigCoreTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigCoreDefaultsTests
{
    public static TheoryData<object?, bool> Emptiness => new()
    {
        { null, true },
        { 0L, true },
        { 0.0, true },
        { "", true },
        { false, true },
        { List(), true },
        { Map(), true },
        { 1L, false },
        { " ", false },
        { List(0L), false },
        { new GoInt64(0), true },
    };

    [Theory]
    [MemberData(nameof(Emptiness))]
    public void EmptyFollowsGoTruth(object? value, bool expected)
    {
        Assert.Equal(expected, Call("empty", value));
        Assert.Equal(expected ? "D" : GoFormat.FormatValue(value), Print("default", "D", value));
    }

    [Fact]
    public void DefaultWithoutGivenValue() => Assert.Equal("D", Call("default", "D"));

    [Fact]
    public void CoalesceAllAny()
    {
        Assert.Equal("x", Call("coalesce", null, 0L, "x"));
        Assert.Null(Call("coalesce", 0L, "", null, false));
        Assert.Equal(true, Call("all"));
        Assert.Equal(false, Call("all", List()));
        Assert.Equal(true, Call("all", 1L, "a"));
        Assert.Equal(false, Call("any", 0L, "", null));
        Assert.Equal(true, Call("any", List(0L)));
    }

    [Fact]
    public void TernaryPicksByCondition()
    {
        Assert.Equal("a", Call("ternary", "a", "b", true));
        Assert.Equal("b", Call("ternary", "a", "b", false));
    }
}

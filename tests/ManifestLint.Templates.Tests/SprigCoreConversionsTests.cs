using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigCoreTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigCoreConversionsTests
{
    [Theory]
    [InlineData("12", 12L)]
    [InlineData("+7", 7L)]
    [InlineData("007", 7L)]
    [InlineData("12a", 0L)]
    [InlineData(" 12", 0L)]
    [InlineData("1_000", 0L)]
    [InlineData("9223372036854775808", long.MaxValue)]
    public void AtoiIsStrconvAtoiWithoutErrors(string s, long expected) => Assert.Equal(expected, Call("atoi", s));

    [Fact]
    public void IntFollowsSpfCast()
    {
        Assert.Equal(12L, Call("int", 12.9));
        Assert.Equal(0L, Call("int", "1.5"));
        Assert.Equal(1000L, Call("int", "1_000"));
        Assert.Equal(3L, Call("int", "0b11"));
        Assert.Equal(493L, Call("int", "0755"));
        Assert.Equal(12L, Call("int", "12.00"));
        Assert.Equal(0L, Call("int", List(1L)));
        Assert.Equal(new GoInt64(16), Call("int64", "0x10"));
        Assert.Equal(new GoInt64(1), Call("int64", true));
    }

    [Fact]
    public void Float64ParsesGoSyntax()
    {
        Assert.Equal(1000.5, Call("float64", "1_000.5"));
        Assert.Equal(double.PositiveInfinity, Call("float64", "Inf"));
        Assert.True(double.IsNaN((double)Call("float64", "NaN")!));
        Assert.Equal(0.0, Call("float64", "0x10"));
        Assert.Equal(0.0, Call("float64", "  2"));
        Assert.Equal("-0", Print("float64", "-0"));
    }

    [Theory]
    [InlineData("0777", 511L)]
    [InlineData("8", 0L)]
    [InlineData("-10", -8L)]
    [InlineData("0o17", 0L)]
    public void ToDecimalReadsOctal(string s, long expected) => Assert.Equal(new GoInt64(expected), Call("toDecimal", s));

    [Fact]
    public void ToStringUsesGoPrinting()
    {
        Assert.Equal("1e+06", Call("toString", 1e6));
        Assert.Equal("<nil>", Call("toString", [null]));
        Assert.Equal("map[a:2 b:1]", Call("toString", Map(("b", 1L), ("a", 2L))));
    }
}

using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigCoreTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigCoreMathTests
{
    [Fact]
    public void IntegerArithmeticCastsEveryOperand()
    {
        Assert.Equal(new GoInt64(10), Call("add", 1L, 2L, 3L, 4L));
        Assert.Equal(new GoInt64(long.MinValue), Call("add", long.MaxValue, 1L));
        Assert.Equal("8", Print("add", "010", 0L));
        Assert.Equal("-1", Print("add", -1.9, 0L));
        Assert.Equal("4", Print("add", "x", 4L));
        Assert.Equal("2", Print("add", true, 1L));
        Assert.Equal("1", Print("add1", [null]));
        Assert.Equal("6", Print("sub", "10", "4"));
        Assert.Equal("24", Print("mul", 2L, 3L, 4L));
        Assert.Equal("3", Print("div", 7L, 2L));
        Assert.Equal("1", Print("mod", 7L, -3L));
        Assert.Equal("runtime error: integer divide by zero", Error("mod", 7L, 0L));
        Assert.Equal("9", Print("biggest", 3L, 9L, 2L));
        Assert.Equal("-1", Print("min", 1L, -1L));
    }

    [Fact]
    public void FloatArithmeticIsDecimal()
    {
        Assert.Equal(0.3, Call("addf", 0.1, 0.2));
        Assert.Equal(0.1, Call("subf", 1L, 0.9));
        Assert.Equal(3.3, Call("mulf", 1.1, 3L));
        Assert.Equal(0.3333333333333333, Call("divf", 1L, 3L));
        Assert.Equal(0.6666666666666667, Call("divf", 2L, 3L));
        Assert.Equal(7.0, Call("mulf", 100L, 0.07));
        Assert.Equal(1e20, Call("addf", 1e20, 1L));
        Assert.Equal("decimal division by 0", Error("divf", 1L, 0L));
        Assert.Equal(3.0, Call("add1f", "2"));
        Assert.Equal(3.5, Call("maxf", -1L, "3.5"));
    }

    [Fact]
    public void RoundingFunctions()
    {
        Assert.Equal(-4.0, Call("floor", -3.5));
        Assert.Equal(2.0, Call("ceil", "1.01"));
        Assert.Equal(3.14, Call("round", 3.14159, 2L));
        Assert.Equal(1.24, Call("round", 1.235, 2L));
        Assert.Equal(3.0, Call("round", 2.5, 0L));
    }
}

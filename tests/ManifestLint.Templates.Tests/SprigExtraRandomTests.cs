using System.Text.RegularExpressions;
using static ManifestLint.Templates.Tests.SprigExtraTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed partial class SprigExtraRandomTests
{
    [Theory]
    [InlineData("randAlpha", "^[A-Za-z]{40}$")]
    [InlineData("randAlphaNum", "^[A-Za-z0-9]{40}$")]
    [InlineData("randNumeric", "^[0-9]{40}$")]
    [InlineData("randAscii", "^[ -~]{40}$")]
    public void RandomStringsHaveTheLengthAndAlphabet(string function, string pattern)
    {
        Assert.Matches(pattern, (string)Call(function, 40L)!);
        Assert.Equal("", Call(function, 0L));
        Assert.Equal("", Call(function, -1L));
    }

    [Fact]
    public void SeededRuntimesRepeat()
    {
        Assert.Equal(new SprigExtraTestRuntime(3).Invoke("uuidv4"), new SprigExtraTestRuntime(3).Invoke("uuidv4"));
        Assert.NotEqual(new SprigExtraTestRuntime(3).Invoke("uuidv4"), new SprigExtraTestRuntime(4).Invoke("uuidv4"));
    }

    [Fact]
    public void RandIntStaysInRange()
    {
        var rt = new SprigExtraTestRuntime();
        for (var i = 0; i < 50; i++)
            Assert.InRange((long)rt.Invoke("randInt", 0L, 10L)!, 0L, 9L);
        Assert.Equal(-3L, Call("randInt", -3L, -2L));
        Assert.Equal("invalid argument to Intn", Error("randInt", 5L, 5L));
    }

    [Fact]
    public void RandBytesAndUuid()
    {
        Assert.Equal(16, Convert.FromBase64String((string)Call("randBytes", 16L)!).Length);
        Assert.Equal("", Call("randBytes", 0L));
        var rt = new SprigExtraTestRuntime();
        var a = (string)rt.Invoke("uuidv4")!;
        Assert.Matches(Uuid(), a);
        Assert.NotEqual(a, rt.Invoke("uuidv4"));
    }

    [Fact]
    public void ShuffleIsAPermutation()
    {
        var s = (string)Call("shuffle", "abcdeé")!;
        Assert.Equal("abcdeé", string.Concat(s.Order()));
        Assert.Equal("", Call("shuffle", ""));
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();
}

using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigExtraTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigExtraSemverTests
{
    [Theory]
    [InlineData("~1.2.0", "1.2.9", true)]
    [InlineData("~1.2.0", "1.3.0", false)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^1.2.0", "1.9.9", true)]
    [InlineData(">=1.2.0 <2.0.0", "1.5.0", true)]
    [InlineData(">= 1.2", "1.2.0", true)]
    [InlineData("1.2.x", "1.3.0", false)]
    [InlineData("*", "1.0.0-rc.1", false)]
    [InlineData("1.2 - 1.4.5", "1.4.5", true)]
    [InlineData("<1.0.0 || >=2.0.0", "1.5.0", false)]
    [InlineData(">=1.0.0", "1.2.0-beta", false)]
    [InlineData(">=1.0.0-0", "1.2.0-beta", true)]
    [InlineData(">=1.19-0", "v1.20.1-gke.1000", true)]
    [InlineData("<1.16-0", "v1.15.12-eks-31566f", true)]
    [InlineData("!=1.2.3", "1.2.3", false)]
    [InlineData(">1.2", "1.2.5", false)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("1.0.0 - 2", "2.9.9", true)]
    public void SemverCompareFollowsMasterminds(string constraint, string version, bool expected) =>
        Assert.Equal(expected, Call("semverCompare", constraint, version));

    [Fact]
    public void SemverCompareErrors()
    {
        Assert.Equal("improper constraint: ", Error("semverCompare", "", "1.0.0"));
        Assert.Equal("Invalid Semantic Version", Error("semverCompare", ">=1.0.0", "not-a-version"));
    }

    [Fact]
    public void SemverParsesAndExposesMethods()
    {
        Assert.Equal("1.2.0", Print("semver", "1.2"));
        Assert.Equal("1.0.0", Print("semver", "v1"));
        Assert.Equal("1.2.3", Print("semver", "01.2.3"));
        var v = Call("semver", "v1.2.3-beta+x");
        Assert.Equal("*semver.Version", GoFormat.TypeName(v));
        Assert.Equal(1UL, Method(v, "Major"));
        Assert.Equal("v1.2.3-beta+x", Method(v, "Original"));
        Assert.Equal("1.3.0", GoFormat.FormatValue(Method(v, "IncMinor")));
        Assert.Equal("1.2.3", GoFormat.FormatValue(Method(v, "IncPatch")));
        Assert.Equal(true, Method(Call("semver", "1.0.0-alpha.2"), "LessThan", Call("semver", "1.0.0-alpha.10")));
        Assert.Equal(0L, Method(Call("semver", "1.0.0"), "Compare", Call("semver", "1.0.0+meta")));
    }

    [Theory]
    [InlineData(" 1.2.3", "Invalid Semantic Version")]
    [InlineData("V1.2.3", "Invalid Semantic Version")]
    [InlineData("1.2.3+", "Invalid Semantic Version")]
    [InlineData("1.2.3.4", "Invalid Semantic Version")]
    [InlineData("1.2.3-01", "Version segment starts with 0")]
    [InlineData("99999999999999999999.0.0", "Error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range")]
    public void SemverRejectsWhatMastermindsRejects(string version, string expected) =>
        Assert.Equal(expected, Error("semver", version));
}

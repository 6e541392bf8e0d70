using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

public class EncodingGoTomlTests
{
    [Fact]
    public void PlainValuesComeBeforeIndentedTables() =>
        Assert.Equal(
            "name = \"x\"\n\n[server]\n  host = \"h\"\n  port = 8080.0\n",
            GoToml.Encode(GoYaml.Parse("server: {port: 8080, host: h}\nname: x\n")));

    [Fact]
    public void KeysThatAreNotBareAreQuotedAndNilIsSkipped()
    {
        var map = new GoMap();
        map.Set("key with space", 1L);
        map.Set("q\"k", 2L);
        map.Set("nothing", null);
        Assert.Equal("\"key with space\" = 1\n\"q\\\"k\" = 2\n", GoToml.Encode(map));
    }

    [Fact]
    public void ArraysOfValuesAreInline()
    {
        var map = new GoMap();
        map.Set("l", new GoList([1L, 2L]));
        Assert.Equal("l = [1, 2]\n", GoToml.Encode(map));
    }

    [Fact]
    public void OnlyMapsCanBeTopLevel() =>
        Assert.Equal("toml: top-level values must be Go maps or structs", Assert.Throws<GoTomlException>(() => GoToml.Encode("s")).Message);
}

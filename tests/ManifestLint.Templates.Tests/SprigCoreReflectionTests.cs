using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigCoreTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigCoreReflectionTests
{
    public static TheoryData<object?, string, string> Values => new()
    {
        { 1L, "int", "int" },
        { new GoInt64(1), "int64", "int64" },
        { 1.5, "float64", "float64" },
        { "s", "string", "string" },
        { null, "<nil>", "invalid" },
        { List(), "[]interface {}", "slice" },
        { new GoMap(GoMap.ValuesType), "chartutil.Values", "map" },
        { new GoMap(GoMap.StringMapType), "map[string]string", "map" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void TypeAndKind(object? value, string type, string kind)
    {
        Assert.Equal(type, Call("typeOf", value));
        Assert.Equal(kind, Call("kindOf", value));
        Assert.Equal(true, Call("typeIs", type, value));
        Assert.Equal(true, Call("kindIs", kind, value));
    }

    [Fact]
    public void TypeIsLikeAcceptsPointers() => Assert.Equal(true, Call("typeIsLike", "int", 1L));

    [Fact]
    public void DeepEqualComparesTypes()
    {
        Assert.Equal(false, Call("deepEqual", 1L, 1.0));
        Assert.Equal(true, Call("deepEqual", Map(("a", 1.0)), Map(("a", 1.0))));
        Assert.Equal(false, Call("deepEqual", new GoMap(GoMap.ValuesType), Map()));
        Assert.Equal(false, Call("deepEqual", List(1L, 2L), List(2L, 1L)));
        Assert.Equal(true, Call("deepEqual", null, null));
    }
}

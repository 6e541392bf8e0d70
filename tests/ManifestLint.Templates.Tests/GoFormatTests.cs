using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>Go's fmt as templates see it.</summary>
public sealed class GoFormatTests
{
    [Theory]
    [InlineData(8080.0, "8080")]
    [InlineData(1000000.0, "1e+06")]
    [InlineData(12345678901.0, "1.2345678901e+10")]
    [InlineData(123456.0, "123456")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.1, "1.1")]
    [InlineData(-0.0, "-0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1e100, "1e+100")]
    public void Floats_print_in_shortest_form_with_Gos_exponent_rule(double value, string expected) =>
        Assert.Equal(expected, GoFormat.FormatValue(value));

    [Fact]
    public void Composite_values_print_like_Go()
    {
        var map = new GoMap { ["b"] = 2.0, ["a"] = new GoList(["x", null, true]) };
        Assert.Equal("map[a:[x <nil> true] b:2]", GoFormat.FormatValue(map));
        Assert.Equal("<nil>", GoFormat.FormatValue(null));
        Assert.Equal("[104 105]", GoFormat.FormatValue("hi"u8.ToArray()));
    }

    [Fact]
    public void Sprint_spaces_operands_only_between_non_strings()
    {
        Assert.Equal("1 2a3b", GoFormat.Sprint([1L, 2L, "a", 3L, "b"]));
        Assert.Equal("a b\n", GoFormat.Sprintln(["a", "b"]));
    }

    [Theory]
    [InlineData("%5.2f|%-5s|%05d", " 3.14|ab   |00042")]
    [InlineData("%e %E %g", "1.500000e+00 1.500000E+00 1.5")]
    [InlineData("%x %X %o %b %c %U", "ff FF 377 11111111 ÿ U+00FF")]
    [InlineData("%q %v %t", "\"a\\n\" [1 2] true")]
    [InlineData("%d", "%!d(string=x)")]
    [InlineData("%", "%!(NOVERB)")]
    public void Sprintf_handles_verbs_flags_and_errors(string format, string expected)
    {
        object?[] args = format switch
        {
            "%5.2f|%-5s|%05d" => [3.14159, "ab", 42L],
            "%e %E %g" => [1.5, 1.5, 1.5],
            "%x %X %o %b %c %U" => [255L, 255L, 255L, 255L, 255L, 255L],
            "%q %v %t" => ["a\n", new GoList([1L, 2L]), true],
            "%d" => ["x"],
            _ => [],
        };
        Assert.Equal(expected, GoFormat.Sprintf(format, args));
    }
}

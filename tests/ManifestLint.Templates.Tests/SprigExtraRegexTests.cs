using static ManifestLint.Templates.Tests.SprigExtraTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigExtraRegexTests
{
    [Theory]
    [InlineData("^\\w+$", "héllo", false)] // \w is ASCII in RE2
    [InlineData("^\\d+$", "١٢", false)] // so is \d
    [InlineData("\\bfoo\\b", "éfooé", true)] // and \b
    [InlineData("^a.b$", "a\nb", false)]
    [InlineData("(?s)^a.b$", "a\nb", true)]
    [InlineData("(?m)a$", "a\nb", true)]
    [InlineData("a$", "a\n", false)] // $ is end of text, not before a final newline
    [InlineData("^a{,3}$", "a{,3}", true)] // not a repeat: literal braces
    [InlineData("^\\Qa.b\\E$", "a.b", true)]
    [InlineData("^\\Qa.b\\E$", "axb", false)]
    [InlineData("^(?P<year>\\d{4})$", "2024", true)]
    [InlineData("[[:alpha:]]+", "123abc", true)]
    [InlineData("^[[:^digit:]]+$", "abc", true)]
    [InlineData("^\\pL+$", "été", true)]
    [InlineData("\\p{Greek}+", "abc αβγ", true)]
    [InlineData("^\\x{e9}$", "é", true)]
    [InlineData("(?i)k", "\u212A", true)]
    [InlineData("^.$", "😀", true)] // one code point, two UTF-16 units
    [InlineData("(a)\\1", "aa", false)] // backreferences do not exist: the pattern is invalid, regexMatch says false
    [InlineData("a++", "aa", false)]
    public void RegexMatchFollowsRe2(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Call("regexMatch", pattern, input));

    [Theory]
    [InlineData("(", "missing closing ): `(`")]
    [InlineData(")", "unexpected ): `)`")]
    [InlineData("[", "missing closing ]: `[`")]
    [InlineData("*", "missing argument to repetition operator: `*`")]
    [InlineData("a**", "invalid nested repetition operator: `**`")]
    [InlineData("x{1001}", "invalid repeat count: `{1001}`")]
    [InlineData("[z-a]", "invalid character class range: `z-a`")]
    [InlineData("(?<name>x)", "invalid or unsupported Perl syntax: `(?<`")]
    [InlineData("(a)\\1", "invalid escape sequence: `\\1`")]
    [InlineData("\\", "trailing backslash at end of expression: ``")]
    [InlineData("[[:foo:]]", "invalid character class range: `[:foo:]`")]
    public void MustFormsReturnGoSyntaxErrors(string pattern, string expected) =>
        Assert.Equal("error parsing regexp: " + expected, Error("mustRegexMatch", pattern, "x"));

    [Fact]
    public void DeepNestingIsRefusedLikeGo()
    {
        var deep = new string('(', 1001) + "a" + new string(')', 1001);
        Assert.StartsWith("error parsing regexp: expression nests too deeply", Error("mustRegexMatch", deep, "a"), StringComparison.Ordinal);
        var ok = new string('(', 50) + "a" + new string(')', 50);
        Assert.Equal(true, Call("regexMatch", ok, "a"));
    }

    [Fact]
    public void PlainFormsPanicWithMustCompileText()
    {
        Assert.Equal("regexp: Compile(`(`): error parsing regexp: missing closing ): `(`", Error("regexFind", "(", "x"));
        Assert.Equal("regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`", Error("regexReplaceAll", "[", "x", "y"));
        Assert.Equal("regexp: Compile(`(`): error parsing regexp: missing closing ): `(`", Error("regexSplit", "(", "x", -1L));
    }

    [Fact]
    public void FindUsesLeftmostFirstSemantics()
    {
        Assert.Equal("a", Call("regexFind", "a|ab", "ab"));
        Assert.Equal("a", Call("regexFind", "a+?", "aaa"));
        Assert.Equal("DEF", Call("regexFind", "[[:upper:]]+", "abcDEFghi"));
        Assert.Equal("", Call("mustRegexFind", "z", "abc"));
    }

    [Fact]
    public void FindAllSkipsEmptyMatchesAfterAMatch()
    {
        Assert.Equal("[1 22 333]", Print("regexFindAll", "[0-9]+", "a1b22c333", -1L));
        Assert.Equal("[1 22]", Print("regexFindAll", "[0-9]+", "a1b22c333", 2L));
        Assert.Equal("[]", Print("regexFindAll", "[0-9]+", "a1b22c333", 0L));
        Assert.Equal("[   ]", Print("regexFindAll", "", "abc", -1L));
        Assert.Equal("[é t é]", Print("regexFindAll", ".", "été", -1L));
        Assert.Equal("[]string", Values.GoFormat.TypeName(Call("regexFindAll", "x", "abc", -1L)));
    }

    [Fact]
    public void ReplaceAllExpandsGoTemplates()
    {
        Assert.Equal("-W-xxW-", Call("regexReplaceAll", "a(x*)b", "-ab-axxb-", "${1}W"));
        Assert.Equal("---", Call("regexReplaceAll", "a(x*)b", "-ab-axxb-", "$1W")); // $1W names group "1W"
        Assert.Equal("b=a d=c", Call("regexReplaceAll", "(?P<k>\\w+)=(?P<v>\\w+)", "a=b c=d", "$v=$k"));
        Assert.Equal("$$$", Call("regexReplaceAll", "a", "aaa", "$$"));
        Assert.Equal("-a-b-c-", Call("regexReplaceAll", "x*", "abc", "-"));
        Assert.Equal("-a-b-", Call("regexReplaceAll", "x*", "axb", "-"));
        Assert.Equal("> a\n> b", Call("regexReplaceAll", "(?m)^", "a\nb", "> "));
        Assert.Equal("ba", Call("regexReplaceAll", "(?P<x>a)(b)", "ab", "$2$1")); // named groups count in order
        Assert.Equal("a$1c", Call("regexReplaceAllLiteral", "b", "abc", "$1"));
    }

    [Fact]
    public void SplitFollowsGo()
    {
        Assert.Equal("[a b c]", Print("regexSplit", "\\s+", "a b  c", -1L));
        Assert.Equal("[a b  c]", Print("regexSplit", "\\s+", "a b  c", 2L));
        Assert.Equal("[a b c]", Print("regexSplit", "", "abc", -1L));
        Assert.Equal("[a b ]", Print("regexSplit", ",", "a,b,", -1L));
        Assert.Equal("[a b c]", Print("regexSplit", "x*", "axbxxc", -1L));
        Assert.Equal("", Assert.Single((Values.GoList)Call("regexSplit", ",", "", -1L)!));
    }

    [Fact]
    public void ClassesMatchWholeCodePoints()
    {
        Assert.Equal("[😀 b]", Print("regexFindAll", "[^a]", "a😀b", -1L));
        Assert.Equal("[😀]", Print("regexFindAll", "[😀-😂]", "a😀b", -1L));
        Assert.Equal("[b]", Print("regexFindAll", "[^a😀]", "a😀b", -1L));
        Assert.Equal("[1]", Print("regexFindAll", "[^\\D]", "1😀", -1L));
        Assert.Equal(true, Call("regexMatch", "(?i)s", "\u017F"));
        Assert.Equal("xaxaBxa", Call("regexReplaceAll", "(?U)a+", "aaBa", "x$0"));
    }

    [Fact]
    public void QuoteMetaEscapesRe2Specials()
    {
        Assert.Equal("a\\+b\\?c\\{1\\}\\|\\(d\\)\\^\\$\\\\", Call("regexQuoteMeta", "a+b?c{1}|(d)^$\\"));
        Assert.Equal("-_#&~", Call("regexQuoteMeta", "-_#&~"));
        Assert.Equal(false, Call("regexMatch", Call("regexQuoteMeta", "a.b"), "axb"));
    }
}

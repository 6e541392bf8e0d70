using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigExtraTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigExtraEncodingTests
{
    [Fact]
    public void Base64AndBase32RoundTrip()
    {
        Assert.Equal("w6l0w6k=", Call("b64enc", "été"));
        Assert.Equal("hello", Call("b64dec", "aGVsbG8=\n"));
        Assert.Equal("NBSWY3DP", Call("b32enc", "hello"));
        Assert.Equal("ME======", Call("b32enc", "a"));
        Assert.Equal("hello", Call("b32dec", "NBSWY3DP"));
    }

    [Theory]
    [InlineData("b64dec", "aGVsbG8", "illegal base64 data at input byte 4")]
    [InlineData("b64dec", "!!!", "illegal base64 data at input byte 0")]
    [InlineData("b32dec", "nbswy3dp", "illegal base32 data at input byte 0")]
    [InlineData("b32dec", "NBSWY3D", "illegal base32 data at input byte 0")]
    public void DecodersReturnGoErrorTextAsTheResult(string function, string input, string expected) =>
        Assert.Equal(expected, Call(function, input));

    [Fact]
    public void BinaryDecodingKeepsItsBytes()
    {
        var decoded = (string)Call("b64dec", "/w==")!;
        Assert.Equal("/w==", Call("b64enc", decoded));
        Assert.Equal(1, SprigExtraGoBytes.ByteCount(decoded));
        Assert.Equal(new byte[] { 0xff }, SprigExtraGoBytes.ToBytes(decoded));
        Assert.Equal(7, SprigExtraGoBytes.ByteCount("é😀a"));
    }

    [Fact]
    public void Checksums()
    {
        Assert.Equal("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", Call("sha1sum", "hello"));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Call("sha256sum", ""));
        Assert.Equal("300286872", Call("adler32sum", "Wikipedia"));
        Assert.False(Has("sha512sum"));
    }

    [Theory]
    [InlineData("base", "/a/b.txt", "b.txt")]
    [InlineData("base", "", ".")]
    [InlineData("base", "//", "/")]
    [InlineData("base", "a\\b", "a\\b")]
    [InlineData("dir", "/a/b.txt", "/a")]
    [InlineData("dir", "a/b/", "a/b")]
    [InlineData("dir", "../a", "..")]
    [InlineData("clean", "/../a", "/a")]
    [InlineData("clean", "../../a", "../../a")]
    [InlineData("osClean", "a//b/./c/..", "a/b")]
    [InlineData("ext", "a.tar.gz", ".gz")]
    [InlineData("ext", "dir.d/file", "")]
    [InlineData("osExt", "x.yaml", ".yaml")]
    public void PathsFollowGoPath(string function, string input, string expected) =>
        Assert.Equal(expected, Call(function, input));

    [Fact]
    public void IsAbsIsSlashRooted()
    {
        Assert.Equal(true, Call("isAbs", "/a"));
        Assert.Equal(false, Call("osIsAbs", "\\\\srv\\x"));
    }

    [Fact]
    public void UrlParseGivesGoUrlParts()
    {
        var m = Assert.IsType<GoMap>(Call("urlParse", "https://user:pw@example.com:8080/p/a%20b?q=1&r=2#frag"));
        Assert.Equal("https", m["scheme"]);
        Assert.Equal("example.com:8080", m["host"]);
        Assert.Equal("example.com", m["hostname"]);
        Assert.Equal("/p/a b", m["path"]);
        Assert.Equal("q=1&r=2", m["query"]);
        Assert.Equal("frag", m["fragment"]);
        Assert.Equal("user:pw", m["userinfo"]);
        Assert.Equal("joe@example.com", ((GoMap)Call("urlParse", "mailto:joe@example.com")!)["opaque"]);
        Assert.Equal("unable to parse url: parse \"http://a b\": invalid character \" \" in host name", Error("urlParse", "http://a b"));
    }

    [Fact]
    public void UrlJoinWritesGoUrlString()
    {
        var d = new GoMap { ["scheme"] = "https", ["host"] = "example.com", ["path"] = "/p", ["query"] = "a=1", ["fragment"] = "f" };
        Assert.Equal("https://example.com/p?a=1#f", Call("urlJoin", d));
        Assert.Equal("http://h/a%20b", Call("urlJoin", new GoMap { ["scheme"] = "http", ["host"] = "h", ["path"] = "/a b" }));
        Assert.Equal("//h/p", Call("urlJoin", new GoMap { ["host"] = "h", ["path"] = "p" }));
        Assert.Equal("https://u:p@h:1/x?y#z", Call("urlJoin", Call("urlParse", "https://u:p@h:1/x?y#z")));
        Assert.Equal("unable to parse host key, must be of type string, but int found", Error("urlJoin", new GoMap { ["host"] = 1L }));
        Assert.Equal(
            "unable to parse userinfo in dict: parse \"proto://a b@host\": net/url: invalid userinfo",
            Error("urlJoin", new GoMap { ["scheme"] = "http", ["host"] = "h", ["userinfo"] = "a b" }));
    }
}

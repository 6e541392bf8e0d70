using ManifestLint.Rules.Images;

namespace ManifestLint.Rules.Tests;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "nginx", null, false)]
    [InlineData("nginx:1.27", "nginx", "1.27", false)]
    [InlineData("registry.local:5000/team/app", "registry.local:5000/team/app", null, false)]
    [InlineData("registry.local:5000/team/app:2.0", "registry.local:5000/team/app", "2.0", false)]
    [InlineData("app@sha256:abc", "app", null, true)]
    [InlineData("app:latest@sha256:abc", "app", "latest", true)]
    [InlineData("app@", "app", null, false)]
    public void Parses_repository_tag_and_digest(string reference, string repository, string? tag, bool digest)
    {
        var parsed = ImageReference.Parse(reference);
        Assert.Equal(repository, parsed.Repository);
        Assert.Equal(tag, parsed.Tag);
        Assert.Equal(digest, parsed.HasDigest);
    }
}

namespace ManifestLint.Rules.Images;

/// <summary>
/// The parts of a container image reference that matter for pinning: <c>[registry[:port]/]repository[:tag][@digest]</c>.
/// A colon before the last slash belongs to a registry port, not to a tag.
/// </summary>
internal sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var digest = at < 0 ? null : reference[(at + 1)..];
        var name = at < 0 ? reference : reference[..at];
        var slash = name.LastIndexOf('/');
        var colon = name.IndexOf(':', slash + 1);
        return colon < 0
            ? new ImageReference(name, null, digest)
            : new ImageReference(name[..colon], name[(colon + 1)..], digest);
    }

    /// <summary>True for a content digest such as <c>sha256:&lt;64 hex&gt;</c>.</summary>
    public bool HasDigest => Digest is { } d && d.IndexOf(':', StringComparison.Ordinal) > 0 && d.Length > d.IndexOf(':', StringComparison.Ordinal) + 1;
}

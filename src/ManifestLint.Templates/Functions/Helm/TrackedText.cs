using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Provenance;

namespace ManifestLint.Templates.Functions.Helm;

/// <summary>Edits of a <see cref="TrackedString"/> that keep every remaining character's segment.</summary>
internal static class TrackedText
{
    /// <summary>Deletes every occurrence of <paramref name="needle"/>; the text around them keeps its positions.</summary>
    public static TrackedString RemoveAll(TrackedString source, string needle)
    {
        var text = source.Text;
        if (needle.Length == 0 || !text.Contains(needle, StringComparison.Ordinal))
            return source;
        var result = new SprigCoreTrackedText();
        var pos = 0;
        for (var hit = text.IndexOf(needle, StringComparison.Ordinal); hit >= 0; hit = text.IndexOf(needle, pos, StringComparison.Ordinal))
        {
            result.Copy(source, text, pos, hit - pos);
            pos = hit + needle.Length;
        }

        result.Copy(source, text, pos, text.Length - pos);
        return result.Build() as TrackedString ?? new TrackedString(string.Empty, []);
    }
}

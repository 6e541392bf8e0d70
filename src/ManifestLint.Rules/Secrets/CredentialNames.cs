using System.Collections.Frozen;
using System.Text;

namespace ManifestLint.Rules.Secrets;

/// <summary>
/// Decides whether an environment variable name looks like it holds a credential. Names are split into
/// words (on <c>_</c>, <c>-</c>, <c>.</c> and camelCase) so <c>TOKENIZER_MODEL</c> is not a token, and a
/// trailing word that names metadata about a secret (<c>DB_PASSWORD_FILE</c>, <c>SECRET_NAME</c>) excludes it.
/// </summary>
internal static class CredentialNames
{
    private static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
        ["PASSWORD", "PASSWORDS", "PASSWD", "PASSPHRASE", "SECRET", "SECRETS", "TOKEN", "TOKENS", "APIKEY", "CREDENTIAL", "CREDENTIALS"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> KeyQualifiers = FrozenSet.ToFrozenSet(
        ["API", "ACCESS", "PRIVATE", "SECRET", "SIGNING", "ENCRYPTION", "MASTER", "AUTH"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> MetadataWords = FrozenSet.ToFrozenSet(
        ["FILE", "PATH", "DIR", "NAME", "REF", "ID", "TTL", "EXPIRY", "EXPIRATION", "TIMEOUT", "URL", "URI", "ENDPOINT",
         "HEADER", "TYPE", "MODE", "ENABLED", "LENGTH", "SIZE", "FORMAT", "LOCATION", "VERSION"],
        StringComparer.Ordinal);

    // Whole-word suffixes found glued to another word (DBPASSWORD, CLIENTSECRET, AUTHTOKEN).
    private static readonly string[] GluedSuffixes = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY"];

    public static bool IsCredential(string name)
    {
        var words = Split(name);
        if (words.Count == 0 || MetadataWords.Contains(words[^1]))
            return false;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (Words.Contains(w))
                return true;
            if (w == "KEY" && i > 0 && KeyQualifiers.Contains(words[i - 1]))
                return true;
            if (w.Length > 6 && GluedSuffixes.Any(s => w.EndsWith(s, StringComparison.Ordinal)))
                return true;
        }

        return false;
    }

    private static List<string> Split(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (!char.IsLetterOrDigit(ch))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(ch) && i > 0 && char.IsLower(name[i - 1]))
                Flush();
            current.Append(char.ToUpperInvariant(ch));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
                words.Add(current.ToString());
            current.Clear();
        }
    }
}

using System.Text.RegularExpressions;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>A patch <c>target</c> or replacement <c>select</c>: group, version, kind, name and namespace (anchored regular expressions), label and annotation selectors.</summary>
internal sealed record ResourceSelector(string? Group, string? Version, string? Kind, string? Name, string? Namespace, string? LabelSelector, string? AnnotationSelector)
{
    public static ResourceSelector From(YamlMapping m) => new(
        m.GetString("group"), m.GetString("version"), m.GetString("kind"), m.GetString("name"), m.GetString("namespace"),
        m.GetString("labelSelector"), m.GetString("annotationSelector"));

    public bool Matches(KResource r)
    {
        if (!Match(Group, r.Group) || !Match(Version, r.Version) || !Match(Kind, r.Kind) || !Match(Namespace, r.Namespace))
            return false;
        if (Name is not null && !Match(Name, r.Name) && !r.History.Any(h => Match(Name, h.Name)))
            return false;
        return Selects(LabelSelector, r.Root.Map("metadata")?.Map("labels")) && Selects(AnnotationSelector, r.Root.Map("metadata")?.Map("annotations"));
    }

    private static bool Match(string? pattern, string value)
    {
        if (string.IsNullOrEmpty(pattern))
            return true;
        if (pattern == value)
            return true;
        try
        {
            return Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Kubernetes label selector text: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k</c>, <c>!k</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>.</summary>
    internal static bool Selects(string? selector, KMap? labels)
    {
        if (string.IsNullOrWhiteSpace(selector))
            return true;
        string? Get(string k) => labels?.String(k);
        foreach (var raw in SplitTerms(selector))
        {
            var term = raw.Trim();
            if (term.Length == 0)
                continue;
            var m = Regex.Match(term, @"^([^\s!=]+)\s+(in|notin)\s+\((.*)\)$");
            if (m.Success)
            {
                var values = m.Groups[3].Value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
                var v = Get(m.Groups[1].Value);
                var inSet = v is not null && values.Contains(v);
                if (m.Groups[2].Value == "in" ? !inSet : inSet)
                    return false;
                continue;
            }

            if (term.Contains("!=", StringComparison.Ordinal))
            {
                var p = term.Split("!=", 2);
                if (Get(p[0].Trim()) == p[1].Trim())
                    return false;
            }
            else if (term.Contains('=', StringComparison.Ordinal))
            {
                var p = term.Split(term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
                if (Get(p[0].Trim()) != p[1].Trim())
                    return false;
            }
            else if (term.StartsWith('!'))
            {
                if (Get(term[1..].Trim()) is not null)
                    return false;
            }
            else if (Get(term) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> SplitTerms(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            if (selector[i] == '(')
                depth++;
            else if (selector[i] == ')')
                depth--;
            else if (selector[i] == ',' && depth == 0)
            {
                yield return selector[start..i];
                start = i + 1;
            }
        }

        yield return selector[start..];
    }
}

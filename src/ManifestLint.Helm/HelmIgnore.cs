namespace ManifestLint.Helm;

/// <summary>.helmignore rules as Helm applies them while loading a chart folder.</summary>
internal sealed class HelmIgnore
{
    private readonly List<(string Pattern, bool Negate, bool MustDir, int Kind)> _rules = [];

    public static HelmIgnore Parse(string? text)
    {
        var rules = new HelmIgnore();
        rules.Add("templates/.?*");
        if (text is null)
            return rules;
        foreach (var raw in text.Split('\n'))
            rules.Add(raw.Trim());
        return rules;
    }

    public bool Ignore(string path, bool isDirectory)
    {
        if (path.Length == 0 || path == ".")
            return false;
        foreach (var (pattern, negate, mustDir, kind) in _rules)
        {
            if (negate)
            {
                if (mustDir && !isDirectory)
                    return true;
                if (!Matches(pattern, kind, path))
                    return true;
                continue;
            }

            if (mustDir && !isDirectory)
                continue;
            if (Matches(pattern, kind, path))
                return true;
        }

        return false;
    }

    private static bool Matches(string pattern, int kind, string path) => kind switch
    {
        0 => GoGlob.Match(pattern, path),
        1 => GoGlob.Match(pattern, path),
        _ => GoGlob.Match(pattern, path[(path.LastIndexOf('/') + 1)..]),
    };

    private void Add(string rule)
    {
        if (rule.Length == 0 || rule.StartsWith('#') || rule.Contains("**", StringComparison.Ordinal))
            return;
        var negate = false;
        if (rule.StartsWith('!') && rule.Length > 1)
        {
            negate = true;
            rule = rule[1..];
        }

        var mustDir = false;
        if (rule.EndsWith('/'))
        {
            mustDir = true;
            rule = rule.TrimEnd('/');
        }

        if (rule.StartsWith('/'))
            _rules.Add((rule.TrimStart('/'), negate, mustDir, 0));
        else if (rule.Contains('/', StringComparison.Ordinal))
            _rules.Add((rule, negate, mustDir, 1));
        else
            _rules.Add((rule, negate, mustDir, 2));
    }
}

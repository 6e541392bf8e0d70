using ManifestLint.Core.Rules;
using ManifestLint.Rules;
using ManifestLint.Testing;

namespace ManifestLint.Rules.Tests;

/// <summary>The fixtures of every rule in the registry: <c>testdata/rules/&lt;id&gt;/{fires,silent}-*.yaml</c>.</summary>
public static class RuleFixtures
{
    /// <summary>Theory data: (rule id, fixture path relative to the repository root).</summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in BuiltInRules.All)
        {
            foreach (var file in Of(rule.Info.Id))
                data.Add(rule.Info.Id, RepositoryPaths.Relative(file));
        }

        return data;
    }

    /// <summary>Theory data: every rule id.</summary>
    public static TheoryData<string> RuleIds() => [.. BuiltInRules.All.Select(r => r.Info.Id)];

    public static Rule Rule(string id) => BuiltInRules.All.Single(r => r.Info.Id == id);

    /// <summary>Full paths of the rule's fixture files, ordinal by name.</summary>
    public static IEnumerable<string> Of(string id, string prefix = "")
    {
        var folder = Path.Combine(RepositoryPaths.RuleFixtures, id);
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder)
            .Where(f => IsYaml(f) && Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static string FullPath(string relative) => Path.Combine(RepositoryPaths.Root, relative);

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);
}

using System.Collections.Immutable;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Docs;

/// <summary>
/// Produces the whole <c>rules/</c> folder in memory: one page per rule and the index. The CLI writes it
/// (<c>manifestlint rules docs --out rules/</c>) and a test compares it with the files on disk.
/// </summary>
public static class RuleDocs
{
    public const string IndexFileName = "README.md";

    /// <summary>File name (<c>&lt;id&gt;.md</c>, <c>README.md</c>) → content, for <paramref name="rules"/>; examples come from <c>&lt;fixturesRoot&gt;/&lt;id&gt;/</c>.</summary>
    public static IReadOnlyDictionary<string, string> Generate(IEnumerable<Rule> rules, string fixturesRoot) =>
        Generate(rules, [], fixturesRoot);

    /// <summary>
    /// As <see cref="Generate(IEnumerable{Rule}, string)"/>, plus a page for each reserved id (input and suppression
    /// problems, which no rule class produces) and a second table in the index, so every SARIF help link resolves.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Generate(IEnumerable<Rule> rules, IEnumerable<RuleInfo> reserved, string fixturesRoot)
    {
        var infos = rules.Select(r => r.Info).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var files = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var info in infos)
        {
            var folder = Path.Combine(fixturesRoot, info.Id);
            files[$"{info.Id}.md"] = RuleDocWriter.Write(info, FirstFixture(folder, "fires-"), FirstFixture(folder, "silent-"));
        }

        var reservedInfos = reserved.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        foreach (var info in reservedInfos)
            files[$"{info.Id}.md"] = RuleDocWriter.WriteReserved(info);

        files[IndexFileName] = RuleDocWriter.WriteIndex(infos, reservedInfos);
        return files.ToImmutable();
    }

    /// <summary>The reserved ids the CLI reports besides its rules: input problems and suppression problems, sorted by id.</summary>
    public static ImmutableArray<RuleInfo> Reserved { get; } =
        [.. InputProblems.All.Concat(Core.Policy.PolicyProblems.All).Append(AdmissionProblems.AdmissionPolicy).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Writes <paramref name="docs"/> into <paramref name="folder"/> (LF line endings, UTF-8 without BOM) and
    /// deletes <c>*.md</c> files there that are no longer generated (a removed or renamed rule). Returns the
    /// names of the files written or deleted, so the caller can say what changed.
    /// </summary>
    public static IReadOnlyList<string> WriteTo(IReadOnlyDictionary<string, string> docs, string folder)
    {
        Directory.CreateDirectory(folder);
        var changed = new List<string>();
        foreach (var (name, content) in docs.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path) && File.ReadAllText(path) == content)
                continue;
            File.WriteAllText(path, content);
            changed.Add(name);
        }

        foreach (var stale in Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileName).OfType<string>()
                     .Where(n => !docs.ContainsKey(n)).Order(StringComparer.Ordinal).ToList())
        {
            File.Delete(Path.Combine(folder, stale));
            changed.Add(stale);
        }

        return changed;
    }

    private static string? FirstFixture(string folder, string prefix)
    {
        if (!Directory.Exists(folder))
            return null;
        var first = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal)
                && (f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        return first is null ? null : File.ReadAllText(first);
    }
}

using System.Text;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Testing;

namespace ManifestLint.Tests.Isolation;

/// <summary>
/// Issue #16's scenario: a folder of real manifests, randomly corrupted (seeded), linted through the CLI entry point.
/// The run always completes with a report, and every file is either linted or has a located input finding.
/// <c>MANIFESTLINT_CORRUPT_SEEDS=N</c> runs N batches instead of one.
/// </summary>
public sealed class CorruptedFolderTests
{
    private const int FilesPerBatch = 200;

    public static TheoryData<int> Seeds
    {
        get
        {
            var count = int.TryParse(Environment.GetEnvironmentVariable("MANIFESTLINT_CORRUPT_SEEDS"), out var n) && n > 0 ? n : 1;
            var data = new TheoryData<int>();
            for (var seed = 1; seed <= count; seed++)
                data.Add(seed);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Corrupted_copies_of_real_manifests_are_linted_or_located_never_a_crash(int seed)
    {
        using var folder = new TempFolder();
        var sources = PlainManifests();
        var random = new Random(seed);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < FilesPerBatch; i++)
        {
            var name = $"f{i:D3}.yaml";
            var text = Corrupt(File.ReadAllText(sources[random.Next(sources.Count)]), random);
            folder.Write(name, text);
            written[name] = text;
        }

        var (run, findings) = folder.LintJson("--fail-on", "error");

        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        Assert.DoesNotContain(findings, f => f.RuleId == "internal-error");
        foreach (var (name, text) in written)
        {
            var source = new SourceFile(name, text);
            var mine = findings.Where(f => f.Path == name).ToList();
            Assert.All(mine, f => AssertInside(source, f));

            // A file the loader rejects must say so, at a position inside it.
            var load = YamlLoader.Load(source);
            if (!load.Problems.IsEmpty)
                Assert.Contains(mine, f => f.RuleId.StartsWith("yaml-", StringComparison.Ordinal));
        }
    }

    internal static void AssertInside(SourceFile source, JsonFinding f)
    {
        Assert.True(f.Line >= 1 && f.Line <= Math.Max(1, source.LineCount), $"{f} outside 1..{source.LineCount}");
        var line = source.LineCount == 0 ? string.Empty : source.GetLine(f.Line);
        Assert.True(f.Column >= 1 && f.Column <= line.Length + 1, $"{f}: column outside the line ({line.Length} characters)");
    }

    /// <summary>Plain YAML manifests of testdata/rules and testdata/examples (no chart files).</summary>
    internal static List<string> PlainManifests()
    {
        var roots = new[] { Path.Combine(RepositoryPaths.Root, "testdata", "rules"), Path.Combine(RepositoryPaths.Root, "testdata", "examples") };
        var files = roots
            .SelectMany(r => Directory.EnumerateFiles(r, "*.yaml", SearchOption.AllDirectories))
            .Where(f => !IsInChart(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} manifests found");
        return files;
    }

    private static bool IsInChart(string file)
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null && dir.Length > RepositoryPaths.Root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Chart.yaml")))
                return true;
        }

        return false;
    }

    /// <summary>One to four random corruptions of the kinds in the report.</summary>
    internal static string Corrupt(string text, Random random)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var count = random.Next(1, 5);
        for (var i = 0; i < count && lines.Count > 0; i++)
        {
            var at = random.Next(lines.Count);
            var line = lines[at];
            switch (random.Next(8))
            {
                case 0: // truncated line
                    lines[at] = line[..random.Next(line.Length + 1)];
                    break;
                case 1: // stray bracket, brace or quote
                    lines[at] = line.Insert(random.Next(line.Length + 1), "[]{}\"'"[random.Next(6)].ToString());
                    break;
                case 2: // shifted indentation
                    lines[at] = random.Next(2) == 0 ? new string(' ', random.Next(1, 5)) + line : line.TrimStart();
                    break;
                case 3: // special characters
                    lines[at] = line.Insert(random.Next(line.Length + 1), new[] { "\t", "&", "*", "!", "|", ">", "%", "@", "`", "#", ": ", "- ", "\u0000", "\uFEFF", "\u00e9", "\uD83D\uDE00" }[random.Next(16)]);
                    break;
                case 4: // deleted line
                    lines.RemoveAt(at);
                    break;
                case 5: // duplicated key (the line again)
                    lines.Insert(at, line);
                    break;
                case 6: // truncated file
                    lines.RemoveRange(at, lines.Count - at);
                    break;
                default: // line swapped with its neighbour
                    if (at + 1 < lines.Count)
                        (lines[at], lines[at + 1]) = (lines[at + 1], lines[at]);
                    break;
            }
        }

        return string.Join('\n', lines);
    }
}

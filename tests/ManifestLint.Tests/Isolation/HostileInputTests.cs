using System.Text;
using ManifestLint.Cli;

namespace ManifestLint.Tests.Isolation;

/// <summary>
/// The classic bombs are findings located in their file, never a crash or a hang; the file beside them is still
/// linted. The timeout only catches hangs (a 1 MB input must finish far below it); no timing is asserted.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(60);

    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n";

    public static TheoryData<string> Bombs => new(
        "billion-laughs",
        "deep-brackets",
        "deep-braces",
        "deep-block",
        "unclosed-quote",
        "garbage-yaml-punctuation",
        "nul-and-controls",
        "bom-only");

    /// <summary>Inputs that may or may not be valid YAML: linted without internal errors, every finding located.</summary>
    public static TheoryData<string> Valid => new("long-line", "huge-numbers", "odd-unicode", "bom-manifest", "garbage-utf8");

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Bomb_is_a_located_finding_and_the_file_beside_it_is_still_linted(string bomb)
    {
        using var folder = new TempFolder();
        folder.Write("bomb.yaml", Make(bomb));
        folder.Write("pod.yaml", Pod);

        var (run, findings) = WithinTimeout(folder);

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        var inBomb = findings.Where(f => f.Path == "bomb.yaml").ToList();
        Assert.Contains(inBomb, f => f.Severity == "error" && f.RuleId.StartsWith("yaml-", StringComparison.Ordinal));
        Assert.All(inBomb, f => Assert.True(f.Line >= 1 && f.Column >= 1, f.ToString()));
        Assert.DoesNotContain(inBomb, f => f.RuleId == "internal-error");
        Assert.Contains(findings, f => f.Path == "pod.yaml" && f.RuleId == "latest-image-tag");
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Large_or_odd_but_valid_input_is_linted_without_internal_errors(string kind)
    {
        using var folder = new TempFolder();
        folder.Write("input.yaml", Make(kind));
        folder.Write("pod.yaml", Pod);

        var (run, findings) = WithinTimeout(folder);

        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        Assert.DoesNotContain(findings, f => f.RuleId == "internal-error");
        Assert.All(findings, f => Assert.True(f.Line >= 1 && f.Column >= 1, f.ToString()));
        Assert.Contains(findings, f => f.Path == "pod.yaml" && f.RuleId == "latest-image-tag");
    }

    [Fact]
    public void Deeply_nested_values_file_is_a_chart_finding_not_a_crash()
    {
        using var folder = new TempFolder();
        folder.Write("chart/Chart.yaml", "apiVersion: v2\nname: deep\nversion: 1.0.0\n");
        folder.Write("chart/values.yaml", "v: " + new string('[', 200_000) + new string(']', 200_000) + "\n");
        folder.Write("chart/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        folder.Write("pod.yaml", Pod);

        var (run, findings) = WithinTimeout(folder);

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        Assert.Contains(findings, f => f.Path == "chart/values.yaml" && f.RuleId == "helm-chart-invalid");
        Assert.Contains(findings, f => f.Path == "pod.yaml" && f.RuleId == "latest-image-tag");
    }

    [Fact]
    public void Template_that_nests_too_deep_or_writes_too_much_is_a_render_finding()
    {
        using var folder = new TempFolder();
        folder.Write("chart/Chart.yaml", "apiVersion: v2\nname: loop\nversion: 1.0.0\n");
        folder.Write("chart/templates/_self.tpl", "{{ define \"self\" }}{{ include \"self\" . }}{{ end }}\n");
        folder.Write("chart/templates/cm.yaml", "{{ include \"self\" . }}\n");
        folder.Write("pod.yaml", Pod);

        var (run, findings) = WithinTimeout(folder);

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, run.ToString());
        var render = Assert.Single(findings, f => f.Path.StartsWith("chart/", StringComparison.Ordinal));
        Assert.Equal("helm-render", render.RuleId);
        Assert.True(render.Line >= 1);
        Assert.Contains(findings, f => f.Path == "pod.yaml" && f.RuleId == "latest-image-tag");
    }

    private static (CliRun Run, List<JsonFinding> Findings) WithinTimeout(TempFolder folder)
    {
        var task = Task.Run(() => folder.LintJson());
        Assert.True(task.Wait(HangTimeout), $"lint did not finish within {HangTimeout.TotalSeconds} s");
        return task.Result;
    }

    internal static string Make(string kind)
    {
        var random = new Random(16);
        switch (kind)
        {
            case "billion-laughs":
                {
                    var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
                    for (var i = 0; i < 8; i++)
                    {
                        var prev = (char)('a' + i);
                        var name = (char)('b' + i);
                        sb.Append(name).Append(": &").Append(name).Append(" [")
                            .AppendJoin(',', Enumerable.Repeat("*" + prev, 9)).Append("]\n");
                    }

                    return sb.ToString();
                }

            case "deep-brackets":
                return "a: " + new string('[', 1_000_000);
            case "deep-braces":
                return "a: " + new string('{', 1_000_000);
            case "deep-block":
                {
                    var sb = new StringBuilder();
                    for (var i = 0; sb.Length < 1_000_000; i++)
                        sb.Append(' ', i).Append("k:\n");
                    return sb.ToString();
                }

            case "unclosed-quote":
                return "a: \"" + new string('x', 1_000_000);
            case "garbage-utf8":
                {
                    var chars = new char[1_000_000];
                    for (var i = 0; i < chars.Length; i++)
                        chars[i] = (char)random.Next(0x20, 0xD7FF);
                    return new string(chars);
                }

            case "garbage-yaml-punctuation":
                {
                    const string Alphabet = "[]{}:-,&*!|>'\"#%@`? \n\tab";
                    var chars = new char[1_000_000];
                    for (var i = 0; i < chars.Length; i++)
                        chars[i] = Alphabet[random.Next(Alphabet.Length)];
                    return "a: " + new string(chars);
                }

            case "nul-and-controls":
                return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\u0000y\ndata:\n  k: \u0001\u0002\u001b[31m\n";
            case "bom-only":
                return "\uFEFF\uFEFF: [";
            case "long-line":
                return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: long\ndata:\n  k: " + new string('x', 1_000_000) + "\n";
            case "huge-numbers":
                return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: numbers\ndata:\n  a: " + new string('9', 500_000) + "\n  b: 1e999999\n  c: -0x" + new string('f', 1000) + "\n  d: .inf\n";
            case "odd-unicode":
                return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"\u202e\u200b\uD83D\uDE00\"\n  labels:\n    \"\u0301\": \"\uFFFD\"\ndata:\n  \"\\u0000\": \"\\x07\"\n";
            case "bom-manifest":
                return "\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bom\n";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}

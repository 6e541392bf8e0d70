using System.Collections.Immutable;
using System.Text;
using ManifestLint.Testing;
using Xunit.Abstractions;

namespace ManifestLint.Helm.Tests;

/// <summary>
/// Runs every case of Helm's own <c>helm template</c> golden outputs (../shared/conformance/helm-golden) byte for byte,
/// as a ratchet: a case listed in helm-golden-known-failures.txt must still fail, any other must pass, so the list only shrinks.
/// </summary>
public sealed class HelmGoldenTests(ITestOutputHelper output)
{
    private const string Missing = "<golden folder missing>";
    private const string KnownFailuresFile = "helm-golden-known-failures.txt";

    private static string Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", "helm-golden"));

    public static TheoryData<string> Cases() => CaseIds(Folder, Missing);

    /// <summary>The ids of a golden folder's cases, or only <paramref name="missing"/> when the folder is absent.</summary>
    internal static TheoryData<string> CaseIds(string folder, string missing)
    {
        var data = new TheoryData<string>();
        var cases = GoldenCase.Load(folder);
        if (cases.Count == 0)
            data.Add(missing);
        foreach (var c in cases)
            data.Add(c.Number + ": " + c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_prints_what_helm_template_prints(string id)
    {
        if (id == Missing)
        {
            output.WriteLine("helm golden corpus not found at " + Folder);
            return;
        }

        var c = GoldenCase.Load(Folder).Single(x => x.Number + ": " + x.Name == id);
        var failure = c.Run(Folder);
        var known = KnownFailures().Contains(c.Number);
        if (known)
        {
            Assert.True(failure is not null, $"case {c.Number} passes now: remove it from {KnownFailuresFile}");
            output.WriteLine("known failure: " + failure);
            return;
        }

        Assert.True(failure is null, failure);
    }

    private static HashSet<string> KnownFailures()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Helm.Tests", KnownFailuresFile);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return set;
        foreach (var line in File.ReadAllLines(path))
        {
            var t = line.Split('#')[0].Trim();
            if (t.Length > 0)
                set.Add(t);
        }

        return set;
    }

    internal sealed record GoldenCase(string Number, string Name, string Command, string Golden, bool ExpectError, int Repeat)
    {
        public static List<GoldenCase> Load(string folder)
        {
            var readme = Path.Combine(folder, "README.md");
            var list = new List<GoldenCase>();
            if (!File.Exists(readme))
                return list;
            foreach (var line in File.ReadAllLines(readme))
            {
                if (!line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| #", StringComparison.Ordinal) || line.StartsWith("|---", StringComparison.Ordinal))
                    continue;
                var cells = SplitRow(line);
                if (cells.Count < 5 || !int.TryParse(cells[0], out _))
                    continue;
                var expect = cells[4];
                var repeat = 1;
                var at = expect.IndexOf("repeat ", StringComparison.Ordinal);
                if (at >= 0)
                    repeat = int.Parse(expect[(at + 7)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                list.Add(new GoldenCase(cells[0], cells[1], cells[2].Trim('`'), cells[3], expect.StartsWith("error", StringComparison.Ordinal), repeat));
            }

            return list;
        }

        private static List<string> SplitRow(string line)
        {
            var cells = new List<string>();
            var sb = new StringBuilder();
            for (var i = 1; i < line.Length; i++)
            {
                if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
                {
                    sb.Append('|');
                    i++;
                }
                else if (line[i] == '|')
                {
                    cells.Add(sb.ToString().Trim());
                    sb.Clear();
                }
                else
                {
                    sb.Append(line[i]);
                }
            }

            return cells;
        }

        /// <summary>Null when the output matches the golden file (rendered as Helm <paramref name="line"/>), else what differed.</summary>
        public string? Run(string folder, HelmLine line = HelmLine.V3)
        {
            var expected = File.ReadAllText(Path.Combine(folder, Golden)).Replace("\r\n", "\n", StringComparison.Ordinal);
            string? last = null;
            for (var i = 0; i < Repeat; i++)
            {
                var actual = Render(folder, line);
                if (actual != expected)
                    return "output differs:\n--- expected\n" + expected + "\n--- actual\n" + actual;
                if (last is not null && last != actual)
                    return "output not stable between runs";
                last = actual;
            }

            return null;
        }

        private string Render(string folder, HelmLine line)
        {
            var args = Tokenize(Command);
            if (args.Count < 2 || args[0] != "helm" || args[1] is not ("template" or "install"))
                return "<not a helm template command>";
            var install = args[1] == "install";
            var defaults = new RenderOptions { KubeVersion = "v1.20.0" }.ForHelmLine(line);
            if (!install)
            {
                // `helm template` runs through the product's Helm-compatible command line, usage errors included.
                var result = HelmTemplateCommandLine.Run(args[2..], folder, folder, defaults);
                return result.Output + result.Error;
            }

            var invocation = HelmTemplateCommandLine.Parse(args[2..], folder, folder, defaults);
            if (invocation.Error is { } error)
                return error;
            var options = invocation.Options;
            var render = HelmRenderer.Render(new ChartSource(invocation.ChartPath!, Path.GetRelativePath(folder, invocation.ChartPath!)), options);

            // helm install --dry-run wraps the release manifest in its status printer; Helm's test clock is fixed.
            if (render.Failed)
                return "Error: " + render.Problems[0].Message + "\n";
            var status = new StringBuilder()
                .Append("NAME: ").Append(options.ReleaseName).Append('\n')
                .Append("LAST DEPLOYED: Fri Sep  2 22:04:05 1977\n")
                .Append("NAMESPACE: ").Append(options.Namespace).Append('\n')
                .Append("STATUS: pending-install\nREVISION: 1\n")
                .Append(line != HelmLine.V3 ? "DESCRIPTION: Dry run complete\n" : string.Empty)
                .Append("TEST SUITE: None\nHOOKS:\n");
            foreach (var h in render.Hooks)
                status.Append("---\n# Source: ").Append(h.Name).Append('\n').Append(h.Content).Append('\n');
            return status.Append("MANIFEST:\n").Append(HelmTemplateOutput.ReleaseManifest(render)).Append('\n').ToString();
        }

        private static List<string> Tokenize(string command)
        {
            var list = new List<string>();
            var sb = new StringBuilder();
            var quoted = false;
            var any = false;
            foreach (var ch in command)
            {
                if (ch == '\'')
                {
                    quoted = !quoted;
                    any = true;
                }
                else if (ch == ' ' && !quoted)
                {
                    if (any)
                        list.Add(sb.ToString());
                    sb.Clear();
                    any = false;
                }
                else
                {
                    sb.Append(ch);
                    any = true;
                }
            }

            if (any)
                list.Add(sb.ToString());
            return list;
        }
    }
}

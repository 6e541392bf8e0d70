using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using Xunit;

namespace ManifestLint.Testing;

/// <summary>Runs one rule over one fixture through the product pipeline and checks the result against the markers.</summary>
public static class RuleVerifier
{
    /// <summary>Loads <paramref name="fullPath"/> (named relative to the repository root) and runs only <paramref name="rule"/> with its default options.</summary>
    public static RuleVerification Run(Rule rule, string fullPath)
    {
        var file = new SourceFile(RepositoryPaths.Relative(fullPath), File.ReadAllText(fullPath));
        return Run(rule, file);
    }

    public static RuleVerification Run(Rule rule, SourceFile file)
    {
        var loaded = YamlLoader.Load(file);
        var resources = new List<Resource>();
        foreach (var document in loaded.Documents)
            resources.AddRange(ResourceReader.Read(document, "default", new ResourceOrigin(file.Path, document.Index), out _));
        var graph = ResourceGraph.Build(resources, FixtureOptions(file.Text));
        var findings = RuleRunner.Run(graph, [(rule, rule.DefaultOptions)], maxDegreeOfParallelism: 1);
        var expected = FixtureExpectations.Parse(loaded.Documents).Where(e => e.RuleId == rule.Info.Id).ToImmutableArray();
        return new RuleVerification(file, findings, expected, loaded.Problems);
    }

    /// <summary>
    /// Run settings a fixture states in a comment line: <c># kube-version: 1.20</c> (the target Kubernetes version) and
    /// <c># complete: true</c>.
    /// </summary>
    public static GraphOptions FixtureOptions(string text)
    {
        var options = GraphOptions.Default;
        foreach (var line in text.Split('\n'))
        {
            var t = line.Trim();
            if (t.StartsWith("# kube-version:", StringComparison.Ordinal))
                options = options with { KubeVersion = t["# kube-version:".Length..].Trim() };
            else if (t == "# complete: true")
                options = options with { Complete = true };
        }

        return options;
    }

    /// <summary>
    /// Every way the result disagrees with the fixture: missing and unexpected findings (as code frames),
    /// columns outside the line or past the marker, input problems, and a fires file without markers.
    /// Empty when the fixture passes.
    /// </summary>
    public static string Check(RuleVerification v, bool fires)
    {
        var sb = new StringBuilder();
        foreach (var p in v.Problems)
            sb.Append("input problem (fixtures must be valid):\n").Append(CodeFrame.Render(v.File, p));

        if (fires && v.Expected.IsEmpty)
            sb.Append(CultureInfo.InvariantCulture, $"{v.File.Path}: a fires-* fixture must carry at least one `# expect: <id>` marker for the rule under test\n");
        if (!fires && !v.Expected.IsEmpty)
            sb.Append(CultureInfo.InvariantCulture, $"{v.File.Path}: a silent-* fixture must not carry markers for the rule under test\n");

        var expected = fires ? v.Expected : [];
        var missing = expected.Select(e => (e.Line, e.RuleId)).ToList();
        var unexpected = new List<Finding>();
        foreach (var f in v.Findings)
        {
            if (f.Span.Path == v.File.Path && missing.Remove((f.Span.StartLine, f.RuleId)))
                continue;
            unexpected.Add(f);
        }

        foreach (var (line, id) in missing)
            sb.Append("missing finding:\n").Append(CodeFrame.Render(v.File, SourceSpan.At(v.File.Path, line, 1), $"expected {id}"));
        foreach (var f in unexpected)
            sb.Append("unexpected finding:\n").Append(f.Span.Path == v.File.Path ? CodeFrame.Render(v.File, f) : $"{f.Span}: {f.RuleId}: {f.Message}\n");

        foreach (var f in v.Findings.Where(f => f.Span.Path == v.File.Path))
        {
            var text = v.File.GetLine(f.Span.StartLine);
            var marker = expected.FirstOrDefault(e => e.MarkerLine == f.Span.StartLine);
            var limit = marker is null ? text.Length : marker.MarkerColumn - 1;
            if (f.Span.StartColumn < 1 || f.Span.StartColumn > Math.Max(limit, 1))
                sb.Append("finding starts outside the line's YAML text:\n").Append(CodeFrame.Render(v.File, f));
        }

        return sb.ToString();
    }

    /// <summary>Runs the rule over the fixture and fails the test with code frames when it disagrees with the markers.</summary>
    public static RuleVerification Verify(Rule rule, string fullPath)
    {
        var fires = Path.GetFileName(fullPath).StartsWith("fires-", StringComparison.Ordinal);
        var verification = Run(rule, fullPath);
        var problems = Check(verification, fires);
        if (problems.Length > 0)
            Assert.Fail($"{rule.Info.Id} on {verification.File.Path}:\n{problems}");
        return verification;
    }
}

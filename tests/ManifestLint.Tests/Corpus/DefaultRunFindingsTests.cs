using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Corpus;

/// <summary>
/// What a default run says about real input: <c>testdata/</c> and each chart of <c>../shared/charts-corpus</c> linted
/// on its own (as a user lints one chart), findings counted per rule and printed. The broken-reference rules must
/// stay quiet on those charts except for the findings listed here, each with the reason it is true.
/// </summary>
public sealed partial class DefaultRunFindingsTests(ITestOutputHelper output)
{
    /// <summary>chart, rule, the resource named in the message; and why the finding is right.</summary>
    private static readonly (string Chart, string Rule, string Resource, string Reason)[] TrueBrokenReferences =
    [
        ("bitnami-ghost", "service-selects-no-pods", "release-name-ghost",
            "the chart renders its Deployment only once ghostHost is set, but renders the Service with default values"),
        ("bitnami-ghost", "pdb-selects-no-pods", "release-name-ghost", "as above: the PodDisruptionBudget protects a Deployment that is not rendered"),
        ("bitnami-ghost", "network-policy-selects-nothing", "release-name-ghost", "as above: the NetworkPolicy is for a Deployment that is not rendered"),
        ("bitnami-opensearch", "network-policy-selects-nothing", "release-name-opensearch-dashboards",
            "dashboards.networkPolicy.enabled renders the policy although dashboards.enabled is false, so no dashboards pod exists"),
        ("elastic-metricbeat", "rbac-binding-to-missing-role", "release-name-metricbeat-role-binding",
            "the chart creates a Role named release-name-metricbeat-role and binds it with roleRef.kind ClusterRole, which never resolves"),
    ];

    [GeneratedRegex("^(service-selects-no-pods|service-target-port-missing|network-policy-selects-nothing|pdb-selects-no-pods|rbac-binding-to-missing-.*|missing-(service-account|configmap-or-secret)|selector-mismatch|hpa-target-missing|ingress-backend-missing)$")]
    private static partial Regex BrokenReference();

    [Fact]
    public void Testdata_findings_per_rule_are_printed()
    {
        var counts = Count(Lint("testdata"));
        output.WriteLine(Table("testdata/, default settings", counts));
        Assert.NotEmpty(counts);
    }

    [CorpusFact]
    public void Corpus_charts_linted_one_by_one_report_only_true_broken_references()
    {
        var all = new List<(string Chart, JsonElement Finding)>();
        foreach (var chart in Directory.GetDirectories(CorpusFactAttribute.Folder).Order(StringComparer.Ordinal))
        {
            foreach (var finding in Lint(chart))
                all.Add((Path.GetFileName(chart), finding));
        }

        output.WriteLine(Table($"{Directory.GetDirectories(CorpusFactAttribute.Folder).Length} corpus charts, each on its own, default settings", Count(all.Select(a => a.Finding))));
        var broken = all.Where(a => BrokenReference().IsMatch(a.Finding.GetProperty("ruleId").GetString()!)).ToList();
        var unexplained = new StringBuilder();
        foreach (var (chart, finding) in broken)
        {
            var rule = finding.GetProperty("ruleId").GetString()!;
            var message = finding.GetProperty("message").GetString()!;
            output.WriteLine($"{chart}: {rule}: {message}");
            if (!TrueBrokenReferences.Any(t => t.Chart == chart && t.Rule == rule
                    && (message.Contains($"'{t.Resource}'", StringComparison.Ordinal) || message.Contains($"/{t.Resource}'", StringComparison.Ordinal))))
                unexplained.AppendLine(CultureInfo.InvariantCulture, $"{chart}: {rule}: {message}");
        }

        Assert.True(unexplained.Length == 0, $"broken-reference findings with no reason on record (a false alarm to fix, or a true one to list):\n{unexplained}");
        Assert.Equal(TrueBrokenReferences.Length, broken.Count);
    }

    private static List<JsonElement> Lint(string path)
    {
        var run = CliRun.Invoke("lint", path, "--format", "json", "--fail-on", "none", "--no-color");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone())];
    }

    private static SortedDictionary<string, int> Count(IEnumerable<JsonElement> findings)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var id = f.GetProperty("ruleId").GetString()!;
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        return counts;
    }

    private static string Table(string title, SortedDictionary<string, int> counts)
    {
        var sb = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"{title}: {counts.Values.Sum()} findings");
        foreach (var (id, n) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
            sb.AppendLine(CultureInfo.InvariantCulture, $"{n,6}  {id}");
        return sb.ToString();
    }
}

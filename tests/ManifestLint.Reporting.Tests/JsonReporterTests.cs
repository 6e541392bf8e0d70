using System.Text.Json;
using ManifestLint.Reporting.Json;

namespace ManifestLint.Reporting.Tests;

public class JsonReporterTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Top_level_shape_and_summary()
    {
        var root = Parse(TestReports.Render(new JsonReporter(), TestReports.Typical()));

        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("ManifestLint", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("0.1.0", root.GetProperty("tool").GetProperty("version").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(0, summary.GetProperty("notes").GetInt32());
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
        Assert.Equal(3, summary.GetProperty("files").GetInt32());
        Assert.Equal(2, summary.GetProperty("resources").GetInt32());
        Assert.Equal(4, root.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void A_finding_carries_every_documented_property()
    {
        var report = TestReports.Typical();
        var root = Parse(TestReports.Render(new JsonReporter(), report));
        var privileged = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "privileged-container");

        Assert.Equal(
            ["ruleId", "severity", "message", "path", "startLine", "startColumn", "endLine", "endColumn", "resource", "yamlPath", "fingerprint", "related", "suppressed", "scenario"],
            privileged.EnumerateObject().Select(p => p.Name));
        Assert.Equal("error", privileged.GetProperty("severity").GetString());
        Assert.Equal("deploy/app.yaml", privileged.GetProperty("path").GetString());
        Assert.Equal(13, privileged.GetProperty("startLine").GetInt32());
        Assert.Equal(25, privileged.GetProperty("startColumn").GetInt32());
        Assert.Equal(29, privileged.GetProperty("endColumn").GetInt32());
        var resource = privileged.GetProperty("resource");
        Assert.Equal("shop/Deployment/app", resource.GetProperty("key").GetString());
        Assert.Equal("Deployment", resource.GetProperty("kind").GetString());
        Assert.Equal("shop", resource.GetProperty("namespace").GetString());
        Assert.Equal("app", resource.GetProperty("name").GetString());
        Assert.Equal("spec.template.spec.containers[0].securityContext.privileged", privileged.GetProperty("yamlPath").GetString());
        Assert.Equal(report.Findings.Single(f => f.RuleId == "privileged-container").Fingerprint, privileged.GetProperty("fingerprint").GetString());
        var related = Assert.Single(privileged.GetProperty("related").EnumerateArray());
        Assert.Equal("deploy/rbac.yaml", related.GetProperty("path").GetString());
        Assert.Equal("Bound to this ServiceAccount", related.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, privileged.GetProperty("suppressed").ValueKind);
        Assert.Equal(JsonValueKind.Null, privileged.GetProperty("scenario").ValueKind);
    }

    [Fact]
    public void Input_problems_have_a_null_resource_and_suppressions_are_described()
    {
        var findings = Parse(TestReports.Render(new JsonReporter(), TestReports.Typical())).GetProperty("findings").EnumerateArray().ToList();

        var syntax = findings.Single(f => f.GetProperty("ruleId").GetString() == "yaml-syntax");
        Assert.Equal(JsonValueKind.Null, syntax.GetProperty("resource").ValueKind);
        Assert.Equal(JsonValueKind.Null, syntax.GetProperty("yamlPath").ValueKind);

        var suppressed = findings.Single(f => f.GetProperty("suppressed").ValueKind == JsonValueKind.Object).GetProperty("suppressed");
        Assert.Equal("inSource", suppressed.GetProperty("kind").GetString());
        Assert.Equal("Pinned by the mirror", suppressed.GetProperty("justification").GetString());
    }

    [Fact]
    public void Output_is_deterministic_lf_only_and_readable()
    {
        var first = TestReports.Render(new JsonReporter(), TestReports.Typical());
        var second = TestReports.Render(new JsonReporter(), TestReports.Typical());

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.Contains("\"message\": \"Container 'app' runs privileged\"", first, StringComparison.Ordinal);
    }
}

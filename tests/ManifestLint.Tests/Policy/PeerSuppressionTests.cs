using System.Text.Json;

namespace ManifestLint.Tests.Policy;

/// <summary>kube-linter's and Polaris's inline annotations suppress the rules that cover their checks, with the annotation as the justification.</summary>
public sealed class PeerSuppressionTests
{
    private const string Workloads = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-exporter
          annotations:
            ignore-check.kube-linter.io/host-network: "Exports the node's network metrics"
            polaris.fairwinds.com/hostPIDSet-exempt: "true"
        spec:
          selector:
            matchLabels:
              app: node-exporter
          template:
            metadata:
              labels:
                app: node-exporter
            spec:
              hostNetwork: true
              hostPID: true
              hostIPC: true
              containers:
                - name: exporter
                  image: registry.example.com/node-exporter:1.8.2
        """;

    [Fact]
    public void Mapped_rules_are_suppressed_and_others_are_not()
    {
        var dir = Directory.CreateTempSubdirectory("peer-suppressions-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "exporter.yaml"), Workloads);
            var run = CliRun.Invoke(["lint", dir.FullName, "--format", "json", "--fail-on", "none"], workingDirectory: dir.FullName);
            using var json = JsonDocument.Parse(run.Out);
            var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();

            var network = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "host-network");
            Assert.Contains("Exports the node's network metrics (ignore-check.kube-linter.io/host-network)", network.GetProperty("suppressed").GetProperty("justification").GetString(), StringComparison.Ordinal);
            var pid = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "host-pid");
            Assert.Contains("polaris.fairwinds.com/hostPIDSet-exempt", pid.GetProperty("suppressed").GetProperty("justification").GetString(), StringComparison.Ordinal);
            var ipc = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "host-ipc");
            Assert.Equal(JsonValueKind.Null, ipc.GetProperty("suppressed").ValueKind);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

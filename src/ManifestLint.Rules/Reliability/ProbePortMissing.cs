using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Reliability;

public sealed class ProbePortMissing : ContainerRule
{
    private static readonly string[] ProbeKeys = ["livenessProbe", "readinessProbe", "startupProbe"];

    public override RuleInfo Info { get; } = new(
        Id: "probe-port-missing",
        Summary: "A probe's named port must be a port of its container",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            An `httpGet`, `tcpSocket` or `grpc` probe that names its port (`port: http`) is resolved against the
            container's own `ports`. When no port has that name the kubelet cannot run the probe: a liveness probe then
            fails and restarts the container forever, a readiness probe keeps the pod out of its Services. It usually
            follows a port renamed in one place only.

            Named ports are checked against the container's `ports[].name`; a number is not checked, since a container
            may listen on a port it does not declare. The finding is on the probe's `port` value.
            """,
        Remediation: "Name the container port as the probe says, or point the probe at the right name or number.",
        References: [ReliabilityReferences.Probes],
        PeerChecks:
        [
            PeerCheck.Linter("liveness-port"),
            PeerCheck.Linter("readiness-port"),
            PeerCheck.Linter("startup-port"),
        ]);

    protected override bool Judges(ContainerView container) => container.Kind != ContainerKind.EphemeralContainer;

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        foreach (var key in ProbeKeys)
        {
            if (container.Node.GetMapping(key) is not { } probe)
                continue;
            foreach (var handler in new[] { "httpGet", "tcpSocket", "grpc" })
            {
                if (probe.Find(handler, "port") is not YamlScalar { IsNull: false } port || port.AsInt64() is not null || port.Text.Length == 0)
                    continue;
                var declared = container.Ports?.Mappings().Any(p => p.GetString("name") == port.Text) ?? false;
                if (!declared)
                    yield return Report(context, container, port, $"{container.Describe()} has a {key} on port '{port.Text}', which is not a named port of the container");
            }
        }
    }
}

using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Reliability;

public sealed class ServiceTargetPortInvalidName : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "service-target-port-invalid-name",
        Summary: "A Service targetPort given by name must be a valid port name",
        Category: Category.Network,
        Severity: Severity.Error,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            A Service's `targetPort` is a number or the name of a container port, and a name must be an IANA service
            name (`IANA_SVC_NAME`): at most 15 characters, only lowercase letters, digits and `-`, at least one letter,
            and no `-` at the start, at the end or next to another `-`. The API server rejects a Service whose
            `targetPort` breaks these rules, so the apply fails; a container port with such a name is rejected as well,
            so no pod could ever match it.

            A quoted number (`targetPort: "8080"`) is a string, hence a name with no letter, and is reported too: write
            the number unquoted. An empty string is left alone (the API server replaces it with `port`), and so is
            unrendered Helm template text. The finding is on the `targetPort` value.
            """,
        Remediation: "Use the container port's number, or a valid port name (e.g. http, metrics, grpc-web) that the container port also declares.",
        References:
        [
            new("Kubernetes: Defining a Service (named ports)", "https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service"),
            new("RFC 6335, section 5.1: service name syntax", "https://www.rfc-editor.org/rfc/rfc6335#section-5.1"),
        ],
        PeerChecks:
        [
            PeerCheck.Linter("invalid-target-ports"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var service in context.Graph.OfKind("Service"))
        {
            if (service.Group.Length != 0 || service.Root.Find("spec", "ports") is not YamlSequence ports)
                continue;
            foreach (var port in ports.Mappings())
            {
                if (port.GetScalar("targetPort") is not { Kind: ScalarKind.String } target || target.Text.Length == 0 || target.Text.Contains("{{", StringComparison.Ordinal))
                    continue;
                if (Problem(target.Text) is { } problem)
                    yield return context.Report(service, target, $"Service '{service.Name}' has targetPort '{target.Text}', which is not a valid port name: {problem}");
            }
        }
    }

    /// <summary>Why <paramref name="name"/> is not an IANA_SVC_NAME, or null when it is one.</summary>
    internal static string? Problem(string name)
    {
        if (name.Length > 15)
            return "it is longer than 15 characters";
        if (name.Any(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
            return "only lowercase letters, digits and '-' are allowed";
        if (!name.Any(c => c is >= 'a' and <= 'z'))
            return name.All(char.IsAsciiDigit) ? "it has no letter (write a port number unquoted)" : "it has no letter";
        if (name.StartsWith('-') || name.EndsWith('-'))
            return "it starts or ends with '-'";
        if (name.Contains("--", StringComparison.Ordinal))
            return "it has two '-' in a row";
        return null;
    }
}

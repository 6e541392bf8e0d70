using System.Collections.Frozen;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.References;

public sealed class IngressBackendMissing : Rule
{
    public override RuleInfo Info { get; } = new(
        Id: "ingress-backend-missing",
        Summary: "Ingress backends should name a Service and a port that exist",
        Category: Category.References,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            An Ingress path whose backend Service does not exist, or whose port the Service does not expose, answers
            503 or 404 from the controller; the mistake is invisible until traffic arrives. Both shapes are read:
            `networking.k8s.io/v1` (`backend.service.name` with `port.number` or `port.name`, and `defaultBackend`) and
            the removed `extensions/v1beta1`/`networking.k8s.io/v1beta1` (`backend.serviceName`/`servicePort`, and
            `backend`). Backends that point at a `resource` instead of a Service are not checked.

            A port is checked whenever the Service is in the input: `port.number` must be one of its `ports[].port`,
            and `port.name` one of its port names. A missing Service is reported only when the input could hold it: the
            Ingress's namespace is owned by the input (its Namespace object is there), the input defines some Service
            in that namespace, or the input is complete (`--complete` or `complete: true` in the config file). The
            finding is on the backend's service name or port.
            """,
        Remediation: "Point the backend at an existing Service in the Ingress's namespace and at one of its ports.",
        References: [new("Kubernetes: Ingress", "https://kubernetes.io/docs/concepts/services-networking/ingress/"), ReferenceLinks.Services],
        SecuritySeverity: 2.0,
        PeerChecks:
        [
            PeerCheck.Score("ingress-targets-service"),
            PeerCheck.Linter("dangling-ingress"),
        ]);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var graph = context.Graph;
        var scope = new InputScope(graph);
        var withServices = graph.OfKind("Service").Where(s => s.Namespace is not null).Select(s => s.Namespace!).ToFrozenSet(StringComparer.Ordinal);
        foreach (var ingress in graph.OfKind("Ingress"))
        {
            if (ingress.Root.GetMapping("spec") is not { } spec || ingress.Namespace is not { } ns)
                continue;
            foreach (var backend in Backends(spec))
            {
                if (Read(backend) is not var (nameNode, portNode))
                    continue;
                var service = graph.Get(new ResourceKey(string.Empty, "Service", ns, nameNode.Text)).FirstOrDefault();
                if (service is null)
                {
                    if (scope.Owns(ns) || withServices.Contains(ns))
                        yield return context.Report(ingress, nameNode, $"Ingress '{ingress.Name}' routes to Service '{nameNode.Text}', which is not defined in namespace '{ns}'");
                    continue;
                }

                if (portNode is null || HasPort(service, portNode))
                    continue;
                var related = (YamlNode?)(service.Root.GetMapping("spec")?.GetKey("ports")) ?? service.AnchorNode;
                yield return context.Report(ingress, portNode,
                    $"Ingress '{ingress.Name}' routes to port '{portNode.Text}' of Service '{service.Name}', which has no such port",
                    RuleContext.Related(related, $"ports of Service '{service.Name}'"));
            }
        }
    }

    private static IEnumerable<YamlMapping> Backends(YamlMapping spec)
    {
        if (spec.GetMapping("defaultBackend") is { } d)
            yield return d;
        if (spec.GetMapping("backend") is { } b)
            yield return b;
        if (spec.GetSequence("rules") is not { } rules)
            yield break;
        foreach (var rule in rules.Mappings())
        {
            if (rule.Find("http", "paths") is not YamlSequence paths)
                continue;
            foreach (var path in paths.Mappings())
            {
                if (path.GetMapping("backend") is { } backend)
                    yield return backend;
            }
        }
    }

    /// <summary>The service name and port nodes of a backend in either API shape; null for resource backends.</summary>
    private static (YamlScalar Name, YamlScalar? Port)? Read(YamlMapping backend)
    {
        if (backend.GetMapping("service") is { } service)
        {
            if (service.GetScalar("name") is not { IsNull: false } name)
                return null;
            var port = service.GetMapping("port") is { } p ? p.GetScalar("number") ?? p.GetScalar("name") : null;
            return (name, port is { IsNull: false } ? port : null);
        }

        if (backend.GetScalar("serviceName") is { IsNull: false } old)
            return (old, backend.GetScalar("servicePort") is { IsNull: false } sp ? sp : null);
        return null;
    }

    private static bool HasPort(Resource service, YamlScalar port)
    {
        if (service.Root.Find("spec", "ports") is not YamlSequence ports)
            return false;
        var number = port.AsInt64();
        foreach (var p in ports.Mappings())
        {
            if (number is { } n ? p.GetScalar("port")?.AsInt64() == n : p.GetString("name") == port.Text)
                return true;
        }

        return false;
    }
}

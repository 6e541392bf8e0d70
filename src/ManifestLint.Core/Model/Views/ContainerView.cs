using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.Views;

/// <summary>A typed read-only view of one container (regular, init or ephemeral) that keeps every node.</summary>
public sealed class ContainerView
{
    public ContainerView(PodTemplateView pod, YamlMapping node, ContainerKind kind, int index)
    {
        Pod = pod;
        Node = node;
        Kind = kind;
        Index = index;
    }

    public PodTemplateView Pod { get; }

    public YamlMapping Node { get; }

    public ContainerKind Kind { get; }

    /// <summary>Index in its list (<c>containers</c>, <c>initContainers</c> or <c>ephemeralContainers</c>).</summary>
    public int Index { get; }

    public string Name => Node.GetString("name") ?? $"#{Index}";

    /// <summary>The node findings about the container as a whole point at: its <c>name</c> scalar, else the mapping.</summary>
    public YamlNode Anchor => (YamlNode?)Node.GetScalar("name") ?? Node;

    public YamlScalar? Image => Node.GetScalar("image");

    public YamlMapping? SecurityContext => Node.GetMapping("securityContext");

    public YamlMapping? Resources => Node.GetMapping("resources");

    public YamlSequence? Env => Node.GetSequence("env");

    public YamlSequence? EnvFrom => Node.GetSequence("envFrom");

    public YamlSequence? Ports => Node.GetSequence("ports");

    public YamlSequence? VolumeMounts => Node.GetSequence("volumeMounts");

    public YamlMapping? LivenessProbe => Node.GetMapping("livenessProbe");

    public YamlMapping? ReadinessProbe => Node.GetMapping("readinessProbe");

    public YamlMapping? StartupProbe => Node.GetMapping("startupProbe");

    /// <summary>A security-context field read with Kubernetes' precedence: the container's value, else the pod's.</summary>
    public YamlScalar? EffectiveSecurityField(string field) =>
        SecurityContext?.GetScalar(field) ?? Pod.SecurityContext?.GetScalar(field);

    /// <summary>The place a finding about a missing container field should point: <c>securityContext:</c> if present, else the container's name.</summary>
    public YamlNode SecurityContextAnchor => (YamlNode?)Node.GetKey("securityContext") ?? Anchor;

    public override string ToString() => Name;
}

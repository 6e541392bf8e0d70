using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.ControlPlane;

/// <summary>
/// The settings of one component found in one resource: the flags of a static pod or of a kubeadm
/// <c>extraArgs</c> block, or a KubeletConfiguration file (whose fields are read with <see cref="Field"/>).
/// </summary>
public sealed class ComponentConfig
{
    public ComponentConfig(Resource resource, ComponentKind component, ConfigSource source, ImmutableDictionary<string, ComponentFlag> flags, YamlNode anchor)
    {
        Resource = resource;
        Component = component;
        Source = source;
        Flags = flags;
        Anchor = anchor;
    }

    public Resource Resource { get; }

    public ComponentKind Component { get; }

    public ConfigSource Source { get; }

    /// <summary>Flags by name (without leading dashes); when a flag repeats, the last one wins, as in Go's flag parsing.</summary>
    public ImmutableDictionary<string, ComponentFlag> Flags { get; }

    /// <summary>Where findings about a missing setting point: the command, the <c>extraArgs</c> key, or the component's section.</summary>
    public YamlNode Anchor { get; }

    public ComponentFlag? Flag(string name) => Flags.TryGetValue(name, out var f) ? f : null;

    /// <summary>A field of a KubeletConfiguration file by dotted path (<c>authentication.anonymous.enabled</c>).</summary>
    public YamlNode? Field(string dottedPath) =>
        Source == ConfigSource.KubeletConfigFile ? Resource.Root.Find(dottedPath.Split('.')) : null;

    public string Describe() => Component switch
    {
        ComponentKind.ApiServer => "kube-apiserver",
        ComponentKind.ControllerManager => "kube-controller-manager",
        ComponentKind.Scheduler => "kube-scheduler",
        ComponentKind.Etcd => "etcd",
        _ => "kubelet",
    };
}

using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.ControlPlane;

/// <summary>
/// Recognises control-plane and node configuration: static pods that run a component binary, kubeadm
/// ClusterConfiguration/InitConfiguration/JoinConfiguration (v1beta3 map and v1beta4 list <c>extraArgs</c>),
/// and KubeletConfiguration files.
/// </summary>
public static class ComponentConfigReader
{
    /// <summary>
    /// Boolean flags of the components. Go's flag parsing never takes the next word as a boolean's value:
    /// <c>--profiling false</c> sets profiling to true and leaves "false" as a stray argument.
    /// </summary>
    private static readonly HashSet<string> BooleanFlags = new(StringComparer.Ordinal)
    {
        "anonymous-auth", "profiling", "service-account-lookup", "use-service-account-credentials", "client-cert-auth",
        "peer-client-cert-auth", "auto-tls", "peer-auto-tls", "rotate-certificates", "make-iptables-util-chains",
        "enable-bootstrap-token-auth", "allow-privileged", "leader-elect", "protect-kernel-defaults", "enable-debugging-handlers",
    };

    public static IEnumerable<ComponentConfig> Read(Resource resource)
    {
        switch (resource.Kind)
        {
            case "Pod" when resource.Group.Length == 0:
                if (FromStaticPod(resource) is { } pod)
                    yield return pod;
                break;
            case "ClusterConfiguration" when resource.Group == "kubeadm.k8s.io":
                yield return FromKubeadmSection(resource, ComponentKind.ApiServer, "apiServer");
                yield return FromKubeadmSection(resource, ComponentKind.ControllerManager, "controllerManager");
                yield return FromKubeadmSection(resource, ComponentKind.Scheduler, "scheduler");
                if (resource.Root.Find("etcd", "external") is null)
                    yield return FromKubeadmSection(resource, ComponentKind.Etcd, "etcd", "local");
                break;
            case "InitConfiguration" or "JoinConfiguration" when resource.Group == "kubeadm.k8s.io":
                if (resource.Root.GetMapping("nodeRegistration") is { } reg && reg.GetEntry("kubeletExtraArgs") is { } args)
                    yield return new ComponentConfig(resource, ComponentKind.Kubelet, ConfigSource.Kubeadm, ReadExtraArgs(args.Value), args.Key);
                break;
            case "KubeletConfiguration" when resource.Group == "kubelet.config.k8s.io":
                yield return new ComponentConfig(resource, ComponentKind.Kubelet, ConfigSource.KubeletConfigFile,
                    ImmutableDictionary<string, ComponentFlag>.Empty, (YamlNode?)resource.Root.GetScalar("kind") ?? resource.Root);
                break;
        }
    }

    /// <summary>The component a binary name runs, e.g. <c>/usr/local/bin/kube-apiserver</c>.</summary>
    public static ComponentKind? ComponentOf(string command)
    {
        var name = command[(command.LastIndexOf('/') + 1)..];
        return name switch
        {
            "kube-apiserver" => ComponentKind.ApiServer,
            "kube-controller-manager" => ComponentKind.ControllerManager,
            "kube-scheduler" => ComponentKind.Scheduler,
            "etcd" => ComponentKind.Etcd,
            _ => null,
        };
    }

    private static ComponentConfig? FromStaticPod(Resource resource)
    {
        if (resource.Root.Find("spec", "containers") is not YamlSequence containers)
            return null;
        foreach (var c in containers.Mappings())
        {
            var command = c.GetSequence("command");
            var args = c.GetSequence("args");
            var words = new List<YamlScalar>();
            if (command is not null)
                words.AddRange(command.Scalars());
            if (args is not null)
                words.AddRange(args.Scalars());
            if (words.Count == 0)
                continue;
            var component = ComponentOf(words[0].Text);
            var first = 1;
            if (component is null && command is null && c.GetString("image") is { } image)
            {
                // Without a command the image's entrypoint runs; recognise the usual control-plane images.
                component = ImageComponent(image);
                first = 0;
            }

            if (component is null)
                continue;
            var anchor = (YamlNode?)c.GetKey("command") ?? (YamlNode?)c.GetKey("args") ?? c;
            return new ComponentConfig(resource, component.Value, ConfigSource.StaticPod, ParseWords(words, first), anchor);
        }

        return null;
    }

    private static ComponentKind? ImageComponent(string image)
    {
        var name = image.Split('@')[0];
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
            name = name[..colon];
        return ComponentOf(name);
    }

    /// <summary>Parses <c>--x=y</c>, <c>--x y</c> and bare <c>--x</c> (true) words.</summary>
    internal static ImmutableDictionary<string, ComponentFlag> ParseWords(List<YamlScalar> words, int first)
    {
        var flags = ImmutableDictionary.CreateBuilder<string, ComponentFlag>(StringComparer.Ordinal);
        for (var i = first; i < words.Count; i++)
        {
            var w = words[i].Text.Trim();
            if (!w.StartsWith('-'))
                continue;
            var body = w.TrimStart('-');
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                flags[body[..eq]] = new ComponentFlag(body[..eq], body[(eq + 1)..], words[i]);
            }
            else if (i + 1 < words.Count && !words[i + 1].Text.StartsWith('-') && !BooleanFlags.Contains(body))
            {
                flags[body] = new ComponentFlag(body, words[i + 1].Text, words[i + 1]);
                i++;
            }
            else
            {
                flags[body] = new ComponentFlag(body, "true", words[i]);
            }
        }

        return flags.ToImmutable();
    }

    private static ComponentConfig FromKubeadmSection(Resource resource, ComponentKind component, params string[] path)
    {
        var section = resource.Root.Find(path) as YamlMapping;
        var parent = path.Length > 1 ? resource.Root.Find(path.AsSpan(0, path.Length - 1)) as YamlMapping : resource.Root;
        if (section?.GetEntry("extraArgs") is { } extra)
            return new ComponentConfig(resource, component, ConfigSource.Kubeadm, ReadExtraArgs(extra.Value), extra.Key);
        var anchor = (YamlNode?)parent?.GetKey(path[^1]) ?? (YamlNode?)resource.Root.GetScalar("kind") ?? resource.Root;
        return new ComponentConfig(resource, component, ConfigSource.Kubeadm, ImmutableDictionary<string, ComponentFlag>.Empty, anchor);
    }

    /// <summary>kubeadm v1beta3 writes <c>extraArgs</c> as a map; v1beta4 as a list of <c>{name, value}</c>.</summary>
    private static ImmutableDictionary<string, ComponentFlag> ReadExtraArgs(YamlNode node)
    {
        var flags = ImmutableDictionary.CreateBuilder<string, ComponentFlag>(StringComparer.Ordinal);
        if (node is YamlMapping map)
        {
            foreach (var e in map.Entries)
            {
                if (e.Value is YamlScalar s)
                    flags[e.Key.Text] = new ComponentFlag(e.Key.Text, s.StringValue, s);
            }
        }
        else if (node is YamlSequence seq)
        {
            foreach (var item in seq.Mappings())
            {
                if (item.GetString("name") is { } name)
                {
                    var value = item.GetScalar("value");
                    flags[name] = new ComponentFlag(name, value?.StringValue ?? string.Empty, (YamlNode?)value ?? item);
                }
            }
        }

        return flags.ToImmutable();
    }
}

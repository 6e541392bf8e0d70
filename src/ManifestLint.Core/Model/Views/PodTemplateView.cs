using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.Views;

/// <summary>
/// The pod template of a workload (or the spec of a Pod): its labels, its spec and its containers,
/// with the resource that owns it. Built once by the graph for every workload kind.
/// </summary>
public sealed class PodTemplateView
{
    private readonly ImmutableArray<(YamlMapping Node, ContainerKind Kind, int Index)> _explicitContainers;
    private ImmutableArray<ContainerView> _all;

    public PodTemplateView(Resource owner, YamlMapping? metadata, YamlMapping spec)
        : this(owner, metadata, spec, default)
    {
    }

    /// <summary>A template whose containers are not the pod spec's usual lists (an Argo Workflow template's <c>container</c>, <c>script</c> and <c>sidecars</c>).</summary>
    public PodTemplateView(Resource owner, YamlMapping? metadata, YamlMapping spec, ImmutableArray<(YamlMapping Node, ContainerKind Kind, int Index)> containers)
    {
        _explicitContainers = containers;
        Owner = owner;
        Metadata = metadata;
        Spec = spec;
        Labels = ReadLabels(metadata);
        Hook = DeploymentHook.Of(owner);
    }

    /// <summary>The workload (Deployment, Pod, CronJob, ...) that holds the template.</summary>
    public Resource Owner { get; }

    /// <summary>The Helm or Argo CD hook the owner is, or null for an ordinary workload (its pods run once, around a release).</summary>
    public DeploymentHook? Hook { get; }

    /// <summary>The template's <c>metadata</c> (for a Pod, the Pod's own metadata).</summary>
    public YamlMapping? Metadata { get; }

    /// <summary>The pod spec.</summary>
    public YamlMapping Spec { get; }

    public ImmutableSortedDictionary<string, string> Labels { get; }

    public string? Namespace => Owner.Namespace;

    public YamlMapping? SecurityContext => Spec.GetMapping("securityContext");

    public YamlSequence? Volumes => Spec.GetSequence("volumes");

    /// <summary>The effective ServiceAccount name: <c>serviceAccountName</c>, else the deprecated <c>serviceAccount</c>, else <c>default</c>.</summary>
    public string ServiceAccountName =>
        Spec.GetString("serviceAccountName") is { Length: > 0 } n ? n
        : Spec.GetString("serviceAccount") is { Length: > 0 } d ? d
        : "default";

    /// <summary>The node naming the ServiceAccount, if any.</summary>
    public YamlScalar? ServiceAccountNode => Spec.GetScalar("serviceAccountName") ?? Spec.GetScalar("serviceAccount");

    /// <summary>For a resource with several pod templates (an Argo Workflow's templates), the template's name; else null.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The place findings about a missing pod-level field point at: the <c>spec:</c> key of the template, else the owner's anchor.</summary>
    public YamlNode SpecAnchor { get; init; } = null!;

    public IEnumerable<ContainerView> Containers => AllContainers.Where(c => c.Kind == ContainerKind.Container);

    public IEnumerable<ContainerView> InitContainers => AllContainers.Where(c => c.Kind == ContainerKind.InitContainer);

    public IEnumerable<ContainerView> EphemeralContainers => AllContainers.Where(c => c.Kind == ContainerKind.EphemeralContainer);

    /// <summary>Containers, init containers and ephemeral containers, in that order.</summary>
    public ImmutableArray<ContainerView> AllContainers
    {
        get
        {
            if (_all.IsDefault && !_explicitContainers.IsDefault)
                _all = [.. _explicitContainers.Select(c => new ContainerView(this, c.Node, c.Kind, c.Index))];
            if (_all.IsDefault)
            {
                var b = ImmutableArray.CreateBuilder<ContainerView>();
                Add(b, "containers", ContainerKind.Container);
                Add(b, "initContainers", ContainerKind.InitContainer);
                Add(b, "ephemeralContainers", ContainerKind.EphemeralContainer);
                _all = b.ToImmutable();
            }

            return _all;
        }
    }

    /// <summary>True when the spec says the pod runs on Windows (<c>spec.os.name: windows</c>).</summary>
    public bool IsWindows => Spec.Find("os", "name") is YamlScalar { Text: "windows" };

    private void Add(ImmutableArray<ContainerView>.Builder b, string key, ContainerKind kind)
    {
        if (Spec.GetSequence(key) is not { } seq)
            return;
        var i = 0;
        foreach (var item in seq.Items)
        {
            if (item is YamlMapping m)
                b.Add(new ContainerView(this, m, kind, i));
            i++;
        }
    }

    private static ImmutableSortedDictionary<string, string> ReadLabels(YamlMapping? metadata)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (metadata?.GetMapping("labels") is { } labels)
        {
            foreach (var e in labels.Entries)
            {
                if (e.Value is YamlScalar s)
                    b[e.Key.Text] = s.StringValue;
            }
        }

        return b.ToImmutable();
    }
}

using System.Collections.Immutable;
using ManifestLint.Core.Model;
using ManifestLint.Core.Selectors;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Network;

/// <summary>
/// A Kubernetes NetworkPolicy (networking.k8s.io) read with the API's defaults: an absent podSelector selects
/// every pod of the namespace; without <c>policyTypes</c> the policy is for Ingress always and for Egress when it
/// has egress rules.
/// </summary>
public sealed class NetworkPolicyView
{
    private NetworkPolicyView(Resource resource, YamlMapping spec)
    {
        Resource = resource;
        Spec = spec;
        PodSelector = LabelSelector.Read(spec["podSelector"]) ?? new LabelSelector(
            ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), [], (YamlNode?)resource.Root.GetKey("spec") ?? resource.AnchorNode);
        Ingress = spec.GetSequence("ingress") is { } ing ? [.. ing.Items.Select(i => new NetworkPolicyRuleView(i, PolicyDirection.Ingress))] : [];
        Egress = spec.GetSequence("egress") is { } eg ? [.. eg.Items.Select(i => new NetworkPolicyRuleView(i, PolicyDirection.Egress))] : [];
        if (spec.GetSequence("policyTypes") is { } types)
        {
            PolicyTypesNode = types;
            var names = types.Scalars().Select(s => s.Text).ToList();
            AppliesToIngress = names.Contains("Ingress");
            AppliesToEgress = names.Contains("Egress");
        }
        else
        {
            AppliesToIngress = true;
            AppliesToEgress = !Egress.IsEmpty;
        }
    }

    public Resource Resource { get; }

    public YamlMapping Spec { get; }

    public string Namespace => Resource.Namespace ?? string.Empty;

    /// <summary>The pods the policy applies to (never null: an absent selector is <c>{}</c>).</summary>
    public LabelSelector PodSelector { get; }

    /// <summary>The <c>podSelector:</c> key, else the selector node (findings about selection point here).</summary>
    public YamlNode PodSelectorAnchor => (YamlNode?)Spec.GetKey("podSelector") ?? PodSelector.Node;

    public YamlSequence? PolicyTypesNode { get; }

    public bool AppliesToIngress { get; }

    public bool AppliesToEgress { get; }

    public ImmutableArray<NetworkPolicyRuleView> Ingress { get; }

    public ImmutableArray<NetworkPolicyRuleView> Egress { get; }

    /// <summary>True when the policy applies to <paramref name="direction"/>.</summary>
    public bool AppliesTo(PolicyDirection direction) => direction == PolicyDirection.Ingress ? AppliesToIngress : AppliesToEgress;

    public ImmutableArray<NetworkPolicyRuleView> Rules(PolicyDirection direction) => direction == PolicyDirection.Ingress ? Ingress : Egress;

    /// <summary>
    /// The node a finding about the policy's <paramref name="direction"/> points at: the <c>ingress:</c>/<c>egress:</c>
    /// key, else the matching <c>policyTypes</c> item, else the podSelector.
    /// </summary>
    public YamlNode Anchor(PolicyDirection direction)
    {
        var key = direction == PolicyDirection.Ingress ? "ingress" : "egress";
        if (Spec.GetKey(key) is { } k)
            return k;
        if (PolicyTypesNode?.Scalars().FirstOrDefault(s => s.Text == direction.ToString()) is { } item)
            return item;
        return PodSelectorAnchor;
    }

    /// <summary>True for Kubernetes' own NetworkPolicy kind (not Calico's or another CRD of the same name).</summary>
    public static bool IsNetworkPolicy(Resource resource) =>
        resource.Kind == "NetworkPolicy" && resource.Group is "networking.k8s.io" or "extensions";

    public static NetworkPolicyView? Read(Resource resource) =>
        IsNetworkPolicy(resource) && resource.Namespace is not null
            ? new NetworkPolicyView(resource, resource.Root.GetMapping("spec") ?? EmptySpec(resource))
            : null;

    private static YamlMapping EmptySpec(Resource resource) => new(resource.Root.Span, []);
}

namespace ManifestLint.Rules.ControlPlane;

/// <summary>
/// One requirement on one setting. A setting is a flag (static pods, kubeadm <c>extraArgs</c>) and,
/// for the kubelet, also a KubeletConfiguration field.
/// </summary>
/// <param name="Flag">Flag name without dashes.</param>
/// <param name="Expect">The requirement.</param>
/// <param name="Value">The expected value or list item (for MustBeSet/MustNotBeSet, null).</param>
/// <param name="Problem">What is wrong when the requirement fails, as a clause ("anonymous requests are served").</param>
/// <param name="UpstreamDefault">The component's own default when the flag is absent (static pods).</param>
/// <param name="KubeadmDefault">What kubeadm writes when its configuration leaves the flag out (null: same as upstream).</param>
/// <param name="KubeletField">The KubeletConfiguration field (dotted path) that holds the same setting.</param>
/// <param name="KubeletFieldDefault">The v1beta1 default of that field.</param>
/// <param name="OnlyWhenSet">Judge only when this other flag is set (e.g. audit retention only once audit logging is on).</param>
public sealed record SettingCondition(
    string Flag,
    Expectation Expect,
    string? Value,
    string Problem,
    string? UpstreamDefault = null,
    string? KubeadmDefault = null,
    string? KubeletField = null,
    string? KubeletFieldDefault = null,
    string? OnlyWhenSet = null);

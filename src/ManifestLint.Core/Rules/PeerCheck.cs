namespace ManifestLint.Core.Rules;

/// <summary>A check of another linter that a rule covers, for migration tables and for honouring that tool's inline suppressions.</summary>
/// <param name="Tool">One of <see cref="KubeScore"/>, <see cref="Polaris"/>, <see cref="KubeLinter"/>, <see cref="Checkov"/>.</param>
/// <param name="Id">The tool's own check id (<c>pod-probes</c>, <c>hostPIDSet</c>, <c>host-pid</c>, <c>CKV_K8S_17</c>).</param>
public sealed record PeerCheck(string Tool, string Id)
{
    public const string KubeScore = "kube-score";
    public const string Polaris = "polaris";
    public const string KubeLinter = "kube-linter";
    public const string Checkov = "checkov";

    public static PeerCheck Score(string id) => new(KubeScore, id);

    public static PeerCheck Fairwinds(string id) => new(Polaris, id);

    public static PeerCheck Linter(string id) => new(KubeLinter, id);

    public static PeerCheck Ckv(string id) => new(Checkov, id);
}

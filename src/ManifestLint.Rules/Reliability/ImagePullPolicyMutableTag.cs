using System.Text.RegularExpressions;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Images;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Reliability;

public sealed partial class ImagePullPolicyMutableTag : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "image-pull-policy-mutable-tag",
        Summary: "A mutable image tag should be pulled with imagePullPolicy: Always",
        Category: Category.Images,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.2.0",
        Rationale: """
            With `imagePullPolicy: IfNotPresent` (or `Never`) a node runs whatever image it pulled under that tag
            before. For a tag that is moved on purpose (`latest`, `stable`, `main`, `1`, `1.27`) different nodes then
            run different code, and a rollout does not pick up the new image. Either pull it every time or, better,
            use an immutable reference.

            A tag counts as mutable when it is absent, `latest`, or has no full `major.minor.patch` version in it; an
            image pinned by digest is never mutable. Only an explicit `IfNotPresent` or `Never` is reported (for
            `latest` and untagged images Kubernetes already defaults to `Always`), at the `imagePullPolicy` value.
            """,
        Remediation: "Pin the image to a full version or a digest, or set imagePullPolicy: Always.",
        References: [ReliabilityReferences.Images],
        PeerChecks:
        [
            PeerCheck.Score("container-image-pull-policy"),
            PeerCheck.Fairwinds("pullPolicyNotAlways"),
            PeerCheck.Ckv("CKV_K8S_15"),
        ]);

    [GeneratedRegex(@"\d+\.\d+\.\d+")]
    private static partial Regex FullVersion();

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (container.Node.GetScalar("imagePullPolicy") is not { Text: "IfNotPresent" or "Never" } policy
            || container.Image is not { IsNull: false, Text.Length: > 0 } image)
            yield break;
        var reference = ImageReference.Parse(image.Text.Trim());
        if (reference.HasDigest || (reference.Tag is { } tag && tag != "latest" && FullVersion().IsMatch(tag)))
            yield break;
        yield return Report(context, container, policy, $"{container.Describe()} pulls image '{image.Text}', whose tag can move, with imagePullPolicy {policy.Text}");
    }
}

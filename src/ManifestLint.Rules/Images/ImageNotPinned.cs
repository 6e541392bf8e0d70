using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Images;

public sealed class ImageNotPinned : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "image-not-pinned",
        Summary: "Container images should be pinned by digest",
        Category: Category.Images,
        Severity: Severity.Note,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A tag is a pointer that the registry owner (or anyone who compromises the registry) can move:
            `app:1.4.2` can be re-pushed with different content, and the cluster will run it at the next pull.
            A digest (`app@sha256:...`) names the content itself, so what was reviewed, scanned and signed is
            exactly what runs, on every node and after every rollback.

            This is a supply-chain hardening step rather than a defect, so the rule reports at note level.
            Tools such as Renovate or Dependabot keep digests current, and a reference may carry both a tag
            for readers and a digest for the runtime (`app:1.4.2@sha256:...`). Every container, init container
            and ephemeral container is checked.
            """,
        Remediation: "Append the image digest (`image: registry/app:1.4.2@sha256:<digest>`) and let a dependency bot update it.",
        References:
        [
            new("Kubernetes: Images, image names and digests", "https://kubernetes.io/docs/concepts/containers/images/#image-names"),
            new("NSA/CISA Kubernetes Hardening Guide (v1.2)", "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF"),
            new("SLSA: pin dependencies by digest", "https://slsa.dev/spec/v1.0/threats"),
        ],
        SecuritySeverity: 2.0,
        PeerChecks:
        [
            PeerCheck.Ckv("CKV_K8S_43"),
        ]);

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (container.Image is not { IsNull: false, Text.Length: > 0 } image)
            yield break;
        if (!ImageReference.Parse(image.Text.Trim()).HasDigest)
            yield return Report(context, container, image, $"{container.Describe()} uses image '{image.Text}', which is not pinned by digest");
    }
}

using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.Workloads;

namespace ManifestLint.Rules.Images;

public sealed class LatestImageTag : ContainerRule
{
    public override RuleInfo Info { get; } = new(
        Id: "latest-image-tag",
        Summary: "Container images must name a version tag other than latest",
        Category: Category.Images,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            An image without a tag resolves to `:latest`, and `:latest` is a moving label: the same manifest
            can start different code on two nodes, a rollback re-pulls whatever `latest` points at today, and
            nobody can tell from the manifest which version is running. It also defeats image scanning
            and admission policies that approve a specific version, and with the default
            `imagePullPolicy: Always` for `:latest` every restart depends on the registry being reachable.

            The rule checks every container, init container and ephemeral container. A reference pinned by
            digest (`image@sha256:...`) is immutable and is not flagged, whatever its tag. A colon that
            belongs to a registry port (`registry.local:5000/app`) is not a tag.
            """,
        Remediation: "Set an explicit, immutable version tag (for example `nginx:1.27.3`), or pin the image by digest.",
        References:
        [
            new("Kubernetes: Images, image names and tags", "https://kubernetes.io/docs/concepts/containers/images/#image-names"),
            new("Kubernetes: Configuration best practices, container images", "https://kubernetes.io/docs/concepts/configuration/overview/#container-images"),
            new("NSA/CISA Kubernetes Hardening Guide (v1.2), Pod security: use trusted, immutable images", "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF"),
        ],
        SecuritySeverity: 4.0,
        PeerChecks:
        [
            PeerCheck.Score("container-image-tag"),
            PeerCheck.Fairwinds("tagNotSpecified"),
            PeerCheck.Linter("latest-tag"),
            PeerCheck.Ckv("CKV_K8S_14"),
        ]);

    protected override IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container)
    {
        if (container.Image is not { IsNull: false, Text.Length: > 0 } image)
            yield break;
        var reference = ImageReference.Parse(image.Text.Trim());
        if (reference.HasDigest)
            yield break;
        if (reference.Tag is null)
            yield return Report(context, container, image, $"{container.Describe()} uses image '{image.Text}' without a tag, which means :latest");
        else if (string.Equals(reference.Tag, "latest", StringComparison.Ordinal))
            yield return Report(context, container, image, $"{container.Describe()} uses image '{image.Text}' with the :latest tag");
    }
}

using ManifestLint.Core.Model;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.PodSecurity;

/// <summary>
/// The Pod Security Admission labels of a Namespace object: <c>pod-security.kubernetes.io/{enforce,warn,audit}</c>
/// and their <c>-version</c> labels, read with Pod Security Admission's rules for missing and invalid values.
/// </summary>
public sealed class NamespacePodSecurity
{
    public const string LabelPrefix = "pod-security.kubernetes.io/";

    private NamespacePodSecurity(Resource @namespace, PodSecurityModePolicy? enforce, PodSecurityModePolicy? warn, PodSecurityModePolicy? audit)
    {
        Namespace = @namespace;
        Enforce = enforce;
        Warn = warn;
        Audit = audit;
    }

    /// <summary>The Namespace object.</summary>
    public Resource Namespace { get; }

    /// <summary>The enforce policy, or null when the namespace has no enforce label (pods are admitted as privileged).</summary>
    public PodSecurityModePolicy? Enforce { get; }

    /// <summary>The warn policy, or null when the namespace has no warn label.</summary>
    public PodSecurityModePolicy? Warn { get; }

    /// <summary>The audit policy, or null when the namespace has no audit label.</summary>
    public PodSecurityModePolicy? Audit { get; }

    /// <summary>The policies that are set, enforce first.</summary>
    public IEnumerable<PodSecurityModePolicy> Policies
    {
        get
        {
            if (Enforce is not null)
                yield return Enforce;
            if (Warn is not null)
                yield return Warn;
            if (Audit is not null)
                yield return Audit;
        }
    }

    public static NamespacePodSecurity Read(Resource @namespace)
    {
        var labels = @namespace.Metadata?.GetMapping("labels");
        return new NamespacePodSecurity(
            @namespace,
            ReadMode(labels, PodSecurityMode.Enforce, "enforce"),
            ReadMode(labels, PodSecurityMode.Warn, "warn"),
            ReadMode(labels, PodSecurityMode.Audit, "audit"));
    }

    /// <summary>The label key of a mode (<c>pod-security.kubernetes.io/enforce</c>).</summary>
    public static string LabelKey(PodSecurityMode mode) => LabelPrefix + ModeName(mode);

    private static string ModeName(PodSecurityMode mode) => mode switch
    {
        PodSecurityMode.Warn => "warn",
        PodSecurityMode.Audit => "audit",
        _ => "enforce",
    };

    private static PodSecurityModePolicy? ReadMode(YamlMapping? labels, PodSecurityMode mode, string name)
    {
        if (labels?.GetScalar(LabelPrefix + name) is not { } levelNode)
            return null;
        var versionNode = labels.GetScalar(LabelPrefix + name + "-version");
        string? problem = null;
        if (!PodSecurityLevels.TryParse(levelNode.StringValue, out var level))
        {
            // Pod Security Admission fails closed for enforce and open for warn and audit.
            level = mode == PodSecurityMode.Enforce ? PodSecurityLevel.Restricted : PodSecurityLevel.Privileged;
            problem = $"'{levelNode.StringValue}' is not a level (privileged, baseline or restricted)";
        }

        var version = PolicyVersion.Latest;
        if (versionNode is not null && !PolicyVersion.TryParse(versionNode.StringValue, out version))
        {
            version = PolicyVersion.Latest;
            problem ??= $"'{versionNode.StringValue}' is not a policy version (latest or v1.NN)";
        }

        return new PodSecurityModePolicy(mode, level, version, levelNode, versionNode, problem);
    }
}

using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Pods;

/// <summary>Message fragments shared by the pod-security rules.</summary>
internal static class PodSecurityText
{
    /// <summary><c>container 'app'</c> or <c>containers 'app', 'sidecar'</c>, for findings on a pod-level field several containers inherit.</summary>
    public static string Containers(IReadOnlyCollection<ContainerView> containers) =>
        (containers.Count == 1 ? "container " : "containers ") + string.Join(", ", containers.Select(c => $"'{c.Name}'"));

    /// <summary>
    /// A scalar as a message shows it. A quoted <c>"true"</c> is a string, which the API server rejects
    /// for a boolean field, so the message says so instead of reading it as the boolean.
    /// </summary>
    public static string Value(YamlScalar scalar) => scalar switch
    {
        { IsNull: true } => "null",
        { Kind: ScalarKind.String, Quoted: true } => $"\"{scalar.Text}\" (a string, not a boolean)",
        _ => scalar.Text,
    };
}

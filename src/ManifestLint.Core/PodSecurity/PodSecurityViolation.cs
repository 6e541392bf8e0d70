using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.PodSecurity;

/// <summary>
/// One failed Pod Security Standards control.
/// </summary>
/// <param name="Control">The control's name as the Kubernetes documentation writes it (<c>Privileged Containers</c>).</param>
/// <param name="Level">The profile that defines the control (Baseline or Restricted).</param>
/// <param name="Node">The offending field, or the nearest existing parent when a required field is missing.</param>
/// <param name="Message">What the pod does, naming the container and workload (<c>Container 'app' in Deployment 'web' sets privileged: true</c>).</param>
public sealed record PodSecurityViolation(string Control, PodSecurityLevel Level, YamlNode Node, string Message);

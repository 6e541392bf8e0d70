using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.Views;

/// <summary>
/// A pod's reference to another object of its namespace: a ConfigMap, Secret or PersistentVolumeClaim.
/// </summary>
/// <param name="Kind"><c>ConfigMap</c>, <c>Secret</c> or <c>PersistentVolumeClaim</c>.</param>
/// <param name="Name">The referenced object's name.</param>
/// <param name="Node">The scalar that names it.</param>
/// <param name="Optional">True for <c>optional: true</c> references, which the pod tolerates being absent.</param>
/// <param name="Via">Where the reference sits, for messages: <c>volume 'config'</c>, <c>env of container 'app'</c>, <c>imagePullSecrets</c>.</param>
public sealed record PodObjectReference(string Kind, string Name, YamlScalar Node, bool Optional, string Via);

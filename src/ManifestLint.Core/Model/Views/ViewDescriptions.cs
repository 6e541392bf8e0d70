namespace ManifestLint.Core.Model.Views;

/// <summary>How messages name a workload and a container, so every rule words them the same way.</summary>
public static class ViewDescriptions
{
    /// <summary><c>Deployment 'web'</c>.</summary>
    public static string Describe(this PodTemplateView pod) =>
        pod.TemplateName is null ? $"{pod.Owner.Kind} '{pod.Owner.Name}'" : $"{pod.Owner.Kind} '{pod.Owner.Name}' template '{pod.TemplateName}'";

    /// <summary><c>Container 'app' in Deployment 'web'</c> (or <c>Init container</c>, <c>Ephemeral container</c>).</summary>
    public static string Describe(this ContainerView container)
    {
        var kind = container.Kind switch
        {
            ContainerKind.InitContainer => "Init container",
            ContainerKind.EphemeralContainer => "Ephemeral container",
            _ => "Container",
        };
        return $"{kind} '{container.Name}' in {container.Pod.Describe()}";
    }
}

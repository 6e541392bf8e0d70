using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.Views;

/// <summary>
/// Reads the ConfigMaps, Secrets and PersistentVolumeClaims a pod template names: volumes (including projected
/// sources), env <c>valueFrom</c>, <c>envFrom</c> and <c>imagePullSecrets</c>.
/// </summary>
public static class PodObjectReferences
{
    public static IEnumerable<PodObjectReference> Of(PodTemplateView pod)
    {
        if (pod.Volumes is { } volumes)
        {
            foreach (var volume in volumes.Mappings())
            {
                var via = $"volume '{volume.GetString("name")}'";
                if (Named(volume.GetMapping("configMap"), "name", "ConfigMap", via) is { } cm)
                    yield return cm;
                if (Named(volume.GetMapping("secret"), "secretName", "Secret", via) is { } secret)
                    yield return secret;
                if (Named(volume.GetMapping("persistentVolumeClaim"), "claimName", "PersistentVolumeClaim", via) is { } pvc)
                    yield return pvc;
                if (volume.Find("projected", "sources") is YamlSequence sources)
                {
                    foreach (var source in sources.Mappings())
                    {
                        if (Named(source.GetMapping("configMap"), "name", "ConfigMap", via) is { } pcm)
                            yield return pcm;
                        if (Named(source.GetMapping("secret"), "name", "Secret", via) is { } ps)
                            yield return ps;
                    }
                }
            }
        }

        foreach (var container in pod.AllContainers)
        {
            var via = container.Describe();
            if (container.Env is { } env)
            {
                foreach (var e in env.Mappings())
                {
                    if (e.GetMapping("valueFrom") is not { } from)
                        continue;
                    if (Named(from.GetMapping("configMapKeyRef"), "name", "ConfigMap", via) is { } cm)
                        yield return cm;
                    if (Named(from.GetMapping("secretKeyRef"), "name", "Secret", via) is { } s)
                        yield return s;
                }
            }

            if (container.EnvFrom is { } envFrom)
            {
                foreach (var e in envFrom.Mappings())
                {
                    if (Named(e.GetMapping("configMapRef"), "name", "ConfigMap", via) is { } cm)
                        yield return cm;
                    if (Named(e.GetMapping("secretRef"), "name", "Secret", via) is { } s)
                        yield return s;
                }
            }
        }

        if (pod.Spec.GetSequence("imagePullSecrets") is { } pullSecrets)
        {
            foreach (var item in pullSecrets.Mappings())
            {
                if (Named(item, "name", "Secret", "imagePullSecrets") is { } s)
                    yield return s;
            }
        }
    }

    private static PodObjectReference? Named(YamlMapping? map, string key, string kind, string via) =>
        map?.GetScalar(key) is { IsNull: false, Text.Length: > 0 } name
            ? new PodObjectReference(kind, name.Text, name, map.GetScalar("optional") is { IsTrue: true }, via)
            : null;
}

namespace ManifestLint.Core.Model.ControlPlane;

/// <summary>Where a component's settings were read from, which decides the defaults for settings left out.</summary>
public enum ConfigSource
{
    /// <summary>A static pod manifest: unset flags take the component's upstream defaults.</summary>
    StaticPod,

    /// <summary>A kubeadm configuration: unset flags take the values kubeadm writes into the static pods.</summary>
    Kubeadm,

    /// <summary>A KubeletConfiguration file: unset fields take the v1beta1 file defaults.</summary>
    KubeletConfigFile,
}

namespace ManifestLint.Core.Model.ControlPlane;

/// <summary>The Kubernetes components whose configuration can be judged from files.</summary>
public enum ComponentKind
{
    ApiServer,
    ControllerManager,
    Scheduler,
    Etcd,
    Kubelet,
}

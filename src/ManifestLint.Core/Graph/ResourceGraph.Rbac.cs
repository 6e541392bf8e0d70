using ManifestLint.Core.Rbac;

namespace ManifestLint.Core.Graph;

public sealed partial class ResourceGraph
{
    private readonly object _rbacLock = new();
    private RbacIndex? _rbac;
    private bool _rbacBuilt;

    /// <summary>
    /// The RBAC graph (roles with aggregation resolved, Kubernetes' default ClusterRoles, bindings by role and
    /// by subject), built on first use and shared by every rule and thread.
    /// </summary>
    public RbacIndex Rbac
    {
        get
        {
            object? syncLock = _rbacLock;
            return LazyInitializer.EnsureInitialized(ref _rbac, ref _rbacBuilt, ref syncLock, () => RbacIndex.Build(this))!;
        }
    }
}

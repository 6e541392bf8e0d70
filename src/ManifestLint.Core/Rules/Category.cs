namespace ManifestLint.Core.Rules;

public enum Category
{
    PodSecurity,
    Images,
    Resources,
    Secrets,
    ServiceAccounts,
    Rbac,
    Network,
    Namespaces,
    References,
    ControlPlane,
    Schema,
    Input,
}

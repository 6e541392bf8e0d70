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

    /// <summary>Findings of the organisation's own ValidatingAdmissionPolicies (severity from the binding).</summary>
    Admission,
}

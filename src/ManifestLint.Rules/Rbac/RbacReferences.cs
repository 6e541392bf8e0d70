using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Rbac;

/// <summary>References the RBAC rules share.</summary>
internal static class RbacReferences
{
    public static RuleReference Rbac { get; } = new("Kubernetes: Using RBAC Authorization", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/");

    public static RuleReference GoodPractices { get; } = new("Kubernetes: Role Based Access Control Good Practices", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/");

    public static RuleReference PrivilegeEscalation { get; } = new("Kubernetes: RBAC good practices, privilege escalation risks", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks");

    public static RuleReference DefaultRoles { get; } = new("Kubernetes: Default roles and role bindings", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings");

    public static RuleReference Cis { get; } = new("CIS Kubernetes Benchmark, section 5.1: RBAC and Service Accounts", "https://www.cisecurity.org/benchmark/kubernetes");
}

using ManifestLint.Admission.Cel;
using ManifestLint.Core.Rbac;

namespace ManifestLint.Admission;

/// <summary>Answers <c>authorizer</c> checks from the RBAC objects of the input and Kubernetes' default roles.</summary>
internal sealed class RbacAuthorizer(RbacIndex index) : ICelAuthorizer
{
    public CelAuthorizerDecision Check(string? user, string verb, string group, string resource, string subresource, string @namespace, string name, string? path)
    {
        if (user is null)
            return new CelAuthorizerDecision(false, "the requesting user is not known offline");
        RbacSubject subject;
        if (user.StartsWith(RbacSubject.ServiceAccountUserPrefix, StringComparison.Ordinal) && user[RbacSubject.ServiceAccountUserPrefix.Length..].Split(':') is [var ns, var sa])
            subject = RbacSubject.ServiceAccount(ns, sa);
        else
            subject = RbacSubject.User(user);
        var grants = path is not null
            ? index.CanNonResource(subject, verb, path)
            : index.Can(subject, verb, group, resource, subresource, @namespace.Length == 0 ? null : @namespace, name.Length == 0 ? null : name);
        return grants.IsDefaultOrEmpty
            ? new CelAuthorizerDecision(false, string.Empty)
            : new CelAuthorizerDecision(true, "RBAC: allowed");
    }
}

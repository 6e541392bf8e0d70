namespace ManifestLint.Admission.Cel;

/// <summary>Answers Kubernetes' <c>authorizer</c> library checks (offline: from the RBAC objects of the input).</summary>
public interface ICelAuthorizer
{
    /// <summary>Whether <paramref name="user"/> (a service account <c>system:serviceaccount:ns:name</c>, or null for the requesting user) may do <paramref name="verb"/>.</summary>
    CelAuthorizerDecision Check(string? user, string verb, string group, string resource, string subresource, string @namespace, string name, string? path);
}

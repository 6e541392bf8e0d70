using System.Collections.Immutable;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// Who a request is made as: a ServiceAccount (user <c>system:serviceaccount:&lt;ns&gt;:&lt;name&gt;</c>), a User,
/// or a Group. <see cref="Groups"/> are the groups the API server's authenticators add, which RBAC matches
/// against Group subjects.
/// </summary>
public sealed record RbacSubject(string Kind, string Name, string? Namespace = null)
{
    public const string ServiceAccountKind = "ServiceAccount";
    public const string UserKind = "User";
    public const string GroupKind = "Group";
    public const string ServiceAccountUserPrefix = "system:serviceaccount:";

    public static RbacSubject ServiceAccount(string @namespace, string name) => new(ServiceAccountKind, name, @namespace);

    public static RbacSubject User(string name) => new(UserKind, name);

    public static RbacSubject Group(string name) => new(GroupKind, name);

    /// <summary>
    /// Reads a user name as <c>kubectl --as</c> takes it: <c>system:serviceaccount:&lt;ns&gt;:&lt;name&gt;</c> is a
    /// ServiceAccount, anything else a User.
    /// </summary>
    public static RbacSubject FromUserName(string userName)
    {
        if (userName.StartsWith(ServiceAccountUserPrefix, StringComparison.Ordinal))
        {
            var rest = userName[ServiceAccountUserPrefix.Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < rest.Length - 1 && rest.IndexOf(':', colon + 1) < 0)
                return ServiceAccount(rest[..colon], rest[(colon + 1)..]);
        }

        return User(userName);
    }

    public bool IsServiceAccount => Kind == ServiceAccountKind;

    /// <summary>The user name the API server authenticates this subject as (a Group has none: its name).</summary>
    public string UserName => IsServiceAccount ? $"{ServiceAccountUserPrefix}{Namespace}:{Name}" : Name;

    /// <summary>Groups the subject belongs to by authentication (not by any binding).</summary>
    public ImmutableArray<string> Groups => Kind switch
    {
        ServiceAccountKind => ["system:serviceaccounts", $"system:serviceaccounts:{Namespace}", "system:authenticated"],
        UserKind when Name == "system:anonymous" => ["system:unauthenticated"],
        UserKind => ["system:authenticated"],
        _ => [],
    };

    /// <summary>The keys of the binding index this subject's requests are matched against: itself, its user name, its groups.</summary>
    internal IEnumerable<string> MatchKeys
    {
        get
        {
            yield return IndexKey;
            if (IsServiceAccount)
                yield return UserKey(UserName);
            foreach (var g in Groups)
                yield return GroupKey(g);
        }
    }

    internal string IndexKey => Kind switch
    {
        ServiceAccountKind => $"ServiceAccount:{Namespace}:{Name}",
        UserKind => UserKey(Name),
        _ => GroupKey(Name),
    };

    /// <summary><c>ServiceAccount 'ns/name'</c>, <c>User 'alice'</c>, <c>Group 'system:authenticated'</c>.</summary>
    public override string ToString() => IsServiceAccount ? $"ServiceAccount '{Namespace}/{Name}'" : $"{Kind} '{Name}'";

    private static string UserKey(string name) => $"User:{name}";

    private static string GroupKey(string name) => $"Group:{name}";
}

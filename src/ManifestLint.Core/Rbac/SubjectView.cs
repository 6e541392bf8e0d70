using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// One entry of a binding's <c>subjects</c>. A ServiceAccount without a namespace takes the RoleBinding's
/// namespace (<see cref="NamespaceDefaulted"/>); in a ClusterRoleBinding it has none and matches nobody
/// (<see cref="Subject"/> is null, as for unknown kinds).
/// </summary>
/// <param name="Subject">Who it names; null when the entry cannot match anyone.</param>
/// <param name="Kind">The <c>kind</c> as written.</param>
/// <param name="Name">The <c>name</c> as written.</param>
/// <param name="Node">The list item; null for built-in bindings.</param>
public sealed record SubjectView(RbacSubject? Subject, string Kind, string Name, YamlMapping? Node, bool NamespaceDefaulted)
{
    /// <summary>The <c>name</c> scalar, else the item: where findings about this subject point.</summary>
    public YamlNode? Anchor => (YamlNode?)Node?.GetScalar("name") ?? Node;

    public static SubjectView Read(YamlMapping item, string? bindingNamespace)
    {
        var kind = item.GetString("kind") ?? string.Empty;
        var name = item.GetString("name") ?? string.Empty;
        var ns = item.GetString("namespace");
        RbacSubject? subject = null;
        var defaulted = false;
        if (name.Length > 0)
        {
            switch (kind)
            {
                case RbacSubject.ServiceAccountKind:
                    if (string.IsNullOrEmpty(ns) && bindingNamespace is not null)
                    {
                        ns = bindingNamespace;
                        defaulted = true;
                    }

                    subject = string.IsNullOrEmpty(ns) ? null : RbacSubject.ServiceAccount(ns, name);
                    break;
                case RbacSubject.UserKind:
                    subject = RbacSubject.User(name);
                    break;
                case RbacSubject.GroupKind:
                    subject = RbacSubject.Group(name);
                    break;
            }
        }

        return new SubjectView(subject, kind, name, item, defaulted);
    }
}

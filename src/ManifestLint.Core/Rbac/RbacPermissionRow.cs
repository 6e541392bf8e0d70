using System.Collections.Immutable;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// One line of <c>kubectl auth can-i --list</c>: a resource (<c>resource.group</c>, the core group without a
/// suffix) or a non-resource URL, the resource names it is limited to, the verbs, and the grants behind it.
/// </summary>
public sealed record RbacPermissionRow(
    string Resource,
    string NonResourceUrl,
    ImmutableArray<string> ResourceNames,
    ImmutableArray<string> Verbs,
    ImmutableArray<RbacGrant> Grants);

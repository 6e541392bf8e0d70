namespace ManifestLint.Core.Rbac;

/// <summary>An answer of <see cref="RbacIndex.Who"/>: a subject of a binding, and the grant that lets it act.</summary>
public sealed record RbacAccess(SubjectView Subject, RbacGrant Grant);

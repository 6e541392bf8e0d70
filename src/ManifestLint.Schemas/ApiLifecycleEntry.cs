namespace ManifestLint.Schemas;

/// <summary>
/// One row of the API lifecycle table. Minors are of Kubernetes 1.x; <see cref="Removed"/> is the first minor that no
/// longer serves the API; null means not known or not (yet) happened.
/// </summary>
public sealed record ApiLifecycleEntry(string Group, string Version, string Kind, int? Introduced, int? Deprecated, int? Removed, string? Replacement, string Source)
{
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;
}

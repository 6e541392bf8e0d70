namespace ManifestLint.Admission.Matching;

/// <summary>Maps an object's group, version and kind to its API resource (plural) and scope, as admission sees it.</summary>
public interface IApiResourceCatalog
{
    ApiResourceInfo? Find(string group, string version, string kind);
}

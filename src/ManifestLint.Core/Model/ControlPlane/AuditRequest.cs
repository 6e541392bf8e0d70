using System.Collections.Immutable;

namespace ManifestLint.Core.Model.ControlPlane;

/// <summary>A request as the audit policy sees it, used to ask "would this be logged, and how?".</summary>
public sealed record AuditRequest(
    string User,
    ImmutableArray<string> Groups,
    string Verb,
    string ApiGroup,
    string Resource,
    string Subresource = "",
    string Namespace = "default",
    string Name = "",
    string? NonResourceUrl = null)
{
    public string Describe()
    {
        if (NonResourceUrl is not null)
            return $"{Verb} {NonResourceUrl}";
        var res = Subresource.Length > 0 ? $"{Resource}/{Subresource}" : Resource;
        var who = User == "system:anonymous" ? " by anonymous users" : string.Empty;
        return $"{Verb} {res}{who}";
    }

    /// <summary>An ordinary authenticated user.</summary>
    public static AuditRequest ByUser(string verb, string apiGroup, string resource, string subresource = "") =>
        new("jane@example.com", ["system:authenticated"], verb, apiGroup, resource, subresource);
}

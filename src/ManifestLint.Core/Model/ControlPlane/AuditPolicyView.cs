using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Model.ControlPlane;

/// <summary>
/// An audit <c>Policy</c> (audit.k8s.io/v1) evaluated with the API server's semantics: rules are tried in
/// order and the first match decides the level; a request no rule matches is not logged.
/// </summary>
public sealed class AuditPolicyView
{
    private static readonly string[] AllStages = ["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"];

    public AuditPolicyView(Resource resource)
    {
        Resource = resource;
        RulesNode = resource.Root.GetSequence("rules");
        RulesKey = (YamlNode?)resource.Root.GetKey("rules") ?? (YamlNode?)resource.Root.GetScalar("kind") ?? resource.Root;
        PolicyOmitStages = Strings(resource.Root.GetSequence("omitStages"));
    }

    public Resource Resource { get; }

    public YamlSequence? RulesNode { get; }

    /// <summary>Where findings about the policy as a whole point.</summary>
    public YamlNode RulesKey { get; }

    public ImmutableArray<string> PolicyOmitStages { get; }

    public static bool IsAuditPolicy(Resource r) => r.Kind == "Policy" && r.Group == "audit.k8s.io";

    /// <summary>The first rule that matches, with its index, or null when none does (the request is not logged).</summary>
    public (int Index, YamlMapping Rule)? Match(AuditRequest request)
    {
        if (RulesNode is null)
            return null;
        var i = 0;
        foreach (var item in RulesNode.Items)
        {
            if (item is YamlMapping rule && Matches(rule, request))
                return (i, rule);
            i++;
        }

        return null;
    }

    /// <summary>The level a request is logged at: None when no rule matches or every stage is omitted.</summary>
    public string LevelOf(AuditRequest request, out YamlMapping? matched)
    {
        matched = null;
        if (Match(request) is not { } m)
            return "None";
        matched = m.Rule;
        var level = m.Rule.GetString("level") ?? "None";
        var omitted = PolicyOmitStages.Concat(Strings(m.Rule.GetSequence("omitStages"))).ToHashSet(StringComparer.Ordinal);
        return AllStages.All(omitted.Contains) ? "None" : level;
    }

    private static bool Matches(YamlMapping rule, AuditRequest req)
    {
        var users = Strings(rule.GetSequence("users"));
        if (users.Length > 0 && !users.Contains(req.User))
            return false;
        var groups = Strings(rule.GetSequence("userGroups"));
        if (groups.Length > 0 && !groups.Any(req.Groups.Contains))
            return false;
        var verbs = Strings(rule.GetSequence("verbs"));
        if (verbs.Length > 0 && !verbs.Contains(req.Verb))
            return false;
        var resources = rule.GetSequence("resources");
        var namespaces = Strings(rule.GetSequence("namespaces"));
        if ((resources?.Count ?? 0) > 0 || namespaces.Length > 0)
        {
            if (req.NonResourceUrl is not null)
                return false;
            if (namespaces.Length > 0 && !namespaces.Contains(req.Namespace))
                return false;
            return resources is null || resources.Count == 0 || MatchesResource(resources, req);
        }

        var urls = Strings(rule.GetSequence("nonResourceURLs"));
        if (urls.Length > 0)
        {
            if (req.NonResourceUrl is null)
                return false;
            return urls.Any(u => u == req.NonResourceUrl || (u.EndsWith('*') && req.NonResourceUrl.StartsWith(u[..^1], StringComparison.Ordinal)));
        }

        return true;
    }

    private static bool MatchesResource(YamlSequence groupResources, AuditRequest req)
    {
        var combined = req.Subresource.Length > 0 ? req.Resource + "/" + req.Subresource : req.Resource;
        foreach (var gr in groupResources.Mappings())
        {
            if ((gr.GetString("group") ?? string.Empty) != req.ApiGroup)
                continue;
            var names = Strings(gr.GetSequence("resources"));
            if (names.Length == 0)
                return true;
            var resourceNames = Strings(gr.GetSequence("resourceNames"));
            if (resourceNames.Length > 0 && !resourceNames.Contains(req.Name))
                continue;
            foreach (var res in names)
            {
                if (res == combined || res == "*")
                    return true;
                if (req.Subresource.Length > 0 && res.StartsWith("*/", StringComparison.Ordinal) && res[2..] == req.Subresource)
                    return true;
                if (res.EndsWith("/*", StringComparison.Ordinal) && res[..^2] == req.Resource)
                    return true;
            }
        }

        return false;
    }

    private static ImmutableArray<string> Strings(YamlSequence? seq) =>
        seq is null ? [] : [.. seq.Scalars().Select(s => s.StringValue)];
}

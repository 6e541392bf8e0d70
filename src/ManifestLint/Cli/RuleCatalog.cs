using System.Collections.Frozen;
using System.Collections.Immutable;
using ManifestLint.Core.Policy;
using ManifestLint.Core.Rules;
using ManifestLint.Rules;

namespace ManifestLint.Cli;

/// <summary>
/// Every id the CLI accepts: the built-in rules (which can be enabled, disabled and configured) and the
/// reserved ids of input and suppression problems (always on; only their severity can change).
/// </summary>
public sealed class RuleCatalog
{
    public RuleCatalog(ImmutableArray<Rule> rules, ImmutableArray<RuleInfo> reserved)
    {
        Rules = rules;
        Reserved = reserved;
        RulesById = rules.ToFrozenDictionary(r => r.Info.Id, StringComparer.Ordinal);
        ReservedIds = reserved.Select(r => r.Id).ToFrozenSet(StringComparer.Ordinal);
        AllIds = RulesById.Keys.Concat(ReservedIds).ToFrozenSet(StringComparer.Ordinal);
        PeerChecks = rules.Where(r => !r.Info.PeerChecks.IsDefaultOrEmpty).ToFrozenDictionary(r => r.Info.Id, r => r.Info.PeerChecks, StringComparer.Ordinal);
    }

    public static RuleCatalog BuiltIn { get; } = new(
        BuiltInRules.All,
        [.. InputProblems.All.Concat(PolicyProblems.All).Append(AdmissionProblems.AdmissionPolicy).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal)]);

    /// <summary>Built-in rules, sorted by id.</summary>
    public ImmutableArray<Rule> Rules { get; }

    /// <summary>Input and suppression problems, sorted by id.</summary>
    public ImmutableArray<RuleInfo> Reserved { get; }

    public FrozenDictionary<string, Rule> RulesById { get; }

    public FrozenSet<string> ReservedIds { get; }

    public FrozenSet<string> AllIds { get; }

    /// <summary>The peer checks (kube-score, Polaris, kube-linter, Checkov) each rule covers, by rule id.</summary>
    public FrozenDictionary<string, ImmutableArray<PeerCheck>> PeerChecks { get; }

    /// <summary>The metadata of any known id, or null.</summary>
    public RuleInfo? Find(string id) =>
        RulesById.TryGetValue(id, out var rule) ? rule.Info : Reserved.FirstOrDefault(r => r.Id == id);

    /// <summary>"unknown rule 'x'; did you mean ...?" for messages.</summary>
    public string UnknownRuleMessage(string id)
    {
        var suggestions = RuleIdSuggestions.For(id, AllIds.Order(StringComparer.Ordinal));
        return suggestions.Count switch
        {
            0 => $"unknown rule '{id}' (`manifestlint rules` lists the ids)",
            1 => $"unknown rule '{id}'; did you mean '{suggestions[0]}'?",
            _ => $"unknown rule '{id}'; did you mean one of: {string.Join(", ", suggestions)}?",
        };
    }
}

using System.Collections.Immutable;
using System.Text;
using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;

namespace ManifestLint.Reporting;

/// <summary>Shared facts every reporter derives the same way, so text, JSON and SARIF never disagree.</summary>
internal static class ReportFacts
{
    public const string ToolName = "ManifestLint";

    public const string InformationUri = "https://github.com/manifestlint/manifestlint";

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>Counts of unsuppressed findings per severity, and of suppressed findings.</summary>
    public static (int Errors, int Warnings, int Notes, int Suppressed) Count(LintReport report)
    {
        int errors = 0, warnings = 0, notes = 0, suppressed = 0;
        foreach (var f in report.Findings)
        {
            if (f.IsSuppressed)
                suppressed++;
            else if (f.Severity == Severity.Error)
                errors++;
            else if (f.Severity == Severity.Warning)
                warnings++;
            else
                notes++;
        }

        return (errors, warnings, notes, suppressed);
    }

    /// <summary>The rule table of a run: report rules by ordinal id, first definition wins, plus a stub for any finding id not listed.</summary>
    public static ImmutableArray<RuleInfo> Rules(LintReport report)
    {
        var byId = new SortedDictionary<string, RuleInfo>(StringComparer.Ordinal);
        foreach (var rule in report.Rules)
            byId.TryAdd(rule.Id, rule);
        foreach (var f in report.Findings)
        {
            if (!byId.ContainsKey(f.RuleId))
                byId[f.RuleId] = Stub(f.RuleId, f.Severity);
        }

        return [.. byId.Values];
    }

    /// <summary>The effective default severity of a rule in this run (a configuration override wins).</summary>
    public static Severity EffectiveSeverity(LintReport report, RuleInfo rule) =>
        report.SeverityOverrides.TryGetValue(rule.Id, out var s) ? s : rule.Severity;

    public static bool IsInputProblem(string ruleId)
    {
        foreach (var r in InputProblems.All)
        {
            if (string.Equals(r.Id, ruleId, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>"privileged-container" → "PrivilegedContainer".</summary>
    public static string PascalCase(string id)
    {
        var sb = new StringBuilder(id.Length);
        var upper = true;
        foreach (var c in id)
        {
            if (c is '-' or '_' or '.' or '/')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    // A finding whose rule the report does not list still needs a descriptor (SARIF ruleIndex, help text);
    // a reporter must not drop the finding because of an upstream omission.
    private static RuleInfo Stub(string id, Severity severity) =>
        new(id, $"Rule {id}", Category.Input, severity, EnabledByDefault: true, Since: "0.0.0",
            $"No description is available for rule {id}.", "See the finding message.", []);
}

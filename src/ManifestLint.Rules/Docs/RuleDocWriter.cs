using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Core.Policy;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Docs;

/// <summary>
/// Renders <c>rules/&lt;id&gt;.md</c> and the <c>rules/README.md</c> index from <see cref="RuleInfo"/> and the
/// rule's own fixtures. The output is build output: nobody edits it by hand, and a test fails when it is stale.
/// </summary>
public static partial class RuleDocWriter
{
    /// <summary>The annotation prefix of in-source suppressions.</summary>
    public const string SuppressionPrefix = "ignore-check.manifestlint.io/";

    /// <summary>The markdown page of one rule; the examples are fixture texts (their <c># expect:</c> markers become plain comments).</summary>
    public static string Write(RuleInfo info, string? firesExample, string? silentExample)
    {
        var sb = new StringBuilder();
        Heading(sb, info, info.EnabledByDefault ? "yes" : "no");
        if (firesExample is not null)
        {
            Line(sb);
            Line(sb, "## Flagged example");
            Line(sb);
            Example(sb, RenderMarkers(firesExample, info.Id));
        }

        if (silentExample is not null)
        {
            Line(sb);
            Line(sb, "## Not flagged example");
            Line(sb);
            Example(sb, RenderMarkers(silentExample, info.Id));
        }

        Line(sb);
        Line(sb, "## Suppress");
        Line(sb);
        Line(sb, "To accept a finding on one resource, annotate that resource and say why; a suppression without a reason is itself reported:");
        Line(sb);
        Line(sb, "```yaml");
        Line(sb, "metadata:");
        Line(sb, "  annotations:");
        Line(sb, $"    {SuppressionPrefix}{info.Id}: \"<why this is acceptable here>\"");
        Line(sb, "```");
        Line(sb);
        Line(sb, $"To turn the rule off for a whole run, pass `--disable {info.Id}` or disable it in `.manifestlint.yaml`.");
        References(sb, info);
        return sb.ToString();
    }

    /// <summary>
    /// The page of a reserved id (an input or suppression problem): no examples, and instead of how to suppress
    /// it, why it is always on and what can be changed.
    /// </summary>
    public static string WriteReserved(RuleInfo info)
    {
        var sb = new StringBuilder();
        Heading(sb, info, "always");
        Line(sb);
        if (info.Category == Category.Admission)
        {
            WriteAdmissionSeverity(sb, info);
            References(sb, info);
            return sb.ToString();
        }

        Line(sb, "## Always on");
        Line(sb);
        Line(sb, "This check is about the input itself, not about what the input asks Kubernetes to do, so it cannot be turned off");
        Line(sb, "with `--disable` or `enabled: false`, and an `ignore-check.manifestlint.io/` annotation does not suppress it. To");
        Line(sb, "stop linting a file, exclude it (`--exclude` or `exclude` in `.manifestlint.yaml`); to keep it from failing the");
        Line(sb, $"run, lower its severity in `.manifestlint.yaml` (`rules: {{ {info.Id}: {{ severity: note }} }}`).");
        References(sb, info);
        return sb.ToString();
    }

    /// <summary>The id of policy findings: its checks and severities come from the input's own policies and bindings.</summary>
    private static void WriteAdmissionSeverity(StringBuilder sb, RuleInfo info)
    {
        Line(sb, "## Severity and scope");
        Line(sb);
        Line(sb, "The checks are the ValidatingAdmissionPolicies of the input and of `--policy` files (`policies:` in");
        Line(sb, "`.manifestlint.yaml`), and each finding's severity is its binding's `validationActions`: `Deny` is an error,");
        Line(sb, "`Warn` a warning, `Audit` a note (the table shows the severity of policy errors). There is nothing to enable:");
        Line(sb, "without policies and bindings this id reports nothing. One resource is exempted with");
        Line(sb, $"`{SuppressionPolicy.AnnotationPrefix}{info.Id}: \"<reason>\"`; every severity can be changed in `.manifestlint.yaml`");
        Line(sb, $"(`rules: {{ {info.Id}: {{ severity: warning }} }}`). The starter policies in `policies/` are ready to bind.");
    }

    /// <summary>Title, summary, the metadata table, why and how to fix: the part every page shares.</summary>
    private static void Heading(StringBuilder sb, RuleInfo info, string enabled)
    {
        Line(sb, $"# {info.Id}");
        Line(sb);
        Line(sb, info.Summary.Trim());
        Line(sb);
        Line(sb, "| Category | Severity | Enabled by default | Since | Security severity |");
        Line(sb, "|---|---|---|---|---|");
        Line(sb, $"| {CategoryName(info.Category)} | {SeverityName(info.Severity)} | {enabled} | {info.Since} | {info.EffectiveSecuritySeverity.ToString("0.0", CultureInfo.InvariantCulture)} |");
        Line(sb);
        Line(sb, "## Why");
        Line(sb);
        Line(sb, Normalize(info.Rationale));
        Line(sb);
        Line(sb, "## How to fix");
        Line(sb);
        Line(sb, Normalize(info.Remediation));
    }

    private static void References(StringBuilder sb, RuleInfo info)
    {
        if (info.References.IsDefaultOrEmpty)
            return;
        Line(sb);
        Line(sb, "## References");
        Line(sb);
        foreach (var reference in info.References)
            Line(sb, $"- [{reference.Title}]({reference.Url})");
    }

    /// <summary>The <c>rules/README.md</c> table of every rule, in the order given (the registry's id order).</summary>
    public static string WriteIndex(IEnumerable<RuleInfo> rules) => WriteIndex(rules, []);

    /// <summary>The index: the rules, then the reserved ids (input and suppression problems) in a table of their own.</summary>
    public static string WriteIndex(IEnumerable<RuleInfo> rules, IReadOnlyCollection<RuleInfo> reserved)
    {
        var sb = new StringBuilder();
        Line(sb, "# Rules");
        Line(sb);
        Line(sb, "Generated by `manifestlint rules docs --out rules/` from the rules' metadata and fixtures; do not edit by hand.");
        Line(sb);
        Line(sb, "| Rule | Category | Severity | Enabled by default | Summary |");
        Line(sb, "|---|---|---|---|---|");
        foreach (var info in rules)
            Line(sb, $"| [{info.Id}]({info.Id}.md) | {CategoryName(info.Category)} | {SeverityName(info.Severity)} | {(info.EnabledByDefault ? "yes" : "no")} | {Cell(info.Summary)} |");
        if (reserved.Count > 0)
        {
            Line(sb);
            Line(sb, "## Input and suppression checks");
            Line(sb);
            Line(sb, "Reported by the loaders, the renderer and the suppression policy rather than by a rule; always on, and only their severity can be changed.");
            Line(sb);
            Line(sb, "| Check | Severity | Summary |");
            Line(sb, "|---|---|---|");
            foreach (var info in reserved)
                Line(sb, $"| [{info.Id}]({info.Id}.md) | {SeverityName(info.Severity)} | {Cell(info.Summary)} |");
        }

        return sb.ToString();
    }

    /// <summary><c>PodSecurity</c> → <c>Pod security</c>.</summary>
    public static string CategoryName(Category category)
    {
        var name = category.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                sb.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else
                sb.Append(name[i]);
        }

        return sb.ToString();
    }

    public static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>
    /// Turns <c># expect: id</c> into <c># flagged by id</c> and <c># expect-next: id</c> into
    /// <c># the next line is flagged by id</c>; markers naming only other rules are dropped.
    /// </summary>
    internal static string RenderMarkers(string fixture, string id)
    {
        var lines = Normalize(fixture).Split('\n');
        var output = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            var match = Marker().Match(line);
            if (!match.Success)
            {
                output.Add(line);
                continue;
            }

            var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var before = line[..match.Index].TrimEnd();
            var next = match.Groups["kind"].Value == "expect-next";
            string? comment = ids.Contains(id, StringComparer.Ordinal) ? (next ? $"# the next line is flagged by {id}" : $"# flagged by {id}") : null;
            if (comment is null)
            {
                if (before.Length > 0)
                    output.Add(before);
            }
            else
            {
                output.Add(before.Length == 0 ? line[..match.Index] + comment : $"{before}  {comment}");
            }
        }

        return string.Join('\n', output);
    }

    private static void Example(StringBuilder sb, string yaml)
    {
        Line(sb, "```yaml");
        Line(sb, yaml);
        Line(sb, "```");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n', ' ').TrimEnd();

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Trim();

    private static void Line(StringBuilder sb, string text = "") => sb.Append(text).Append('\n');

    [GeneratedRegex(@"#\s*(?<kind>expect-next|expect):\s*(?<ids>[a-z0-9, -]+?)\s*$")]
    private static partial Regex Marker();
}

using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using CoreSuppression = ManifestLint.Core.Rules.Suppression;

namespace ManifestLint.Reporting.Sarif;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Deterministic: the same report gives
/// byte-identical output (no timestamps, rules sorted by id, results in report order, LF newlines).
/// </summary>
public sealed class SarifReporter(SarifReporterOptions options) : IReporter
{
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The versioned key of our fingerprint in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "manifestlint/v1";

    public SarifReporter()
        : this(SarifReporterOptions.Default)
    {
    }

    public SarifReporterOptions Options { get; } = options;

    public void Write(LintReport report, TextWriter output) => WriteChecked(report, output);

    /// <summary>Writes the log and returns what was written, including any code scanning limit it exceeds.</summary>
    public SarifWriteResult WriteChecked(LintReport report, TextWriter output)
    {
        var warnings = CountLimitWarnings(report);
        // UTF-8 in pooled chunks, copied to the file as bytes: a log of tens of megabytes is never a string.
        var buffer = SerializeUtf8(CreateLog(report, warnings));
        try
        {
            if (GzipSizeOverLimit(buffer) is { } gz)
            {
                warnings = warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"This SARIF log is {gz} bytes gzip-compressed; GitHub code scanning rejects uploads over {GitHubSarifLimits.MaxGzipBytes} bytes (10 MB). Split the scan into several uploads, each with its own category."));
                buffer.Dispose();
                buffer = SerializeUtf8(CreateLog(report, warnings));
            }

            buffer.CopyTo(output);
            return new SarifWriteResult(report.Findings.Length, ReportFacts.Rules(report).Length, buffer.Length, warnings);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// The log's gzip size (at <see cref="CompressionLevel.Optimal"/>) when it exceeds code scanning's limit, else null.
    /// Compressing is only worth its cost when the raw log could exceed the limit at all. A log up to a few times the
    /// limit is first compressed at the fastest level, and measured exactly only when that estimate is above a quarter
    /// of the limit: deflate's fastest level (a short match search, fixed codes) does not come out several times
    /// smaller than its default level (a longer search, and per block the smallest of stored, fixed and dynamic
    /// codes), so such a log is under the limit at the default level too. Larger logs (whose fast estimate is rarely
    /// that small) are measured exactly at once, so they do not pay for two compressions.
    /// </summary>
    private static long? GzipSizeOverLimit(Utf8ChunkBuffer buffer)
    {
        const long Limit = GitHubSarifLimits.MaxGzipBytes;
        if (buffer.Length <= Limit)
            return null;
        if (buffer.Length <= 3 * Limit && buffer.GzipSize(CompressionLevel.Fastest) <= Limit / 4)
            return null;
        var gz = buffer.GzipSize(CompressionLevel.Optimal);
        return gz > Limit ? gz : null;
    }

    /// <summary>The log for a report, with a warning notification for each code scanning limit the run exceeds.</summary>
    public SarifLog CreateLog(LintReport report) => CreateLog(report, CountLimitWarnings(report));

    /// <summary>Serialises a log as indented UTF-8 JSON with LF newlines and a final newline.</summary>
    public static string Serialize(SarifLog log) =>
        JsonOutput.Render(w => JsonSerializer.Serialize(w, log, SarifJsonContext.Default.SarifLog));

    private static Utf8ChunkBuffer SerializeUtf8(SarifLog log) =>
        JsonOutput.RenderUtf8(w => JsonSerializer.Serialize(w, log, SarifJsonContext.Default.SarifLog));

    /// <summary>Code scanning limits a report exceeds by its counts alone (results and rules per run).</summary>
    public static ImmutableArray<string> CountLimitWarnings(LintReport report)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (report.Findings.Length > GitHubSarifLimits.MaxResultsPerRun)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"This run has {report.Findings.Length} results; GitHub code scanning accepts at most {GitHubSarifLimits.MaxResultsPerRun} per run and rejects or truncates larger uploads. All results are kept in this file; split the scan into several uploads, each with its own category, or lint fewer paths per run."));
        }

        var rules = ReportFacts.Rules(report).Length;
        if (rules > GitHubSarifLimits.MaxRulesPerRun)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"This run has {rules} rules; GitHub code scanning accepts at most {GitHubSarifLimits.MaxRulesPerRun} per run."));
        }

        return warnings.ToImmutable();
    }

    private SarifLog CreateLog(LintReport report, ImmutableArray<string> limitWarnings)
    {
        var rules = ReportFacts.Rules(report);
        var ruleIndex = new Dictionary<string, int>(rules.Length, StringComparer.Ordinal);
        var descriptors = ImmutableArray.CreateBuilder<ReportingDescriptor>(rules.Length);
        foreach (var rule in rules)
        {
            ruleIndex[rule.Id] = descriptors.Count;
            descriptors.Add(Descriptor(rule, ReportFacts.EffectiveSeverity(report, rule)));
        }

        // Results (a fingerprint hash and a few strings each) are made on every core, each into its own slot.
        var findings = report.Findings;
        var resultArray = new Result[findings.Length];
        Parallel.For(0, findings.Length, i => resultArray[i] = ToResult(findings[i], ruleIndex[findings[i].RuleId]));
        var results = ImmutableCollectionsMarshal.AsImmutableArray(resultArray);
        var notifications = ImmutableArray.CreateBuilder<Notification>();
        foreach (var f in findings)
        {
            var index = ruleIndex[f.RuleId];
            if (!f.IsSuppressed && ReportFacts.IsInputProblem(f.RuleId))
            {
                notifications.Add(new Notification(
                    Level(f.Severity), new Message(NonEmpty(f.Message, f.RuleId)), Locations(f.Span), new ReportingDescriptorReference(f.RuleId, index)));
            }
        }

        foreach (var warning in limitWarnings)
            notifications.Add(new Notification("warning", new Message(warning), default, null));

        var driver = new ToolComponent(
            ReportFacts.ToolName, NullIfEmpty(report.ToolVersion), NullIfEmpty(report.ToolVersion), ReportFacts.InformationUri, descriptors.MoveToImmutable());
        var run = new Run(
            new Tool(driver),
            [new Invocation(ExecutionSuccessful: true, notifications.Count == 0 ? default : notifications.ToImmutable())],
            OriginalUriBaseIds(report.RepositoryRoot),
            string.IsNullOrWhiteSpace(Options.Category) ? null : new RunAutomationDetails(Options.Category.TrimEnd('/') + "/"),
            "utf16CodeUnits",
            results);
        return new SarifLog(SarifLog.SchemaUri, SarifLog.SarifVersion, [run]);
    }

    private Result ToResult(Finding f, int ruleIndex)
    {
        var related = ImmutableArray.CreateBuilder<Location>(f.Related.Length);
        foreach (var r in f.Related)
            related.Add(new Location(related.Count + 1, Physical(r.Span), default, string.IsNullOrWhiteSpace(r.Message) ? null : new Message(r.Message)));

        var primary = Locations(f.Span);
        if (f.Subject is { } subject && !primary.IsEmpty)
        {
            LogicalLocation logical = new(subject.Name, subject.Key.ToString(), "resource");
            primary = [primary[0] with { LogicalLocations = [logical] }];
        }

        string? baseline = null;
        if (Options.BaselineStates is { } states)
            baseline = BaselineName(states.TryGetValue(f.Fingerprint, out var state) ? state : SarifBaselineState.New);

        return new Result(
            f.RuleId,
            ruleIndex,
            Level(f.Severity),
            new Message(MessageWithLinks(f)),
            primary,
            related.Count == 0 ? default : related.MoveToImmutable(),
            // One key: any dictionary writes it the same, and a sorted one costs a tree walk per result to serialise.
            new Dictionary<string, string>(1, StringComparer.Ordinal) { [FingerprintKey] = f.Fingerprint },
            f.Suppression is { } s ? [ToSuppression(s)] : default,
            baseline,
            f.Scenario is { Length: > 0 } scenario ? new ResultProperties(scenario) : null);
    }

    /// <summary>
    /// The finding's message with an embedded link per related location (<c>[text](id)</c>): code scanning makes
    /// related locations clickable only when the message refers to them.
    /// </summary>
    private static string MessageWithLinks(Finding f)
    {
        // Code scanning rejects empty required strings.
        var message = NonEmpty(f.Message, f.RuleId);
        if (f.Related.IsDefaultOrEmpty)
            return message;
        var sb = new StringBuilder(message).Append(" (");
        for (var i = 0; i < f.Related.Length; i++)
        {
            if (i > 0)
                sb.Append("; ");
            var text = string.IsNullOrWhiteSpace(f.Related[i].Message) ? f.Related[i].Span.Path : f.Related[i].Message;
            // Brackets inside link text must be escaped, or they would end the link early.
            sb.Append('[').Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal))
                .Append("](").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        return sb.Append(')').ToString();
    }

    private static Suppression ToSuppression(CoreSuppression s) => new(
        s.Kind == SuppressionKind.InSource ? "inSource" : "external",
        string.IsNullOrEmpty(s.Justification) ? null : s.Justification,
        s.Location is { } at && Physical(at) is { } physical ? new Location(null, physical, default, null) : null);

    private static ReportingDescriptor Descriptor(RuleInfo rule, Severity severity)
    {
        var tags = ImmutableArray.CreateBuilder<string>();
        AddTag(tags, "security");
        AddTag(tags, Kebab(rule.Category.ToString()));
        if (!rule.Tags.IsDefault)
        {
            foreach (var tag in rule.Tags)
                AddTag(tags, tag);
        }

        var properties = new RuleProperties(
            tags.ToImmutable(),
            Math.Clamp(rule.EffectiveSecuritySeverity, 0.1, 10.0).ToString("0.0", CultureInfo.InvariantCulture),
            "high");
        return new ReportingDescriptor(
            rule.Id,
            ReportFacts.PascalCase(rule.Id),
            new MultiformatMessageString(NonEmpty(rule.Summary, rule.Id)),
            new MultiformatMessageString(NonEmpty(rule.Rationale, rule.Summary, rule.Id)),
            Help(rule),
            rule.HelpUri,
            new ReportingConfiguration(Level(severity)),
            properties);
    }

    private static void AddTag(ImmutableArray<string>.Builder tags, string tag)
    {
        if (tag.Length > 0 && tags.Count < GitHubSarifLimits.MaxTagsPerRule && !tags.Contains(tag, StringComparer.Ordinal))
            tags.Add(tag);
    }

    private static MultiformatMessageString Help(RuleInfo rule)
    {
        var text = new StringBuilder();
        var markdown = new StringBuilder();
        var rationale = NonEmpty(rule.Rationale, rule.Summary, rule.Id).Trim();
        text.Append(rationale);
        markdown.Append(rationale);
        if (!string.IsNullOrWhiteSpace(rule.Remediation))
        {
            text.Append("\n\nFix: ").Append(rule.Remediation.Trim());
            markdown.Append("\n\n**Fix:** ").Append(rule.Remediation.Trim());
        }

        if (!rule.References.IsDefaultOrEmpty)
        {
            text.Append("\n\nReferences:");
            markdown.Append("\n\n**References**\n");
            foreach (var reference in rule.References)
            {
                text.Append("\n- ").Append(reference.Title).Append(": ").Append(reference.Url);
                markdown.Append("\n- [").Append(reference.Title).Append("](").Append(reference.Url).Append(')');
            }
        }

        text.Append("\n\nDocumentation: ").Append(rule.HelpUri);
        markdown.Append("\n\n[Rule documentation](").Append(rule.HelpUri).Append(')');
        return new MultiformatMessageString(text.ToString(), markdown.ToString());
    }

    private static ImmutableArray<Location> Locations(SourceSpan span) =>
        Physical(span) is { } physical ? [new Location(null, physical, default, null)] : [];

    private static PhysicalLocation? Physical(SourceSpan span)
    {
        if (string.IsNullOrEmpty(span.Path))
            return null;
        // Code scanning rejects lines and columns below 1; clamp rather than lose the result.
        var startLine = Math.Max(1, span.StartLine);
        var startColumn = Math.Max(1, span.StartColumn);
        var endLine = Math.Max(startLine, span.EndLine);
        var endColumn = endLine == startLine ? Math.Max(startColumn, span.EndColumn) : Math.Max(1, span.EndColumn);
        return new PhysicalLocation(
            new ArtifactLocation(RelativeUri(span.Path), SourceRootId),
            new Region(startLine, startColumn, endLine, endColumn));
    }

    private static Dictionary<string, ArtifactLocation>? OriginalUriBaseIds(string root)
    {
        if (string.IsNullOrEmpty(root) || !Path.IsPathRooted(root))
            return null;
        var withSlash = root.EndsWith('/') || root.EndsWith('\\') ? root : root + "/";
        if (!Uri.TryCreate(withSlash, UriKind.Absolute, out var uri) || !uri.IsFile)
            return null;
        return new Dictionary<string, ArtifactLocation>(StringComparer.Ordinal) { [SourceRootId] = new ArtifactLocation(uri.AbsoluteUri) };
    }

    /// <summary>A repository-relative path as a relative URI reference: forward slashes, percent-encoding for anything outside the safe set.</summary>
    internal static string RelativeUri(string path)
    {
        // Most paths need no change: then the path is the URI, with no copy made per result.
        var safe = 0;
        while (safe < path.Length && IsUriSafe(path[safe]))
            safe++;
        if (safe == path.Length)
            return path;
        var sb = new StringBuilder(path.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '\\')
            {
                sb.Append('/');
            }
            else if (IsUriSafe(c))
            {
                sb.Append(c);
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1])
                    ? Encoding.UTF8.GetBytes(path.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(path.AsSpan(i, 1), utf8);
                foreach (var b in utf8[..length])
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static bool IsUriSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or '@';

    private static string Level(Severity severity) => ReportFacts.SeverityName(severity);

    private static string BaselineName(SarifBaselineState state) => state switch
    {
        SarifBaselineState.Unchanged => "unchanged",
        SarifBaselineState.Updated => "updated",
        SarifBaselineState.Absent => "absent",
        _ => "new",
    };

    private static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(pascal[i - 1]))
                sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string NonEmpty(params string[] candidates)
    {
        foreach (var c in candidates)
        {
            if (!string.IsNullOrWhiteSpace(c))
                return c;
        }

        return "-";
    }
}

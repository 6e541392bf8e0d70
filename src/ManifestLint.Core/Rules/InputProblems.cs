using System.Collections.Immutable;

namespace ManifestLint.Core.Rules;

/// <summary>
/// Reserved ids for problems with the input itself. They are findings like any other (so they reach SARIF,
/// fail the build and can be filtered), but no rule class produces them: the loaders do.
/// </summary>
public static class InputProblems
{
    private static RuleInfo Make(string id, string summary, Severity severity, string rationale, string remediation) =>
        new(id, summary, Category.Input, severity, EnabledByDefault: true, Since: "0.1.0", rationale, remediation,
            [new RuleReference("YAML 1.2 specification", "https://yaml.org/spec/1.2.2/")], SecuritySeverity: 0.1);

    public static RuleInfo YamlSyntax { get; } = Make(
        "yaml-syntax", "Files must be valid YAML", Severity.Error,
        "A document that does not parse cannot be applied, and nothing in it can be checked. The other documents of the file are still linted.",
        "Fix the YAML syntax at the reported position.");

    public static RuleInfo YamlDuplicateKey { get; } = Make(
        "yaml-duplicate-key", "Mapping keys must be unique", Severity.Error,
        "Kubernetes rejects duplicate keys in strict decoding, and tools that accept them silently keep only one value, so what is reviewed is not what is applied.",
        "Remove or merge the repeated key.");

    public static RuleInfo YamlAliasLimit { get; } = Make(
        "yaml-alias-limit", "YAML aliases must not expand beyond a safe size", Severity.Error,
        "Nested aliases can expand exponentially (a 'billion laughs' document) and exhaust the memory of every tool that reads the file, including the API server's clients.",
        "Replace the aliases with explicit content, or reduce the nesting.");

    public static RuleInfo InputUnreadable { get; } = Make(
        "input-unreadable", "Input files must be readable", Severity.Error,
        "A file that cannot be read (permissions, encoding, size) is not linted at all; reporting it keeps a gap from going unnoticed.",
        "Make the file readable as UTF-8 text, or exclude it.");

    public static RuleInfo HelmRender { get; } = Make(
        "helm-render", "Helm templates must render", Severity.Error,
        "A template that fails to render would fail `helm install` too, and its resources cannot be checked.",
        "Fix the template or supply the values it requires.");

    public static RuleInfo HelmChartInvalid { get; } = Make(
        "helm-chart-invalid", "Helm charts must load", Severity.Error,
        "A chart whose metadata, values or dependencies cannot be loaded cannot be rendered or checked.",
        "Fix the chart files named in the message.");

    public static RuleInfo KustomizeBuild { get; } = new(
        "kustomize-build", "Kustomize roots must build", Category.Input, Severity.Error, EnabledByDefault: true, Since: "0.1.0",
        "A Kustomize root that does not build fails `kubectl apply -k` and Argo CD or Flux syncs too, and none of its resources can be checked. Remote resources are never fetched (linting stays offline), and kustomize features this build does not implement (`vars` outside container commands, arguments and env values; plugins; charts from a repository) are reported as not supported rather than built wrong. The rest of the repository is still linted.",
        "Fix the kustomization line named in the message; for a remote resource or an unsupported feature, vendor the resource or lint the root's `kubectl kustomize` output instead, or choose other roots with `--kustomize-roots`.",
        [new RuleReference("Kustomize: kustomization file reference", "https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/")],
        SecuritySeverity: 0.1);

    public static RuleInfo SuppressionWithoutReason { get; } = Make(
        "suppression-without-reason", "Suppressions must give a reason", Severity.Warning,
        "An exception is documented or it is not one: a suppression annotation with an empty value hides a finding without telling reviewers why.",
        "Set the annotation value to the reason the check does not apply.");

    /// <summary>
    /// An unexpected exception while reading, rendering or checking one input (a bug in ManifestLint or a
    /// library it uses). It is located at that input so the rest of the run goes on, and it cannot be
    /// suppressed by annotation: a check that did not run must never look like a check that passed.
    /// </summary>
    public static RuleInfo InternalError { get; } = new(
        "internal-error", "Every input must be read, rendered and checked completely", Category.Input, Severity.Error,
        EnabledByDefault: true, Since: "0.1.0",
        """
            ManifestLint failed unexpectedly on one input: a file, a chart, a template, or one resource seen by one
            rule. The failure is reported at that input and everything else is still linted, but the findings this
            input would have produced are missing, so the run must not pass silently. The message names the stage
            (reading, rendering, or the rule) and the exception.
            """,
        "Report it with the input (or a reduced copy) and the message. Until it is fixed, the input can be excluded, or this id's severity lowered in `.manifestlint.yaml`.",
        [new RuleReference("ManifestLint issues", "https://github.com/manifestlint/manifestlint/issues")],
        SecuritySeverity: 0.1);

    public static ImmutableArray<RuleInfo> All { get; } =
        [HelmChartInvalid, HelmRender, InputUnreadable, InternalError, KustomizeBuild, SuppressionWithoutReason, YamlAliasLimit, YamlDuplicateKey, YamlSyntax];

    /// <summary>An <see cref="InternalError"/> finding at <paramref name="span"/>; <paramref name="what"/> says what failed ("reading this file").</summary>
    public static Finding InternalErrorAt(Text.SourceSpan span, string what, Exception exception, Model.Resource? subject = null) =>
        new(InternalError.Id, InternalError.Severity, InternalErrorMessage(what, exception), span, subject, null, []);

    /// <summary>The message of an <see cref="InternalError"/> finding: what failed and the exception, on one line.</summary>
    public static string InternalErrorMessage(string what, Exception exception) =>
        $"Internal error while {what}: {exception.GetType().Name}: {OneLine(exception.Message)}; please report it";

    private static string OneLine(string message)
    {
        var text = message.ReplaceLineEndings(" ").Trim();
        if (text.Length <= 500)
            return text;
        var cut = char.IsHighSurrogate(text[499]) ? 499 : 500;
        return text[..cut] + " …";
    }
}

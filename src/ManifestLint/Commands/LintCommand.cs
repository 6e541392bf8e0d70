using System.Collections.Immutable;
using System.CommandLine;
using ManifestLint.Cli;

namespace ManifestLint.Commands;

/// <summary><c>manifestlint lint [paths...]</c>: lint manifests and report in one format.</summary>
internal static class LintCommand
{
    public static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Files or folders to lint (recursive: .yaml, .yml, .json; folders with a Chart.yaml are Helm charts).",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => ["."],
    };

    public static readonly Option<string> Format = new Option<string>("--format", "-f")
    {
        Description = "Report format: text (code frames), json (stable, documented), sarif (2.1.0, for code scanning), github (workflow annotations).",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json|sarif|github",
    }.AcceptOnlyFromAmong(CliNames.Formats);

    public static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout (a one-line summary goes to stderr).",
        HelpName = "file",
    };

    public static readonly Option<string?> FailOn = new Option<string?>("--fail-on")
    {
        Description = "Lowest severity of an unsuppressed finding that makes the exit code 1 [default: error, or failOn in the config file].",
        HelpName = "error|warning|note|none",
    }.AcceptOnlyFromAmong(CliNames.FailOnLevels);

    public static readonly Option<string?> Namespace = new("--namespace", "-n")
    {
        Description = "Namespace assumed for namespaced resources that set none [default: default, or namespace in the config file].",
        HelpName = "name",
    };

    public static readonly Option<string?> Config = new("--config", "-c")
    {
        Description = "Configuration file [default: .manifestlint.yaml in the scanned folder, else at the repository root].",
        HelpName = "file",
    };

    public static readonly Option<string[]> Include = new("--include")
    {
        Description = "Lint only files matching this glob, relative to the repository root (repeatable).",
        HelpName = "glob",
    };

    public static readonly Option<string[]> Exclude = new("--exclude")
    {
        Description = "Skip files and folders matching this glob, relative to the repository root (repeatable).",
        HelpName = "glob",
    };

    public static readonly Option<string[]> Enable = new("--enable")
    {
        Description = "Run this rule even if it is off by default or in the config file (repeatable).",
        HelpName = "rule-id",
    };

    public static readonly Option<string[]> Disable = new("--disable")
    {
        Description = "Do not run this rule (repeatable).",
        HelpName = "rule-id",
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Text: one line per finding, no code frames or summary. With --output: no summary on stderr.",
    };

    public static readonly Option<bool> Complete = new("--complete")
    {
        Description = "The input is everything that is deployed: rules about missing companions (NetworkPolicy, PodDisruptionBudget, ...) fire everywhere.",
    };

    public static readonly Option<bool> NoColor = new("--no-color")
    {
        Description = "No ANSI colours (also off when stdout is not a terminal or NO_COLOR is set).",
    };

    public static readonly Option<bool> ShowSuppressed = new("--show-suppressed")
    {
        Description = "Text: also print suppressed findings with their justification.",
    };

    public static readonly Option<string?> SarifCategory = new("--sarif-category")
    {
        Description = "SARIF: code scanning category (automationDetails.id), so several uploads for one commit keep separate alerts.",
        HelpName = "category",
    };

    public static readonly Option<string[]> ReportOnly = new("--report-only")
    {
        Description = "Lint everything given, but report only findings located in these files (pre-commit passes the staged files).",
        HelpName = "file",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string?> Baseline = new("--baseline")
    {
        Description = "Compare with this baseline file: findings recorded in it are reported as accepted, only new ones fail the run.",
        HelpName = "file",
    };

    public static readonly Option<string?> WriteBaseline = new("--write-baseline")
    {
        Description = "Record the current findings in this baseline file (by fingerprint, no line numbers) and exit 0.",
        HelpName = "file",
    };

    public static readonly Option<string?> PodSecurityLevel = new Option<string?>("--pod-security-level")
    {
        Description = "Pod Security level assumed for namespaces whose Namespace object is not in the input [default: no assumption].",
        HelpName = "privileged|baseline|restricted",
    }.AcceptOnlyFromAmong("privileged", "baseline", "restricted");

    public static readonly Option<string[]> HelmValues = new("--values")
    {
        Description = "Helm values file applied to every chart linted (repeatable; later files win).",
        HelpName = "file",
    };

    public static readonly Option<string[]> HelmSet = new("--set")
    {
        Description = "Helm --set for every chart linted: a.b=c,list[0]=x (repeatable).",
        HelpName = "key=value",
    };

    public static readonly Option<string[]> HelmSetString = new("--set-string")
    {
        Description = "Helm --set-string for every chart linted (repeatable).",
        HelpName = "key=value",
    };

    public static readonly Option<string?> KubeVersion = new("--kube-version")
    {
        Description = "Kubernetes version the input is checked against (API schemas, removed and deprecated APIs) and charts are rendered for (.Capabilities) [default: v1.36.0].",
        HelpName = "version",
    };

    public static readonly Option<string[]> Crd = new("--crd")
    {
        Description = "File or folder of CustomResourceDefinitions whose custom resources are validated; the CRDs themselves are not linted (repeatable).",
        HelpName = "path",
    };

    public static readonly Option<string[]> ApiVersions = new("--api-versions", "-a")
    {
        Description = "Add to .Capabilities.APIVersions for every chart, as Helm's --api-versions: group/version or group/version/Kind (repeatable). "
            + "Without a cluster Helm lists group/versions only.",
        HelpName = "group/version[/Kind]",
    };

    public static readonly Option<string?> HelmVersion = CreateHelmVersionOption();

    public static readonly Option<bool> ChartValuesScenarios = new("--chart-values-scenarios")
    {
        Description = "Lint each chart once per ci/*-values.yaml file (chart-testing's convention); findings name the scenario.",
    };

    public static readonly Option<string[]> Policy = new("--policy")
    {
        Description = "A file or folder of ValidatingAdmissionPolicies and bindings to apply (policy source only, not linted). Repeatable.",
        HelpName = "path",
    };

    public static readonly Option<bool> PolicyUnbound = new("--policy-unbound")
    {
        Description = "Apply ValidatingAdmissionPolicies that have no binding to every object they match, as Deny (for policy authors).",
    };

    public static readonly Option<string[]> KustomizeRoots = new("--kustomize-roots")
    {
        Description = "Lint these Kustomize root folders (glob, repeatable) [default: every root that no other root uses].",
        HelpName = "glob",
    };

    public static Command GetCommand(CliEnvironment environment, RuleCatalog catalog)
    {
        var command = new Command("lint", "Lint Kubernetes manifests and Helm charts.")
        {
            Paths,
            Format,
            Output,
            FailOn,
            Namespace,
            Config,
            Include,
            Exclude,
            Enable,
            Disable,
            Quiet,
            Complete,
            NoColor,
            ShowSuppressed,
            SarifCategory,
            ReportOnly,
            Baseline,
            WriteBaseline,
            PodSecurityLevel,
            HelmValues,
            HelmSet,
            HelmSetString,
            KubeVersion,
            Crd,
            ApiVersions,
            HelmVersion,
            ChartValuesScenarios,
            Policy,
            PolicyUnbound,
            KustomizeRoots,
        };
        command.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(CommandGuard.Run(environment, () =>
                LintApplication.Run(ToInvocation(parseResult), environment, catalog, cancellationToken))));
        return command;
    }

    /// <summary>The handler's only job: parsed options to an immutable invocation record.</summary>
    internal static LintInvocation ToInvocation(ParseResult parseResult) => new(
        Paths: [.. parseResult.GetValue(Paths) ?? []],
        Format: (OutputFormat)Array.IndexOf(CliNames.Formats, parseResult.GetValue(Format) ?? "text"),
        OutputPath: parseResult.GetValue(Output),
        FailOn: parseResult.GetValue(FailOn) is { } failOn ? CliNames.ParseFailOn(failOn) : null,
        Namespace: parseResult.GetValue(Namespace),
        ConfigPath: parseResult.GetValue(Config),
        Include: Values(parseResult, Include),
        Exclude: Values(parseResult, Exclude),
        Enable: Values(parseResult, Enable),
        Disable: Values(parseResult, Disable),
        Quiet: parseResult.GetValue(Quiet),
        Complete: parseResult.GetValue(Complete),
        NoColor: parseResult.GetValue(NoColor),
        ShowSuppressed: parseResult.GetValue(ShowSuppressed),
        SarifCategory: parseResult.GetValue(SarifCategory))
    {
        ReportOnly = Values(parseResult, ReportOnly),
        BaselinePath = parseResult.GetValue(Baseline),
        WriteBaselinePath = parseResult.GetValue(WriteBaseline),
        PodSecurityLevel = parseResult.GetValue(PodSecurityLevel),
        HelmValuesFiles = Values(parseResult, HelmValues),
        HelmSet = Values(parseResult, HelmSet),
        HelmSetString = Values(parseResult, HelmSetString),
        KubeVersion = parseResult.GetValue(KubeVersion),
        Crds = Values(parseResult, Crd),
        HelmApiVersions = Values(parseResult, ApiVersions),
        HelmLine = HelmLine(parseResult.GetValue(HelmVersion)),
        ChartValuesScenarios = parseResult.GetValue(ChartValuesScenarios),
        Policies = Values(parseResult, Policy),
        PolicyUnbound = parseResult.GetValue(PolicyUnbound),
        KustomizeRoots = Values(parseResult, KustomizeRoots),
    };

    /// <summary><c>--helm-version 3|4|4.1|4.2</c>, shared by <c>lint</c> and <c>render</c>.</summary>
    internal static Option<string?> CreateHelmVersionOption() => new("--helm-version")
    {
        Description = "Render charts as this Helm release does: 3, 4 or 4.1 (the released v4.1 line), 4.2 (Helm's main branch) [default: 3].",
        HelpName = "3|4|4.1|4.2",
    };

    /// <summary>The release line named by <c>--helm-version</c>, null when the flag is absent; a usage error for a value not accepted.</summary>
    internal static Helm.HelmLine? HelmLine(string? value)
    {
        if (value is null)
            return null;
        return Helm.RenderOptions.ParseHelmLine(value) ?? throw new UsageException($"--helm-version must be {Helm.RenderOptions.AcceptedHelmVersions}, not '{value}'");
    }

    private static ImmutableArray<string> Values(ParseResult parseResult, Option<string[]> option) =>
        [.. parseResult.GetValue(option) ?? []];
}

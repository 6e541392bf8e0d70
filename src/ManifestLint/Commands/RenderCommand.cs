using System.Collections.Immutable;
using System.CommandLine;
using ManifestLint.Cli;
using ManifestLint.Helm;

namespace ManifestLint.Commands;

/// <summary><c>manifestlint render CHART</c>: print what <c>helm template</c> prints, with no helm binary.</summary>
internal static class RenderCommand
{
    private static readonly Argument<string> Chart = new("chart") { Description = "The chart folder (holding Chart.yaml) or a .tgz archive." };

    private static readonly Option<string[]> Values = new("--values", "-f") { Description = "Values file (repeatable; later files win).", HelpName = "file" };

    private static readonly Option<string[]> Set = new("--set") { Description = "Set values: a.b=c,list[0]=x (repeatable).", HelpName = "key=value" };

    private static readonly Option<string[]> SetString = new("--set-string") { Description = "Set values as strings (repeatable).", HelpName = "key=value" };

    private static readonly Option<string[]> SetJson = new("--set-json") { Description = "Set values from JSON (repeatable).", HelpName = "key=json" };

    private static readonly Option<string[]> SetFile = new("--set-file") { Description = "Set values from files' contents (repeatable).", HelpName = "key=path" };

    private static readonly Option<string?> Namespace = new("--namespace", "-n") { Description = "Release namespace [default: default].", HelpName = "name" };

    private static readonly Option<string?> ReleaseName = new("--release-name") { Description = "Release name [default: release-name].", HelpName = "name" };

    private static readonly Option<string?> KubeVersion = new("--kube-version") { Description = $"Kubernetes version for .Capabilities [default: {RenderOptions.DefaultKubeVersion}].", HelpName = "version" };

    private static readonly Option<string[]> ApiVersions = new("--api-versions", "-a") { Description = "Extra API versions for .Capabilities.APIVersions (repeatable).", HelpName = "group/version" };

    private static readonly Option<string[]> ShowOnly = new("--show-only", "-s") { Description = "Only show manifests rendered from these templates (repeatable; globs allowed).", HelpName = "template" };

    private static readonly Option<bool> IncludeCrds = new("--include-crds") { Description = "Include the chart's crds/ in the output." };

    private static readonly Option<bool> SkipTests = new("--skip-tests") { Description = "Leave out test hooks." };

    private static readonly Option<string?> HelmVersion = LintCommand.CreateHelmVersionOption();

    public static Command GetCommand(CliEnvironment environment)
    {
        var command = new Command("render", "Render a Helm chart exactly as `helm template` does, offline.")
        {
            Chart, Values, Set, SetString, SetJson, SetFile, Namespace, ReleaseName, KubeVersion, ApiVersions, ShowOnly, IncludeCrds, SkipTests, HelmVersion,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(CommandGuard.Run(environment, () =>
        {
            var chart = environment.FullPath(parseResult.GetValue(Chart)!);
            if (!Directory.Exists(chart) && !File.Exists(chart))
                throw new UsageException($"chart not found: {parseResult.GetValue(Chart)}");
            var root = LintSetup.FindRepositoryRoot(environment.WorkingDirectory);
            var options = FromParseResult(parseResult, environment, root);
            var render = HelmRenderer.Render(new ChartSource(chart, Path.GetRelativePath(root, chart).Replace('\\', '/')), options, cancellationToken);
            var text = HelmTemplateOutput.Format(render);
            if (render.Failed)
            {
                environment.Error.Write(text);
                return ExitCodes.FindingsAtOrAboveThreshold;
            }

            environment.Out.Write(text);
            environment.Out.Flush();
            return ExitCodes.Success;
        })));
        return command;
    }

    /// <summary>Render options from the flags shared with <c>helm template</c>; values files are read here, at the edge.</summary>
    internal static RenderOptions FromParseResult(ParseResult parseResult, CliEnvironment environment, string repositoryRoot)
    {
        var files = ImmutableArray.CreateBuilder<ValuesFile>();
        foreach (var f in parseResult.GetValue(Values) ?? [])
        {
            var full = environment.FullPath(f);
            if (!File.Exists(full))
                throw new UsageException($"values file not found: {f}");
            files.Add(ValuesFile.Read(full, repositoryRoot));
        }

        var options = new RenderOptions
        {
            ValuesFiles = files.ToImmutable(),
            SetValues = [.. parseResult.GetValue(Set) ?? []],
            SetStringValues = [.. parseResult.GetValue(SetString) ?? []],
            SetJsonValues = [.. parseResult.GetValue(SetJson) ?? []],
            SetFileValues = [.. parseResult.GetValue(SetFile) ?? []],
            ApiVersions = [.. parseResult.GetValue(ApiVersions) ?? []],
            ShowOnly = [.. parseResult.GetValue(ShowOnly) ?? []],
            IncludeCrds = parseResult.GetValue(IncludeCrds),
            SkipTests = parseResult.GetValue(SkipTests),
        };
        if (parseResult.GetValue(Namespace) is { } ns)
            options = options with { Namespace = ns };
        if (parseResult.GetValue(ReleaseName) is { } name)
            options = options with { ReleaseName = name };
        if (parseResult.GetValue(KubeVersion) is { } kube)
            options = options with { KubeVersion = kube };
        if (LintCommand.HelmLine(parseResult.GetValue(HelmVersion)) is { } line)
            options = options.ForHelmLine(line);
        return options;
    }
}

using System.Collections.Immutable;
using ManifestLint.Configuration;
using ManifestLint.Core.Rules;
using ManifestLint.Linting;

namespace ManifestLint.Cli;

/// <summary>
/// A <c>lint</c> invocation resolved against the repository and its configuration: the request for the
/// pipeline, and what to do with the report. Precedence: command line, then configuration file, then defaults.
/// </summary>
public sealed record LintSetup(LintRequest Request, ManifestLintConfig Config, FailOn FailOn)
{
    public const string DefaultNamespace = "default";

    public static LintSetup Resolve(LintInvocation invocation, CliEnvironment environment, RuleCatalog catalog)
    {
        var paths = invocation.Paths.IsDefaultOrEmpty ? ["."] : invocation.Paths;
        foreach (var path in paths)
        {
            var full = environment.FullPath(path);
            if (File.Exists(full) || Directory.Exists(full))
                continue;
            throw new UsageException(path.StartsWith('-')
                ? $"unknown option '{path}' (see `manifestlint lint --help`)"
                : $"path not found: {path}");
        }

        var repositoryRoot = FindRepositoryRoot(environment.WorkingDirectory);
        var config = LoadConfig(invocation, environment, paths, repositoryRoot, catalog);
        var rules = SelectRules(invocation, config, catalog);

        var severities = config.Rules.Values
            .Where(r => r.Severity is not null)
            .ToImmutableDictionary(r => r.Id, r => r.Severity!.Value, StringComparer.Ordinal);

        var @namespace = invocation.Namespace ?? config.Namespace ?? DefaultNamespace;
        var helm = HelmOptions(invocation, environment, repositoryRoot);
        var request = new LintRequest(
            Paths: paths,
            RepositoryRoot: repositoryRoot,
            Include: [.. invocation.Include, .. Rebase(config.Include, config.Directory, repositoryRoot)],
            Exclude: [.. invocation.Exclude, .. Rebase(config.Exclude, config.Directory, repositoryRoot)],
            Namespace: @namespace,
            Rules: rules,
            SeverityOverrides: severities,
            Complete: invocation.Complete || config.Complete == true)
        {
            ReportOnly = [.. invocation.ReportOnly.Select(p => Path.GetRelativePath(repositoryRoot, environment.FullPath(p)).Replace('\\', '/'))],
            PodSecurityLevel = invocation.PodSecurityLevel,
            Helm = helm,
            ChartOverrides = ChartOverrides(config, helm, invocation.HelmLine is not null, @namespace, repositoryRoot),
            ChartValuesScenarios = invocation.ChartValuesScenarios,
            Policies = PolicyPaths(invocation, config, environment),
            PolicyUnbound = invocation.PolicyUnbound,
            Crds = [.. invocation.Crds.Select(c => CrdPath(c, environment)), .. config.Crds],
            KeepSources = invocation.Format == OutputFormat.Text,
            PodTemplatePaths = config.PodTemplates,
            KustomizeRoots = invocation.KustomizeRoots.IsEmpty ? [.. Rebase(config.KustomizeRoots, config.Directory, repositoryRoot)] : invocation.KustomizeRoots,
        };
        return new LintSetup(request, config, invocation.FailOn ?? config.FailOn ?? FailOn.Error);
    }

    /// <summary>
    /// Per-chart settings from the configuration file, on top of the command line's: the file's values come
    /// first, the command line's values files and --set expressions after them (so the command line wins).
    /// </summary>
    private static ImmutableDictionary<string, Helm.RenderOptions> ChartOverrides(ManifestLintConfig config, Helm.RenderOptions global, bool helmVersionOnCommandLine, string @namespace, string repositoryRoot)
    {
        var result = ImmutableDictionary.CreateBuilder<string, Helm.RenderOptions>(StringComparer.Ordinal);
        foreach (var chart in config.Charts)
        {
            var files = chart.ValuesFiles
                .Select(f => ReadValues(f, f, repositoryRoot))
                .Concat(global.ValuesFiles);
            var options = global with
            {
                ValuesFiles = [.. files],
                SetValues = [.. chart.Set, .. global.SetValues],
                SetStringValues = [.. chart.SetString, .. global.SetStringValues],
                ApiVersions = [.. chart.ApiVersions, .. global.ApiVersions],
                Namespace = chart.Namespace ?? @namespace,
            };
            if (chart.ReleaseName is { } name)
                options = options with { ReleaseName = name };
            if (chart.HelmLine is { } line && !helmVersionOnCommandLine)
                options = options.ForHelmLine(line);
            result[Path.GetRelativePath(repositoryRoot, chart.ChartPath).Replace('\\', '/')] = options;
        }

        return result.ToImmutable();
    }

    /// <summary>A values file named on the command line or in the configuration; one that cannot be read is a usage error (exit 2), not a crash.</summary>
    private static Helm.ValuesFile ReadValues(string fullPath, string display, string repositoryRoot)
    {
        try
        {
            return Helm.ValuesFile.Read(fullPath, repositoryRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read values file {display}: {e.Message}");
        }
    }

    private static string CrdPath(string path, CliEnvironment environment)
    {
        var full = environment.FullPath(path);
        return File.Exists(full) || Directory.Exists(full) ? full : throw new UsageException($"--crd path not found: {path}");
    }

    /// <summary>Chart render options from the lint flags; values files are read here, at the edge.</summary>
    private static Helm.RenderOptions HelmOptions(LintInvocation invocation, CliEnvironment environment, string repositoryRoot)
    {
        var files = ImmutableArray.CreateBuilder<Helm.ValuesFile>();
        foreach (var f in invocation.HelmValuesFiles)
        {
            var full = environment.FullPath(f);
            if (!File.Exists(full))
                throw new UsageException($"values file not found: {f}");
            files.Add(ReadValues(full, f, repositoryRoot));
        }

        var options = new Helm.RenderOptions
        {
            ValuesFiles = files.ToImmutable(),
            SetValues = invocation.HelmSet,
            SetStringValues = invocation.HelmSetString,
            ApiVersions = invocation.HelmApiVersions,
        };
        if (invocation.HelmLine is { } line)
            options = options.ForHelmLine(line);
        if (invocation.KubeVersion is { } kube)
        {
            if (Schemas.KubernetesApi.ParseMinor(kube) is null)
                throw new UsageException($"--kube-version must be a Kubernetes 1.x version such as v1.30.0, not '{kube}'");
            options = options with { KubeVersion = kube };
        }

        // Charts see the API set of the target version, as a cluster of that version would report it.
        return options with { BaseApiVersions = Schemas.KubernetesApi.Embedded.ForKubeVersion(options.KubeVersion)?.ApiVersions };
    }

    /// <summary>The git top level above <paramref name="workingDirectory"/> (a folder holding <c>.git</c>), else the working directory.</summary>
    public static string FindRepositoryRoot(string workingDirectory)
    {
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
                return dir.FullName;
        }

        return Path.GetFullPath(workingDirectory);
    }

    private static ManifestLintConfig LoadConfig(LintInvocation invocation, CliEnvironment environment, ImmutableArray<string> paths, string repositoryRoot, RuleCatalog catalog)
    {
        string? file;
        if (invocation.ConfigPath is { } explicitPath)
        {
            file = environment.FullPath(explicitPath);
            if (!File.Exists(file))
                throw new UsageException($"configuration file not found: {explicitPath}");
        }
        else
        {
            var first = environment.FullPath(paths[0]);
            var scanRoot = Directory.Exists(first) ? first : Path.GetDirectoryName(first) ?? first;
            file = new[] { scanRoot, repositoryRoot }
                .Select(dir => Path.Combine(dir, ManifestLintConfig.FileName))
                .FirstOrDefault(File.Exists);
        }

        if (file is null)
            return ManifestLintConfig.Empty;
        var display = Path.GetRelativePath(environment.WorkingDirectory, file).Replace('\\', '/');
        if (display.StartsWith("../../", StringComparison.Ordinal))
            display = file;
        return ConfigLoader.Load(file, display, catalog.RulesById, catalog.ReservedIds);
    }

    private static ImmutableArray<(Rule Rule, object? Options)> SelectRules(LintInvocation invocation, ManifestLintConfig config, RuleCatalog catalog)
    {
        foreach (var id in invocation.Enable.Concat(invocation.Disable))
        {
            if (catalog.ReservedIds.Contains(id))
                throw new UsageException($"'{id}' reports a problem with the input itself and cannot be enabled or disabled");
            if (!catalog.RulesById.ContainsKey(id))
                throw new UsageException(catalog.UnknownRuleMessage(id));
        }

        var both = invocation.Enable.Intersect(invocation.Disable, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (both.Length > 0)
            throw new UsageException($"rule '{both[0]}' is both enabled and disabled on the command line");

        var enable = invocation.Enable.ToHashSet(StringComparer.Ordinal);
        var disable = invocation.Disable.ToHashSet(StringComparer.Ordinal);
        var selected = ImmutableArray.CreateBuilder<(Rule, object?)>();
        foreach (var rule in catalog.Rules)
        {
            var id = rule.Info.Id;
            config.Rules.TryGetValue(id, out var settings);
            var on = enable.Contains(id) || (!disable.Contains(id) && (settings?.Enabled ?? rule.Info.EnabledByDefault));
            if (on)
                selected.Add((rule, settings?.Options ?? rule.DefaultOptions));
        }

        return selected.ToImmutable();
    }

    /// <summary>Makes globs written relative to the configuration file's folder relative to the repository root, as discovery reads them.</summary>
    /// <summary><c>--policy</c> paths (relative to the working directory) and the configuration's <c>policies:</c> (relative to its folder), absolute.</summary>
    private static ImmutableArray<string> PolicyPaths(LintInvocation invocation, ManifestLintConfig config, CliEnvironment environment)
    {
        var paths = ImmutableArray.CreateBuilder<string>();
        foreach (var p in invocation.Policies)
        {
            var full = environment.FullPath(p);
            if (!File.Exists(full) && !Directory.Exists(full))
                throw new UsageException($"policy path not found: {p}");
            paths.Add(full);
        }

        foreach (var p in config.Policies)
        {
            var full = Path.GetFullPath(Path.Combine(config.Directory ?? environment.WorkingDirectory, p));
            if (!File.Exists(full) && !Directory.Exists(full))
                throw new UsageException($"{config.Path}: policies: path not found: {p}");
            paths.Add(full);
        }

        return paths.ToImmutable();
    }

    private static IEnumerable<string> Rebase(ImmutableArray<string> globs, string? configDirectory, string repositoryRoot)
    {
        var prefix = configDirectory is null ? "." : Path.GetRelativePath(repositoryRoot, configDirectory).Replace('\\', '/');
        foreach (var glob in globs)
        {
            var pattern = glob.StartsWith("./", StringComparison.Ordinal) ? glob[2..] : glob.TrimStart('/');
            yield return prefix == "." || prefix.StartsWith("..", StringComparison.Ordinal) ? pattern : prefix + "/" + pattern;
        }
    }
}

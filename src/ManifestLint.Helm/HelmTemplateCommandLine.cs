using System.Collections.Immutable;

namespace ManifestLint.Helm;

/// <summary>
/// <c>helm template [NAME] [CHART] [flags]</c> with Helm's own argument rules and messages, so scripts that
/// call <c>helm template</c> can call <c>manifestlint helm template</c> unchanged, offline.
/// </summary>
public static class HelmTemplateCommandLine
{
    private const string Usage = "Usage:  helm template [NAME] [CHART] [flags]\n";

    /// <summary>The result of one invocation: what Helm would print on stdout and stderr, and its exit code.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>A parsed command line: the chart folder (absolute) and the render options, or Helm's error text.</summary>
    public sealed record Invocation(string? ChartPath, RenderOptions Options, string? Error);

    /// <summary>Runs the command for <paramref name="args"/> (the words after <c>template</c>); paths are relative to <paramref name="workingDirectory"/>.</summary>
    /// <param name="repositoryRoot">Paths in provenance are made relative to it.</param>
    /// <param name="defaults">Options before flags are applied (Helm's defaults, or a test's fixed Kubernetes version).</param>
    public static Result Run(IReadOnlyList<string> args, string workingDirectory, string repositoryRoot, RenderOptions? defaults = null, CancellationToken cancellationToken = default)
    {
        var invocation = Parse(args, workingDirectory, repositoryRoot, defaults);
        if (invocation.Error is { } error)
            return new Result(1, string.Empty, error);
        var chart = invocation.ChartPath!;
        var render = HelmRenderer.Render(new ChartSource(chart, Relative(repositoryRoot, chart)), invocation.Options, cancellationToken);
        var text = HelmTemplateOutput.Format(render);

        // Helm prints what it rendered (with --debug) and the error on stderr; the golden files hold both.
        return render.Failed ? new Result(1, string.Empty, text) : new Result(0, text, string.Empty);
    }

    /// <summary>Reads Helm's flags and positional arguments (<c>[NAME] CHART</c>) with Helm's usage errors.</summary>
    public static Invocation Parse(IReadOnlyList<string> args, string workingDirectory, string repositoryRoot, RenderOptions? defaults = null)
    {
        var options = defaults ?? new RenderOptions();
        var positional = new List<string>();
        var values = ImmutableArray.CreateBuilder<ValuesFile>();
        var sets = ImmutableArray.CreateBuilder<string>();
        var setStrings = ImmutableArray.CreateBuilder<string>();
        var setJson = ImmutableArray.CreateBuilder<string>();
        var setFiles = ImmutableArray.CreateBuilder<string>();
        var showOnly = ImmutableArray.CreateBuilder<string>();
        var apis = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string? inline = null;
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (a.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = a[(eq + 1)..];
                a = a[..eq];
            }

            string? Next()
            {
                if (inline is not null)
                    return inline;
                return i + 1 < args.Count ? args[++i] : null;
            }

            string? value;
            switch (a)
            {
                case "--set":
                case "--set-string":
                case "--set-json":
                case "--set-file":
                case "-f":
                case "--values":
                case "--name-template":
                case "--kube-version":
                case "--api-versions":
                case "-a":
                case "--show-only":
                case "-s":
                case "--namespace":
                case "-n":
                case "--helm-version":
                    value = Next();
                    if (value is null)
                        return Fail($"flag needs an argument: {a}");
                    switch (a)
                    {
                        case "--set": sets.Add(value); break;
                        case "--set-string": setStrings.Add(value); break;
                        case "--set-json": setJson.Add(value); break;
                        case "--set-file": setFiles.Add(value); break;
                        case "-f" or "--values":
                            foreach (var file in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
                            {
                                var full = Path.GetFullPath(file, workingDirectory);
                                if (!File.Exists(full))
                                    return Fail($"open {file}: no such file or directory");
                                values.Add(ValuesFile.Read(full, repositoryRoot));
                            }

                            break;
                        case "--name-template": options = options with { NameTemplate = value }; break;
                        case "--kube-version": options = options with { KubeVersion = value }; break;
                        case "--api-versions" or "-a": apis.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                        case "--show-only" or "-s": showOnly.Add(value); break;
                        case "--helm-version":
                            // Not a Helm flag: which Helm release line to reproduce.
                            if (RenderOptions.ParseHelmLine(value) is not { } line)
                                return Fail($"invalid argument \"{value}\" for \"--helm-version\" flag: must be {RenderOptions.AcceptedHelmVersions}");
                            options = options.ForHelmLine(line);
                            break;
                        default: options = options with { Namespace = value }; break;
                    }

                    break;
                case "--include-crds": options = options with { IncludeCrds = true }; break;
                case "--debug": options = options with { Debug = true }; break;
                case "--skip-tests": options = options with { SkipTests = true }; break;
                case "--no-hooks": options = options with { DisableHooks = true }; break;
                case "--skip-schema-validation": options = options with { SkipSchemaValidation = true }; break;
                case "--hide-secret": options = options with { HideSecret = true }; break;
                case "--dry-run": break; // always a dry run: nothing is ever installed
                default:
                    if (a.StartsWith('-') && a.Length > 1)
                        return Fail($"unknown flag: {a}");
                    positional.Add(a);
                    break;
            }
        }

        if (positional.Count == 0)
            return new Invocation(null, options, "Error: \"helm template\" requires at least 1 argument\n\n" + Usage);
        if (positional.Count > 2)
            return new Invocation(null, options, $"Error: \"helm template\" accepts at most 2 arguments, received {positional.Count}\n\n" + Usage);
        if (positional.Count == 2)
            options = options with { ReleaseName = positional[0] };
        options = options with
        {
            ValuesFiles = values.ToImmutable(),
            SetValues = sets.ToImmutable(),
            SetStringValues = setStrings.ToImmutable(),
            SetJsonValues = setJson.ToImmutable(),
            SetFileValues = setFiles.ToImmutable(),
            ShowOnly = showOnly.ToImmutable(),
            ApiVersions = apis.ToImmutable(),
        };
        return new Invocation(Path.GetFullPath(positional[^1], workingDirectory), options, null);
    }

    private static Invocation Fail(string message) => new(null, new RenderOptions(), "Error: " + message + "\n");

    private static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');
}

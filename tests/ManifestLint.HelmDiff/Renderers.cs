using System.Collections.Immutable;
using System.Diagnostics;
using ManifestLint.Cli;
using ManifestLint.Commands;

namespace ManifestLint.HelmDiff;

/// <summary>What one render printed.</summary>
internal sealed record RenderResult(int ExitCode, string Out, string Error, TimeSpan Elapsed)
{
    public bool Ok => ExitCode == 0;

    /// <summary>The error text as compared: Helm's stderr (or ours) with line ends and trailing blanks normalised.</summary>
    public string ErrorText => Error.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>One case: a chart, with or without one of its ci/ values files.</summary>
internal sealed record DiffCase(string Id, string Chart, string? ValuesFile);

/// <summary>Runs the real helm binary and our render with the same release name, namespace, kube version and values.</summary>
internal sealed class Renderers(string helm, string? ourExecutable, IReadOnlyList<string> ourExtraArgs, string workDir)
{
    public const string ReleaseName = "release-name";
    public const string Namespace = "default";
    public const string KubeVersion = "v1.34.0";

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public Task<RenderResult> HelmAsync(DiffCase c)
    {
        var args = new List<string> { "template", ReleaseName, c.Chart, "--kube-version", KubeVersion, "--namespace", Namespace };
        if (c.ValuesFile is not null)
            args.AddRange(["-f", c.ValuesFile]);
        return RunProcessAsync(helm, args, isolateHelm: true);
    }

    public Task<RenderResult> OursAsync(DiffCase c)
    {
        var args = new List<string> { "render", c.Chart, "--release-name", ReleaseName, "--kube-version", KubeVersion, "--namespace", Namespace };
        if (c.ValuesFile is not null)
            args.AddRange(["-f", c.ValuesFile]);
        args.AddRange(ourExtraArgs);
        return ourExecutable is null ? Task.FromResult(InProcess([.. args])) : RunProcessAsync(ourExecutable, args, isolateHelm: false);
    }

    /// <summary>The CLI's own entry point (the same command parsing and render path as <c>manifestlint render</c>), in this process.</summary>
    private RenderResult InProcess(string[] args)
    {
        var watch = Stopwatch.StartNew();
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(output, error, workDir, ImmutableDictionary<string, string>.Empty, OutputIsTerminal: false);
        int exit;
        try
        {
            exit = ManifestLintCommand.RunAsync(args, environment).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            return new RenderResult(-1, output.ToString(), error + "\nunhandled exception: " + ex, watch.Elapsed);
        }

        return new RenderResult(exit, output.ToString(), error.ToString(), watch.Elapsed);
    }

    private async Task<RenderResult> RunProcessAsync(string file, List<string> args, bool isolateHelm)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        if (isolateHelm)
        {
            // No user configuration, repositories or plugins: the chart folder is all helm reads.
            foreach (var v in new[] { "HELM_CONFIG_HOME", "HELM_CACHE_HOME", "HELM_DATA_HOME" })
                start.Environment[v] = Path.Combine(workDir, "helm-home", v);
            start.Environment.Remove("HELM_DEBUG");
            start.Environment.Remove("KUBECONFIG");
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new RenderResult(-1, await stdout.ConfigureAwait(false), $"timed out after {Timeout.TotalSeconds:0}s", watch.Elapsed);
        }

        return new RenderResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), watch.Elapsed);
    }
}

using System.CommandLine;
using System.CommandLine.Invocation;
using ManifestLint.Cli;
using ManifestLint.Linting;

namespace ManifestLint.Commands;

/// <summary>The root command: <c>lint</c>, <c>rules</c>, <c>explain</c>, <c>rbac</c>, <c>graph</c>, <c>render</c>, and <c>--version</c>.</summary>
public static class ManifestLintCommand
{
    public static RootCommand GetCommand(CliEnvironment environment) => GetCommand(environment, RuleCatalog.BuiltIn);

    public static RootCommand GetCommand(CliEnvironment environment, RuleCatalog catalog)
    {
        var root = new RootCommand("ManifestLint: an offline linter for Kubernetes manifests and Helm charts, with SARIF for GitHub code scanning.")
        {
            LintCommand.GetCommand(environment, catalog),
            RulesCommand.GetCommand(environment, catalog),
            ExplainCommand.GetCommand(environment, catalog),
            RbacCommand.Create(environment),
            GraphCommand.Create(environment),
            RenderCommand.GetCommand(environment),
            KustomizeCommand.GetCommand(environment),
        };
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction(environment);
            }
        }

        return root;
    }

    /// <summary>
    /// Parses and runs. A command line that does not parse is a usage error (exit 2), not System.CommandLine's
    /// default 1, which <c>lint</c> uses for findings.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ParseAndInvokeAsync(args, environment, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await environment.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await environment.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<int> ParseAndInvokeAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        // `manifestlint helm template ...` takes Helm's own command line verbatim, for scripts that call helm template.
        if (args.Length >= 2 && args[0] == "helm" && args[1] == "template")
        {
            var result = Helm.HelmTemplateCommandLine.Run(args[2..], environment.WorkingDirectory, LintSetup.FindRepositoryRoot(environment.WorkingDirectory), cancellationToken: cancellationToken);
            await environment.Out.WriteAsync(result.Output).ConfigureAwait(false);
            await environment.Error.WriteAsync(result.Error).ConfigureAwait(false);
            return result.ExitCode;
        }

        var parseResult = GetCommand(environment).Parse(args);
        var configuration = new InvocationConfiguration { Output = environment.Out, Error = environment.Error };
        if (parseResult.Action is ParseErrorAction parseError)
        {
            // The error and a pointer to help read better than the error followed by the whole help text.
            parseError.ShowHelp = false;
            await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            var command = string.Join(' ', parseResult.CommandResult.Command.Name == parseResult.RootCommandResult.Command.Name
                ? ["manifestlint"]
                : new[] { "manifestlint", parseResult.CommandResult.Command.Name });
            environment.Error.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.UsageError;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private sealed class VersionAction(CliEnvironment environment) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            environment.Out.WriteLine(LintPipeline.ToolVersion);
            environment.Out.Flush();
            return ExitCodes.Success;
        }
    }
}

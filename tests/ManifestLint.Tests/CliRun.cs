using System.Collections.Immutable;
using ManifestLint.Cli;
using ManifestLint.Commands;
using ManifestLint.Testing;

namespace ManifestLint.Tests;

/// <summary>The outcome of one in-process run of <c>manifestlint</c>.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs the CLI in-process from the repository root, with no terminal and no environment variables unless given.</summary>
    public static CliRun Invoke(string[] args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? variables = null, bool terminal = false)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(
            output,
            error,
            workingDirectory ?? RepositoryPaths.Root,
            (variables ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary(StringComparer.Ordinal),
            terminal);
        var exitCode = ManifestLintCommand.RunAsync(args, environment).GetAwaiter().GetResult();
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static CliRun Invoke(params string[] args) => Invoke(args, workingDirectory: null);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

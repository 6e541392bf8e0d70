using System.CommandLine;
using ManifestLint.Cli;
using ManifestLint.Kustomize;

namespace ManifestLint.Commands;

/// <summary><c>manifestlint kustomize build DIR</c>: print what <c>kubectl kustomize DIR</c> prints, offline.</summary>
internal static class KustomizeCommand
{
    private static readonly Argument<string> Directory = new("dir") { Description = "The Kustomize root (a folder holding kustomization.yaml)." };

    public static Command GetCommand(CliEnvironment environment)
    {
        var build = new Command("build", "Build a Kustomize root exactly as `kubectl kustomize` does, offline.") { Directory };
        build.SetAction((parseResult, cancellationToken) => Task.FromResult(CommandGuard.Run(environment, () =>
        {
            var dir = environment.FullPath(parseResult.GetValue(Directory)!);
            if (!System.IO.Directory.Exists(dir))
                throw new UsageException($"folder not found: {parseResult.GetValue(Directory)}");
            var root = LintSetup.FindRepositoryRoot(environment.WorkingDirectory);
            var result = KustomizeBuilder.Build(dir, root, cancellationToken);
            if (!result.Problems.IsEmpty)
            {
                foreach (var p in result.Problems)
                    environment.Error.WriteLine($"Error: {p.Span}: {p.Message}");
                return ExitCodes.FindingsAtOrAboveThreshold;
            }

            environment.Out.Write(result.Text);
            environment.Out.Flush();
            return ExitCodes.Success;
        })));
        return new Command("kustomize", "Kustomize roots: `build` prints a root's output as `kubectl kustomize` does.") { build };
    }
}

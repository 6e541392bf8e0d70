using ManifestLint.Cli;
using ManifestLint.Commands;

var environment = CliEnvironment.FromProcess();
return await ManifestLintCommand.RunAsync(args, environment).ConfigureAwait(false);

using System.CommandLine;
using System.Text;
using ManifestLint.Cli;
using ManifestLint.Rules.Docs;

namespace ManifestLint.Commands;

/// <summary><c>manifestlint rules docs --out DIR</c>: writes <c>&lt;id&gt;.md</c> per rule and the index, generated from rule metadata and fixtures.</summary>
internal static class RulesDocsCommand
{
    public static readonly Option<string> Out = new("--out")
    {
        Description = "Folder to write the docs into (created if missing).",
        Required = true,
        HelpName = "dir",
    };

    public static readonly Option<string?> Fixtures = new("--fixtures")
    {
        Description = "Folder of rule fixtures whose examples the docs show [default: testdata/rules at the repository root].",
        HelpName = "dir",
    };

    public static readonly Option<string?> MigrationOut = new("--migration-out")
    {
        Description = "Also write docs/migrating-from-<tool>.md (kube-score, polaris, kube-linter, checkov) into this folder.",
        HelpName = "dir",
    };

    public static Command GetCommand(CliEnvironment environment, RuleCatalog catalog)
    {
        var command = new Command("docs", "Write the rule documentation (rules/<id>.md and rules/README.md).")
        {
            Out,
            Fixtures,
            MigrationOut,
        };
        command.SetAction(parseResult =>
        {
            var outDir = parseResult.GetValue(Out)!;
            var fixtures = parseResult.GetValue(Fixtures);
            var migrationOut = parseResult.GetValue(MigrationOut);
            return CommandGuard.Run(environment, () =>
            {
                if (migrationOut is not null)
                    WriteAll(environment, MigrationDocs.Generate(catalog.Rules), migrationOut);
                return Write(environment, catalog, outDir, fixtures);
            });
        });
        return command;
    }

    private static int Write(CliEnvironment environment, RuleCatalog catalog, string outDir, string? fixtures)
    {
        var fixturesRoot = fixtures is not null
            ? environment.FullPath(fixtures)
            : Path.Combine(LintSetup.FindRepositoryRoot(environment.WorkingDirectory), "testdata", "rules");
        if (!Directory.Exists(fixturesRoot))
            throw new UsageException($"fixtures folder not found: {fixturesRoot} (run from a clone of the repository or pass --fixtures)");

        WriteAll(environment, RuleDocs.Generate(catalog.Rules, catalog.Reserved, fixturesRoot), outDir);
        return ExitCodes.Success;
    }

    private static void WriteAll(CliEnvironment environment, IReadOnlyDictionary<string, string> docs, string outDir)
    {
        var target = environment.FullPath(outDir);
        Directory.CreateDirectory(target);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (name, content) in docs.OrderBy(d => d.Key, StringComparer.Ordinal))
            File.WriteAllText(Path.Combine(target, name), content, encoding);
        environment.Out.WriteLine($"Wrote {docs.Count} files to {outDir}");
    }
}

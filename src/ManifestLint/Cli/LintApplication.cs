using System.Collections.Immutable;
using System.Text;
using ManifestLint.Core.Baselines;
using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;
using ManifestLint.Linting;
using ManifestLint.Reporting;
using ManifestLint.Reporting.Json;
using ManifestLint.Reporting.Sarif;
using ManifestLint.Reporting.Text;

namespace ManifestLint.Cli;

/// <summary>Runs <c>lint</c>: resolve the setup, run the pipeline, write the report, choose the exit code.</summary>
public static class LintApplication
{
    public static int Run(LintInvocation invocation, CliEnvironment environment, RuleCatalog catalog, CancellationToken cancellationToken)
    {
        var setup = LintSetup.Resolve(invocation, environment, catalog);
        using var progress = invocation.Quiet || !environment.ErrorIsTerminal || environment.IsSet("CI") ? null : new TerminalProgress(environment.Error);
        var report = LintPipeline.Run(setup.Request, environment.WorkingDirectory, progress, cancellationToken);
        progress?.Dispose();

        if (invocation.WriteBaselinePath is { } writeBaseline)
        {
            var baseline = Baseline.From(report.Findings);
            var target = environment.FullPath(writeBaseline);
            try
            {
                AtomicFile.WriteAllText(target, baseline.ToJson());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write {writeBaseline}: {e.Message}");
            }

            environment.Error.WriteLine($"manifestlint: wrote {baseline.Entries.Length} finding(s) to baseline {writeBaseline}");
            return ExitCodes.Success;
        }

        IReadOnlyDictionary<string, SarifBaselineState>? baselineStates = null;
        if (invocation.BaselinePath is { } baselinePath)
        {
            var full = environment.FullPath(baselinePath);
            if (!File.Exists(full))
                throw new UsageException($"baseline file not found: {baselinePath}");
            Baseline baseline;
            try
            {
                baseline = Baseline.Parse(File.ReadAllText(full), baselinePath);
            }
            catch (BaselineFormatException e)
            {
                throw new UsageException(e.Message);
            }

            var comparison = baseline.Compare(report.Findings, baselinePath);
            report = report with { Findings = comparison.Findings };
            baselineStates = comparison.InBaseline.ToDictionary(p => p.Key, p => p.Value ? SarifBaselineState.Unchanged : SarifBaselineState.New, StringComparer.Ordinal);
            if (!comparison.Absent.IsEmpty)
                environment.Error.WriteLine($"manifestlint: {comparison.Absent.Length} baseline entr{(comparison.Absent.Length == 1 ? "y no longer occurs" : "ies no longer occur")}; run with --write-baseline {baselinePath} to shrink the file");
        }

        var toFile = invocation.OutputPath is not null;
        var color = invocation.Format == OutputFormat.Text && !toFile && environment.OutputIsTerminal
            && !invocation.NoColor && !environment.IsSet("NO_COLOR");
        var reporter = CreateReporter(invocation, color, baselineStates);

        ImmutableArray<string> warnings;
        if (invocation.OutputPath is { } outputPath)
        {
            var full = environment.FullPath(outputPath);
            warnings = WriteFile(full, report, reporter);
            if (!invocation.Quiet)
                environment.Error.WriteLine($"manifestlint: {FormatName(invocation.Format)} report written to {outputPath}: {TextReporter.Summary(report)}");
        }
        else
        {
            // Rendered in full before any of it is printed: a reporter failure leaves no half report on stdout.
            using var buffer = new StringWriter { NewLine = "\n" };
            warnings = Write(reporter, report, buffer);
            environment.Out.Write(buffer.ToString());
            environment.Out.Flush();
        }

        // Over GitHub's limits an upload is rejected or truncated: say so rather than let results vanish.
        foreach (var warning in warnings)
            environment.Error.WriteLine($"manifestlint: warning: {warning}");

        return CountFailing(report, setup.FailOn) > 0 ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
    }

    /// <summary>Unsuppressed findings at or above the threshold (input problems included).</summary>
    public static int CountFailing(LintReport report, FailOn failOn)
    {
        if (failOn == FailOn.None)
            return 0;
        var threshold = failOn switch
        {
            FailOn.Error => Severity.Error,
            FailOn.Warning => Severity.Warning,
            _ => Severity.Note,
        };
        return report.Findings.Count(f => !f.IsSuppressed && f.Severity >= threshold);
    }

    private static IReporter CreateReporter(LintInvocation invocation, bool color, IReadOnlyDictionary<string, SarifBaselineState>? baselineStates) => invocation.Format switch
    {
        OutputFormat.Json => new JsonReporter(),
        OutputFormat.Sarif => new SarifReporter(new SarifReporterOptions(Category: invocation.SarifCategory, BaselineStates: baselineStates)),
        OutputFormat.GitHub => new Reporting.GitHub.GitHubReporter(),
        _ => new TextReporter(new TextReporterOptions(Color: color, ShowSuppressed: invocation.ShowSuppressed, Quiet: invocation.Quiet)),
    };

    private static string FormatName(OutputFormat format) => CliNames.Formats[(int)format];

    private static ImmutableArray<string> Write(IReporter reporter, LintReport report, TextWriter output)
    {
        if (reporter is SarifReporter sarif)
            return sarif.WriteChecked(report, output).LimitWarnings;
        reporter.Write(report, output);
        return [];
    }

    private static ImmutableArray<string> WriteFile(string path, LintReport report, IReporter reporter)
    {
        try
        {
            return AtomicFile.Write(path, writer => Write(reporter, report, writer));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {e.Message}");
        }
    }
}

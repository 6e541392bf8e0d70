using ManifestLint.Core.Reports;

namespace ManifestLint.Reporting;

/// <summary>Turns a finished lint report into one output format. Implementations are deterministic: the same report gives the same text.</summary>
public interface IReporter
{
    void Write(LintReport report, TextWriter output);
}

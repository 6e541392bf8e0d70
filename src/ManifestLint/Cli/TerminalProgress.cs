using System.Diagnostics;
using System.Globalization;
using ManifestLint.Linting;

namespace ManifestLint.Cli;

/// <summary>
/// A one-line progress indicator on stderr for interactive runs that take more than a second. Created only
/// when stderr is a terminal and not in CI, so logs and pipes never see it; cleared when the run ends.
/// </summary>
internal sealed class TerminalProgress : IProgress<LintProgress>, IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private readonly TextWriter _error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _lastDrawTicks;
    private bool _shown;
    private bool _disposed;

    public TerminalProgress(TextWriter error) => _error = error;

    public void Report(LintProgress value)
    {
        if (_clock.Elapsed < Delay)
            return;
        lock (_gate)
        {
            // Redraw at most ten times a second, and always the final count.
            if (_disposed || (_clock.ElapsedTicks - _lastDrawTicks < Stopwatch.Frequency / 10 && value.FilesDone != value.FilesTotal))
                return;
            _lastDrawTicks = _clock.ElapsedTicks;
            _error.Write(string.Create(CultureInfo.InvariantCulture, $"\rmanifestlint: read {value.FilesDone}/{value.FilesTotal} files"));
            _error.Flush();
            _shown = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            if (_shown)
            {
                _error.Write("\r\u001b[2K");
                _error.Flush();
            }
        }
    }
}

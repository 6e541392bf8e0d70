using System.Text.Json;
using ManifestLint.Cli;

namespace ManifestLint.Tests.Isolation;

/// <summary>A report file is the old one or the complete new one, never a prefix.</summary>
public sealed class AtomicOutputTests
{
    [Fact]
    public void A_writer_that_fails_half_way_leaves_the_previous_report_and_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("report.sarif", "previous complete report\n");

        var ex = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write<int>(path, w =>
        {
            w.Write(new string('x', 100_000));
            w.Flush();
            throw new InvalidOperationException("reporter failed");
        }));

        Assert.Equal("reporter failed", ex.Message);
        Assert.Equal("previous complete report\n", File.ReadAllText(path));
        Assert.False(File.Exists(AtomicFile.TemporaryPathFor(path)));
    }

    [Fact]
    public void A_failed_first_write_leaves_no_file_at_all()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "out", "new.json");

        Assert.Throws<IOException>(() => AtomicFile.Write<int>(path, w =>
        {
            w.Write("{\"findings\": [");
            throw new IOException("disk full");
        }));

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Lint_output_replaces_an_existing_report_whole_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        folder.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx\n");
        var report = folder.Write("out/report.sarif", new string('x', 1_000_000));

        var run = CliRun.Invoke(["lint", "pod.yaml", "--format", "sarif", "--output", "out/report.sarif", "--fail-on", "none"], folder.Path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal(["report.sarif"], Directory.EnumerateFiles(Path.Combine(folder.Path, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Output_that_cannot_be_written_is_exit_2_and_touches_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("pod.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        folder.Write("blocker", "a file where a folder should be\n");

        var run = CliRun.Invoke(["lint", "pod.yaml", "--format", "json", "--output", "blocker/report.json"], folder.Path);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("cannot write", run.Error, StringComparison.Ordinal);
        Assert.Equal("a file where a folder should be\n", File.ReadAllText(Path.Combine(folder.Path, "blocker")));
    }

    [Fact]
    public void Devices_are_written_in_place_never_replaced_by_a_renamed_file()
    {
        // Renaming report.tmp over /dev/null once turned /dev/null into a regular file on a shared machine (run as root).
        Assert.Equal(!OperatingSystem.IsWindows(), AtomicFile.IsDevice("/dev/null"));
        Assert.Equal(!OperatingSystem.IsWindows(), AtomicFile.IsDevice("/dev/fd/63"));
        Assert.Equal(!OperatingSystem.IsWindows(), AtomicFile.IsDevice("/proc/self/fd/1"));
        Assert.False(AtomicFile.IsDevice("/tmp/report.sarif"));
        Assert.False(AtomicFile.IsDevice("/work/dev/null"));
    }
}

using System.Text.Json;

namespace ManifestLint.Tests.Isolation;

/// <summary>A scratch folder of input files, deleted at the end of a test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"manifestlint-iso-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string Write(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>Runs <c>manifestlint lint . --format json</c> in the folder (plus <paramref name="args"/>).</summary>
    public (CliRun Run, List<JsonFinding> Findings) LintJson(params string[] args)
    {
        var run = CliRun.Invoke(["lint", ".", "--format", "json", .. args], Path);
        if (run.ExitCode is not (ExitCodes.Success or ExitCodes.FindingsAtOrAboveThreshold))
            return (run, []);
        using var doc = JsonDocument.Parse(run.Out);
        return (run, doc.RootElement.GetProperty("findings").EnumerateArray().Select(JsonFinding.From).ToList());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

namespace ManifestLint.Fuzz;

/// <summary>
/// A private scratch folder for the targets that need files on disk (chart folders, lint runs), in RAM when
/// <c>/dev/shm</c> exists. One per process; emptied and refilled for every input.
/// </summary>
internal static class Scratch
{
    public static string Root { get; } = CreateRoot();

    private static string CreateRoot()
    {
        var baseDir = Environment.GetEnvironmentVariable("MANIFESTLINT_FUZZ_SCRATCH");
        if (string.IsNullOrEmpty(baseDir))
            baseDir = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var root = Path.Combine(baseDir, $"manifestlint-fuzz-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    /// <summary>An empty folder <paramref name="name"/> under the root.</summary>
    public static string Reset(string name)
    {
        var dir = Path.Combine(Root, name);
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void Write(string dir, string relative, string text)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

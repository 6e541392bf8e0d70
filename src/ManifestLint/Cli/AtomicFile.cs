using System.Text;

namespace ManifestLint.Cli;

/// <summary>
/// Writes a report so that readers see either the previous file or the complete new one, never a prefix:
/// the content goes to <c>&lt;file&gt;.tmp</c> in the same folder, which is renamed over the target only once
/// it is complete and flushed. A failure on the way deletes the temporary file and leaves the target as it was.
/// </summary>
public static class AtomicFile
{
    /// <summary>The temporary file used for <paramref name="path"/> (<c>.gitignore</c> lists <c>*.sarif.tmp</c>).</summary>
    public static string TemporaryPathFor(string path) => path + ".tmp";

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/> (UTF-8 without BOM, LF line ends) and returns what it returned.</summary>
    public static T Write<T>(string path, Func<TextWriter, T> write)
    {
        var full = Path.GetFullPath(path);
        if (IsDevice(full))
        {
            // `--output /dev/null` or `/dev/stdout`: renaming a temporary file over a device would replace the device
            // with a regular file (for root, system-wide), so the report is written to it directly.
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            using var deviceWriter = new StreamWriter(device, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
            return write(deviceWriter);
        }

        if (Path.GetDirectoryName(full) is { Length: > 0 } dir)
            Directory.CreateDirectory(dir);
        var temp = TemporaryPathFor(full);
        try
        {
            T result;
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                result = write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            return result;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) => Write(path, w =>
    {
        w.Write(text);
        return 0;
    });

    /// <summary>Device and process files (<c>/dev/null</c>, <c>/dev/stdout</c>, <c>/dev/fd/63</c> from <c>&gt;(…)</c>) on Unix.</summary>
    internal static bool IsDevice(string fullPath) =>
        !OperatingSystem.IsWindows()
        && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one worth reporting.
        }
    }
}

using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace ManifestLint.Helm.Tests;

public sealed class ChartArchiveTests
{
    private static byte[] Archive(params (string Name, string Text, TarEntryType Type)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (name, text, type) in entries)
            {
                var entry = new PaxTarEntry(type, name);
                if (type == TarEntryType.SymbolicLink)
                    entry.LinkName = "/etc/passwd";
                else
                    entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text));
                tar.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    private const string ChartYaml = "apiVersion: v2\nname: packed\nversion: 0.1.0\n";

    [Fact]
    public void Archive_loads_in_memory_with_the_top_folder_stripped()
    {
        var chart = ChartLoader.LoadArchive(Archive(("packed/Chart.yaml", ChartYaml, TarEntryType.RegularFile), ("packed/templates/a.yaml", "kind: A\n", TarEntryType.RegularFile)), "charts/packed-0.1.0.tgz");

        Assert.Equal("packed", chart.Name);
        Assert.Equal("templates/a.yaml", Assert.Single(chart.Templates).Name);
        Assert.True(chart.FromArchive);
    }

    [Theory]
    [InlineData("packed/../../evil.yaml", "parent directory")]
    [InlineData("/abs/evil.yaml", "absolute paths")]
    public void Unsafe_paths_are_refused(string name, string expected)
    {
        var ex = Assert.Throws<ChartLoadException>(() => ChartLoader.LoadArchive(Archive(("packed/Chart.yaml", ChartYaml, TarEntryType.RegularFile), (name, "x", TarEntryType.RegularFile)), "x.tgz"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_refused()
    {
        var ex = Assert.Throws<ChartLoadException>(() => ChartLoader.LoadArchive(Archive(("packed/Chart.yaml", ChartYaml, TarEntryType.RegularFile), ("packed/templates/l.yaml", string.Empty, TarEntryType.SymbolicLink)), "x.tgz"));
        Assert.Contains("link", ex.Message, StringComparison.Ordinal);
    }
}

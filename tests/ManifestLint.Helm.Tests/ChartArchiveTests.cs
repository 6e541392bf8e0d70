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

    // Found by fuzzing (fuzz/README.md): a tar stream that ends inside a header or an entry's data made TarReader
    // throw EndOfStreamException, which escaped the loader.
    [Theory]
    [InlineData(100)]
    [InlineData(600)]
    [InlineData(1030)]
    public void Truncated_tar_inside_a_valid_gzip_is_a_chart_load_error(int keep)
    {
        using var tarBytes = new MemoryStream();
        using (var tar = new TarWriter(tarBytes, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "packed/Chart.yaml") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(ChartYaml + new string('#', 700))) };
            tar.WriteEntry(entry);
        }

        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(tarBytes.ToArray().AsSpan(0, keep));

        var ex = Assert.Throws<ChartLoadException>(() => ChartLoader.LoadArchive(gz.ToArray(), "cut.tgz"));
        Assert.Contains("cut.tgz", ex.Message, StringComparison.Ordinal);
    }

    // Found by fuzzing (fuzz/README.md): damaged header fields made TarReader throw InvalidOperationException (an
    // extended-attributes entry claiming more data than allowed) or OverflowException (a number beyond Int64).
    [Theory]
    [InlineData(124, "77777777777\0")]
    [InlineData(124, "\x80\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f")]
    [InlineData(136, "\xff\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f")]
    public void Damaged_number_field_in_a_tar_header_is_a_chart_load_error(int offset, string field)
    {
        using var tarBytes = new MemoryStream();
        using (var tar = new TarWriter(tarBytes, TarEntryFormat.Pax, leaveOpen: true))
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "packed/Chart.yaml") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(ChartYaml)) });
        var bytes = tarBytes.ToArray();
        for (var i = 0; i < field.Length; i++)
            bytes[offset + i] = (byte)field[i];

        // A correct checksum, so the reader gets as far as the damaged field.
        var sum = 0;
        for (var i = 0; i < 512; i++)
            sum += i is >= 148 and < 156 ? ' ' : bytes[i];
        var checksum = Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ");
        checksum.CopyTo(bytes, 148);

        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);

        var ex = Assert.Throws<ChartLoadException>(() => ChartLoader.LoadArchive(gz.ToArray(), "damaged.tgz"));
        Assert.Contains("damaged.tgz", ex.Message, StringComparison.Ordinal);
    }
}

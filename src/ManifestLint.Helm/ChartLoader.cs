using System.Collections.Immutable;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm;

/// <summary>Loads charts from folders and <c>.tgz</c> archives as Helm's loader does (without any network or cache).</summary>
public static class ChartLoader
{
    /// <summary>Loads the chart in <paramref name="directory"/>; <paramref name="sourcePath"/> is its repository-relative path.</summary>
    /// <exception cref="ChartLoadException">The chart is invalid (Helm's message).</exception>
    public static HelmChart LoadDirectory(string directory, string sourcePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(directory) && !Directory.Exists(directory))
            return LoadArchive(File.ReadAllBytes(directory), sourcePath);
        if (!Directory.Exists(directory))
            throw new ChartLoadException($"path \"{sourcePath}\" not found");
        var ignorePath = Path.Combine(directory, ".helmignore");
        var ignore = HelmIgnore.Parse(File.Exists(ignorePath) ? File.ReadAllText(ignorePath) : null);
        var files = new List<ChartFile>();
        Walk(directory, string.Empty, ignore, files, cancellationToken);
        return LoadFiles(files, sourcePath, fromArchive: false);
    }

    /// <summary>Loads a chart archive held in memory. Entries with <c>..</c>, absolute paths or links are refused.</summary>
    /// <exception cref="ChartLoadException">The archive is unsafe or the chart invalid.</exception>
    public static HelmChart LoadArchive(byte[] archive, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var files = new List<ChartFile>();
        try
        {
            using var input = new MemoryStream(archive, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                var name = entry.Name.Replace('\\', '/');
                if (entry.EntryType is TarEntryType.Directory or TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
                    continue;
                if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
                    throw new ChartLoadException($"chart archive {sourcePath}: entry \"{name}\" is a link, which charts may not contain");
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    continue;
                if (name.StartsWith('/') || (name.Length > 1 && name[1] == ':'))
                    throw new ChartLoadException($"chart archive {sourcePath}: chart illegally contains absolute paths (\"{name}\")");
                if (name.Split('/').Any(p => p == ".."))
                    throw new ChartLoadException($"chart archive {sourcePath}: chart illegally references parent directory (\"{name}\")");

                // Archives hold one top folder named after the chart; paths inside the chart start below it.
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                var inner = slash < 0 ? name : name[(slash + 1)..];
                if (inner.Length == 0)
                    continue;
                using var data = new MemoryStream();
                entry.DataStream?.CopyTo(data);
                files.Add(new ChartFile(inner, data.ToArray()));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ChartLoadException($"chart archive {sourcePath} cannot be read: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new ChartLoadException($"chart archive {sourcePath} cannot be read: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is EndOfStreamException or OverflowException or InvalidOperationException)
        {
            // TarReader on a damaged header: a stream cut short, a number field out of range, an extended-attributes
            // entry larger than it may be.
            throw new ChartLoadException($"chart archive {sourcePath} cannot be read: {ex.Message}", ex);
        }

        if (files.Count == 0)
            throw new ChartLoadException($"chart archive {sourcePath}: no files in chart archive");
        return LoadFiles(files, sourcePath, fromArchive: true);
    }

    private static ImmutableArray<(string Name, string Email, string Url)> Maintainers(GoMap meta)
    {
        if (!meta.TryGetValue("maintainers", out var value) || value is not GoList list)
            return [];
        return [.. list.OfType<GoMap>().Select(m => (Str(m, "name"), Str(m, "email"), Str(m, "url")))];
    }

    private static void Walk(string root, string relative, HelmIgnore ignore, List<ChartFile> files, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = relative.Length == 0 ? root : Path.Combine(root, relative);
        foreach (var entry in Directory.EnumerateFileSystemEntries(full).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            var rel = relative.Length == 0 ? name : relative + "/" + name;
            var isDir = Directory.Exists(entry);
            if (ignore.Ignore(rel, isDir))
                continue;
            if (isDir)
                Walk(root, rel, ignore, files, cancellationToken);
            else
                files.Add(new ChartFile(rel, File.ReadAllBytes(entry)));
        }
    }

    internal static HelmChart LoadFiles(List<ChartFile> files, string sourcePath, bool fromArchive)
    {
        var chartYaml = files.FirstOrDefault(f => f.Name == "Chart.yaml")
            ?? throw new ChartLoadException("Chart.yaml file is missing");
        GoMap meta;
        try
        {
            meta = GoYaml.Parse(chartYaml.Text, null) as GoMap ?? new GoMap();
        }
        catch (GoYamlException ex)
        {
            throw new ChartLoadException("cannot load Chart.yaml: " + ex.Message, ex) { Path = Join(sourcePath, "Chart.yaml"), Line = ex.Line ?? 0 };
        }

        var deps = ReadDependencies(meta);
        var apiVersion = Str(meta, "apiVersion");
        var valuesPath = Join(sourcePath, "values.yaml");
        var values = new GoMap(GoMap.ValuesType);
        string? schema = null;
        var templates = ImmutableArray.CreateBuilder<ChartFile>();
        var others = ImmutableArray.CreateBuilder<ChartFile>();
        var subchartFiles = new SortedDictionary<string, List<ChartFile>>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            switch (f.Name)
            {
                case "Chart.yaml":
                case "Chart.lock":
                case "requirements.lock":
                    continue;
                case "values.yaml":
                    try
                    {
                        values = GoYaml.ParseValues(f.Text, valuesPath);
                    }
                    catch (GoYamlException ex)
                    {
                        throw new ChartLoadException("cannot load values.yaml: " + ex.Message, ex) { Path = valuesPath, Line = ex.Line ?? 0 };
                    }

                    continue;
                case "values.schema.json":
                    schema = f.Text;
                    continue;
                case "requirements.yaml":
                    if (apiVersion == "v1" && GoYaml.Parse(f.Text, null) is GoMap req)
                        deps = deps.AddRange(ReadDependencies(req));
                    others.Add(f);
                    continue;
            }

            if (f.Name.StartsWith("templates/", StringComparison.Ordinal))
            {
                templates.Add(f);
            }
            else if (f.Name.StartsWith("charts/", StringComparison.Ordinal))
            {
                var rest = f.Name["charts/".Length..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                var key = slash < 0 ? rest : rest[..slash];
                if (slash < 0 && !(key.EndsWith(".tgz", StringComparison.Ordinal) || key.EndsWith(".tar.gz", StringComparison.Ordinal)))
                {
                    others.Add(f);
                    continue;
                }

                if (!subchartFiles.TryGetValue(key, out var list))
                    subchartFiles[key] = list = [];
                list.Add(slash < 0 ? f : f with { Name = rest[(slash + 1)..] });
            }
            else
            {
                others.Add(f);
            }
        }

        var subcharts = ImmutableArray.CreateBuilder<HelmChart>();
        foreach (var (key, list) in subchartFiles)
        {
            var subPath = Join(sourcePath, "charts/" + key);
            if (list.Count == 1 && list[0].Name.StartsWith("charts/", StringComparison.Ordinal))
                subcharts.Add(LoadArchive(list[0].Data, subPath));
            else
                subcharts.Add(LoadFiles(list, subPath, fromArchive));
        }

        var metadata = new ChartMetadata
        {
            Name = Str(meta, "name"),
            Home = Str(meta, "home"),
            Sources = OptionalStrings(meta, "sources"),
            Version = Str(meta, "version"),
            Description = Str(meta, "description"),
            Keywords = OptionalStrings(meta, "keywords"),
            Icon = Str(meta, "icon"),
            ApiVersion = apiVersion,
            Condition = Str(meta, "condition"),
            Tags = Str(meta, "tags"),
            AppVersion = Str(meta, "appVersion"),
            Deprecated = meta.TryGetValue("deprecated", out var d) && d is true,
            Annotations = Annotations(meta),
            KubeVersion = Str(meta, "kubeVersion"),
            Type = Str(meta, "type"),
        };
        Validate(metadata, deps);
        return new HelmChart
        {
            Metadata = metadata,
            Maintainers = Maintainers(meta),
            Dependencies = deps,
            Values = values,
            ValuesPath = valuesPath,
            Schema = schema,
            Templates = templates.ToImmutable(),
            Files = others.ToImmutable(),
            Subcharts = subcharts.ToImmutable(),
            SourcePath = sourcePath,
            FromArchive = fromArchive,
        };
    }

    private static void Validate(ChartMetadata md, ImmutableArray<ChartDependency> deps)
    {
        if (md.ApiVersion.Length == 0)
            throw new ChartLoadException("validation: chart.metadata.apiVersion is required");
        if (md.Name.Length == 0)
            throw new ChartLoadException("validation: chart.metadata.name is required");
        if (md.Name.Contains('/', StringComparison.Ordinal) || md.Name.Contains('\\', StringComparison.Ordinal) || md.Name is "." or "..")
            throw new ChartLoadException($"validation: chart.metadata.name \"{md.Name}\" is invalid");
        if (md.Version.Length == 0)
            throw new ChartLoadException("validation: chart.metadata.version is required");
        if (!IsSemver(md.Version))
            throw new ChartLoadException($"validation: chart.metadata.version \"{md.Version}\" is invalid");
        if (md.Type is not ("" or "application" or "library"))
            throw new ChartLoadException("validation: chart.metadata.type must be application or library");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dep in deps)
        {
            if (!seen.Add(dep.EffectiveName))
                throw new ChartLoadException($"validation: more than one dependency with name or alias \"{dep.EffectiveName}\"");
        }
    }

    // Masterminds/semver's loose form: optional v, one to three numeric parts, optional pre-release and build.
    private static bool IsSemver(string v) =>
        System.Text.RegularExpressions.Regex.IsMatch(
            v,
            @"^v?[0-9]+(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

    private static ImmutableArray<ChartDependency> ReadDependencies(GoMap meta)
    {
        if (!meta.TryGetValue("dependencies", out var value) || value is not GoList list)
            return [];
        var result = ImmutableArray.CreateBuilder<ChartDependency>();
        foreach (var item in list)
        {
            if (item is not GoMap m)
                continue;
            var imports = m.TryGetValue("import-values", out var iv) && iv is GoList ivl ? ivl.ToImmutableArray() : [];
            result.Add(new ChartDependency(
                Str(m, "name"), Str(m, "version"), Str(m, "repository"), Str(m, "condition"), Strings(m, "tags"), Str(m, "alias"), imports));
        }

        return result.ToImmutable();
    }

    private static string Str(GoMap map, string key) => map.TryGetValue(key, out var v) ? v switch
    {
        null => string.Empty,
        string s => s,
        double dbl => dbl.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => string.Empty,
    }
    : string.Empty;

    // Helm's Metadata keeps a missing list as a nil slice (toYaml writes null); ChartMetadata reads default as nil.
    private static ImmutableArray<string> OptionalStrings(GoMap map, string key) =>
        map.TryGetValue(key, out var v) && v is GoList list ? [.. list.Select(x => x as string ?? string.Empty)] : default;

    private static ImmutableArray<string> Strings(GoMap map, string key) =>
        map.TryGetValue(key, out var v) && v is GoList list ? [.. list.Select(x => x as string ?? string.Empty)] : [];

    // Absent annotations stay a nil map in Helm's Metadata (toJson writes null); an empty mapping is an empty map.
    private static ImmutableSortedDictionary<string, string>? Annotations(GoMap meta)
    {
        if (!meta.TryGetValue("annotations", out var v) || v is not GoMap m)
            return null;
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (k, val) in m)
            builder[k] = val as string ?? string.Empty;
        return builder.ToImmutable();
    }

    internal static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix.TrimEnd('/') + "/" + name;
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace ManifestLint.Schemas.Generator;

/// <summary>
/// Builds <c>kubernetes-api.bin.gz</c>: the compact schema model of every minor 1.16–1.36. Definitions that are equal
/// (after dropping descriptions and normalising names) are stored once and shared by every minor that has them.
/// </summary>
internal static class SchemaDataWriter
{
    public const int FirstMinor = 16;
    public const int LastMinor = 36;

    public static byte[] Build(string sharedDir, TextWriter log)
    {
        var k8s = Path.Combine(sharedDir, "kubernetes");
        var enums130 = EnumTable.Load(Path.Combine(k8s, "enums", "v1.30.tsv"));
        var enums136 = EnumTable.Load(Path.Combine(k8s, "enums", "v1.36.tsv"));
        var specs = new Dictionary<int, SpecReader>();
        for (var minor = FirstMinor; minor <= LastMinor; minor++)
        {
            var full = Path.Combine(k8s, "openapi", $"v1.{minor}.json.gz");
            var defsOnly = Path.Combine(k8s, "deprecations", "cdk8s-definitions", $"v1.{minor}.json.gz");
            specs[minor] = SpecReader.Load(File.Exists(full) ? full : defsOnly, minor);
        }

        var strings = new StringTable();
        var defIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var defs = new List<(int Name, byte[] Body)>();
        var versions = new List<(int Minor, List<int> Defs, List<GvkRow> Gvks)>();
        var resources = specs.ToDictionary(s => s.Key, s => s.Value.Resources());

        foreach (var (minor, spec) in specs.OrderBy(s => s.Key))
        {
            var normalise = ShortNameNormaliser(spec, specs);
            var encoder = new SchemaEncoder(strings, minor <= 30 ? enums130 : enums136, normalise);
            var defIds = new List<int>();
            var gvks = new List<GvkRow>();
            foreach (var def in spec.Definitions.EnumerateObject().OrderBy(d => normalise(d.Name), StringComparer.Ordinal))
            {
                var name = normalise(def.Name);
                var body = encoder.EncodeDefinition(name, def.Value);
                var nameId = strings.Id(name);
                var key = nameId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Convert.ToHexString(SHA256.HashData(body));
                if (!defIndex.TryGetValue(key, out var id))
                {
                    id = defs.Count;
                    defs.Add((nameId, body));
                    defIndex[key] = id;
                }

                defIds.Add(id);
                if (def.Value.TryGetProperty("x-kubernetes-group-version-kind", out var gvkList) && gvkList.GetArrayLength() == 1)
                {
                    var g = gvkList[0];
                    var gvk = (g.GetProperty("group").GetString() ?? string.Empty, g.GetProperty("version").GetString() ?? string.Empty, g.GetProperty("kind").GetString() ?? string.Empty);
                    var resource = FindResource(resources, minor, gvk);
                    gvks.Add(new GvkRow(strings.Id(gvk.Item1), strings.Id(gvk.Item2), strings.Id(gvk.Item3), nameId, resource is { } r ? strings.Id(r.Plural) : 0, resource?.Namespaced ?? false, resource is not null));
                }
            }

            gvks.Sort((a, b) => (strings.Strings[a.Group], strings.Strings[a.Version], strings.Strings[a.Kind]).CompareTo((strings.Strings[b.Group], strings.Strings[b.Version], strings.Strings[b.Kind])));
            versions.Add((minor, defIds, gvks));
            log.WriteLine($"1.{minor}: {defIds.Count} definitions, {gvks.Count} kinds{(spec.HasPaths ? string.Empty : " (definitions only; resources from neighbouring minors)")}");
        }

        using var raw = new MemoryStream();
        using (var w = new BinaryWriter(raw, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(SchemaFormat.Magic);
            w.Write7BitEncodedInt(SchemaFormat.Version);
            w.Write7BitEncodedInt(strings.Strings.Count);
            foreach (var s in strings.Strings)
                w.Write(s);
            w.Write7BitEncodedInt(defs.Count);
            foreach (var (name, body) in defs)
            {
                w.Write7BitEncodedInt(name);
                w.Write7BitEncodedInt(body.Length);
                w.Write(body);
            }

            w.Write7BitEncodedInt(versions.Count);
            foreach (var (minor, defIds, gvks) in versions)
            {
                w.Write7BitEncodedInt(minor);
                w.Write7BitEncodedInt(defIds.Count);
                foreach (var id in defIds)
                    w.Write7BitEncodedInt(id);
                w.Write7BitEncodedInt(gvks.Count);
                foreach (var g in gvks)
                {
                    w.Write7BitEncodedInt(g.Group);
                    w.Write7BitEncodedInt(g.Version);
                    w.Write7BitEncodedInt(g.Kind);
                    w.Write7BitEncodedInt(g.Definition);
                    w.Write7BitEncodedInt(g.Plural);
                    w.Write((byte)((g.Namespaced ? SchemaFormat.FlagNamespaced : 0) | (g.ResourceKnown ? SchemaFormat.FlagResourceKnown : 0)));
                }
            }
        }

        var total = versions.Sum(v => v.Defs.Count);
        log.WriteLine($"{defs.Count} distinct definitions for {total} (minor, definition) pairs; {strings.Strings.Count} strings; {raw.Length} bytes before compression");
        // GZip rather than Brotli: zlib is already in the native binary (charts' .tgz), Brotli would add its own library.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            raw.WriteTo(gzip);

        log.WriteLine($"{compressed.Length} bytes compressed");
        foreach (var spec in specs.Values)
            spec.Document.Dispose();
        return compressed.ToArray();
    }

    private static (string Plural, bool Namespaced)? FindResource(
        Dictionary<int, Dictionary<(string, string, string), (string, bool)>> resources, int minor, (string, string, string) gvk)
    {
        // Definitions-only minors have no paths: the nearest minor with the same kind says (later first, as plurals never change).
        for (var distance = 0; distance <= LastMinor - FirstMinor; distance++)
        {
            foreach (var m in (int[])[minor + distance, minor - distance])
            {
                if (resources.TryGetValue(m, out var table) && table.TryGetValue(gvk, out var r))
                    return r;
            }
        }

        return null;
    }

    /// <summary>
    /// The 1.25 spec uses a client generator's short names (<c>v1.Pod</c>, <c>core.v1.Event</c>, <c>intstr.IntOrString</c>):
    /// each is the only full name of the neighbouring minors that ends with it.
    /// </summary>
    private static Func<string, string> ShortNameNormaliser(SpecReader spec, Dictionary<int, SpecReader> all)
    {
        if (spec.DefinitionNames().All(n => n.StartsWith("io.k8s.", StringComparison.Ordinal)))
            return n => n;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var neighbours = new[] { spec.Minor - 1, spec.Minor + 1, spec.Minor - 2, spec.Minor + 2, spec.Minor - 3, spec.Minor + 3 }
            .Where(all.ContainsKey).Select(m => all[m].DefinitionNames().ToList()).ToList();
        foreach (var shortName in spec.DefinitionNames())
        {
            string? found = null;
            foreach (var names in neighbours)
            {
                var candidates = names.Where(n => n.EndsWith("." + shortName, StringComparison.Ordinal)).ToList();
                if (candidates.Count == 1)
                {
                    found = candidates[0];
                    break;
                }
            }

            map[shortName] = found ?? throw new InvalidOperationException($"1.{spec.Minor}: cannot normalise definition name '{shortName}'");
        }

        return n => map.TryGetValue(n, out var full) ? full : n;
    }

    private readonly record struct GvkRow(int Group, int Version, int Kind, int Definition, int Plural, bool Namespaced, bool ResourceKnown);
}

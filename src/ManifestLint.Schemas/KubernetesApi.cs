using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;

namespace ManifestLint.Schemas;

/// <summary>
/// The embedded Kubernetes API model (every minor 1.16–1.36), written by ManifestLint.Schemas.Generator from the
/// upstream OpenAPI specs. The data file is decompressed on first use; each minor's index is built when that minor is
/// first asked for, and each definition is decoded when a document first needs it.
/// </summary>
public sealed class KubernetesApi
{
    private static readonly Lazy<KubernetesApi> EmbeddedInstance = new(() => Load(OpenResource()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly byte[] _data;
    private readonly string[] _strings;
    private readonly int[] _definitionNames;
    private readonly int[] _definitionOffsets;
    private readonly ImmutableSortedDictionary<int, int> _versionOffsets;
    private readonly ApiVersionSchema?[] _versions;

    private KubernetesApi(byte[] data, string[] strings, int[] definitionNames, int[] definitionOffsets, ImmutableSortedDictionary<int, int> versionOffsets)
    {
        _data = data;
        _strings = strings;
        _definitionNames = definitionNames;
        _definitionOffsets = definitionOffsets;
        _versionOffsets = versionOffsets;
        _versions = new ApiVersionSchema?[versionOffsets.Keys.Max() + 1];
    }

    /// <summary>The model embedded in the tool.</summary>
    public static KubernetesApi Embedded => EmbeddedInstance.Value;

    /// <summary>Minor versions of Kubernetes 1.x the model covers, ascending.</summary>
    public IEnumerable<int> Minors => _versionOffsets.Keys;

    public int NewestMinor => _versionOffsets.Keys.Max();

    public int OldestMinor => _versionOffsets.Keys.Min();

    /// <summary>Distinct definitions stored (shared between minors).</summary>
    public int DefinitionCount => _definitionOffsets.Length;

    /// <summary>The API of Kubernetes 1.<paramref name="minor"/>, or null when not embedded.</summary>
    public ApiVersionSchema? ForMinor(int minor)
    {
        if (minor < 0 || minor >= _versions.Length || !_versionOffsets.TryGetValue(minor, out var offset))
            return null;
        var cached = Volatile.Read(ref _versions[minor]);
        if (cached is not null)
            return cached;
        var built = ReadVersion(minor, offset);
        return Interlocked.CompareExchange(ref _versions[minor], built, null) ?? built;
    }

    /// <summary>
    /// The API of <paramref name="kubeVersion"/> (<c>v1.30.2</c>, <c>1.30</c>): minors newer than the newest embedded use
    /// the newest, older than the oldest the oldest. Null when the text is no Kubernetes 1.x version.
    /// </summary>
    public ApiVersionSchema? ForKubeVersion(string? kubeVersion)
    {
        if (string.IsNullOrWhiteSpace(kubeVersion))
            return ForMinor(NewestMinor);
        if (ParseMinor(kubeVersion) is not { } minor)
            return null;
        return ForMinor(Math.Clamp(minor, OldestMinor, NewestMinor));
    }

    /// <summary>The minor of <c>v1.30.2</c>, <c>1.30</c>, <c>v1.30.0-gke.1</c>; null when not Kubernetes 1.x.</summary>
    public static int? ParseMinor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith('v') || t.StartsWith('V'))
            t = t[1..];
        var parts = t.Split('.');
        if (parts.Length < 2 || parts[0] != "1")
            return null;
        var minorText = new string([.. parts[1].TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(minorText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
    }

    internal static KubernetesApi Load(Stream compressed)
    {
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gzip.CopyTo(ms);
        var data = ms.ToArray();
        var r = new SpanReader(data);
        if (r.ReadInt32() != SchemaFormat.Magic || r.Read7BitInt() != SchemaFormat.Version)
            throw new InvalidDataException("Embedded Kubernetes API data has an unknown format");
        var strings = new string[r.Read7BitInt()];
        for (var i = 0; i < strings.Length; i++)
            strings[i] = r.ReadString();
        var count = r.Read7BitInt();
        var names = new int[count];
        var offsets = new int[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = r.Read7BitInt();
            var length = r.Read7BitInt();
            offsets[i] = r.Position;
            r.Position += length;
        }

        var versions = ImmutableSortedDictionary.CreateBuilder<int, int>();
        var versionCount = r.Read7BitInt();
        for (var v = 0; v < versionCount; v++)
        {
            var minor = r.Read7BitInt();
            versions[minor] = r.Position;
            var defs = r.Read7BitInt();
            for (var i = 0; i < defs; i++)
                r.Read7BitInt();
            var gvks = r.Read7BitInt();
            for (var i = 0; i < gvks; i++)
            {
                for (var f = 0; f < 5; f++)
                    r.Read7BitInt();
                r.Position++;
            }
        }

        return new KubernetesApi(data, strings, names, offsets, versions.ToImmutable());
    }

    private static Stream OpenResource() =>
        typeof(KubernetesApi).Assembly.GetManifestResourceStream("ManifestLint.Schemas.kubernetes-api.bin.gz")
        ?? throw new InvalidOperationException("Embedded Kubernetes API data is missing");

    private ApiVersionSchema ReadVersion(int minor, int offset)
    {
        var r = new SpanReader(_data) { Position = offset };
        var defCount = r.Read7BitInt();
        var definitions = new Dictionary<string, int>(defCount, StringComparer.Ordinal);
        for (var i = 0; i < defCount; i++)
        {
            var id = r.Read7BitInt();
            definitions[_strings[_definitionNames[id]]] = id;
        }

        var schema = new ApiVersionSchema(minor, this, definitions);
        var gvkCount = r.Read7BitInt();
        var kinds = new List<KindInfo>(gvkCount);
        for (var i = 0; i < gvkCount; i++)
        {
            var group = _strings[r.Read7BitInt()];
            var version = _strings[r.Read7BitInt()];
            var kind = _strings[r.Read7BitInt()];
            var definition = _strings[r.Read7BitInt()];
            var plural = _strings[r.Read7BitInt()];
            var flags = r.ReadByte();
            kinds.Add(new KindInfo(group, version, kind, definition, (flags & SchemaFormat.FlagResourceKnown) != 0 ? plural : null, (flags & SchemaFormat.FlagNamespaced) != 0, schema.Definition));
        }

        schema.SetKinds(kinds);
        return schema;
    }

    /// <summary>Decodes definition <paramref name="id"/> with references resolved by <paramref name="resolver"/>.</summary>
    internal SchemaNode DecodeDefinition(int id, Func<string, SchemaNode?> resolver)
    {
        var r = new SpanReader(_data) { Position = _definitionOffsets[id] };
        return Decode(ref r, resolver);
    }

    private SchemaNode Decode(ref SpanReader r, Func<string, SchemaNode?> resolver)
    {
        var tag = (SchemaTag)r.ReadByte();
        switch (tag)
        {
            case SchemaTag.Ref:
                return new SchemaNode(tag) { RefName = _strings[r.Read7BitInt()], Resolver = resolver };
            case SchemaTag.Array:
                {
                    var items = Decode(ref r, resolver);
                    var listType = r.ReadByte();
                    var keys = ReadStrings(ref r);
                    return new SchemaNode(tag) { Items = items, ListType = listType, MapKeys = keys };
                }

            case SchemaTag.Map:
                return new SchemaNode(tag) { Items = Decode(ref r, resolver) };
            case SchemaTag.Enum:
                {
                    var values = ReadStrings(ref r);
                    return new SchemaNode(tag) { EnumValues = values.ToFrozenSet(StringComparer.Ordinal), EnumOrder = values, EmptyIsUnset = true };
                }

            case SchemaTag.Object:
                {
                    var count = r.Read7BitInt();
                    var props = new Dictionary<string, SchemaNode>(count, StringComparer.Ordinal);
                    for (var i = 0; i < count; i++)
                    {
                        var name = _strings[r.Read7BitInt()];
                        props[name] = Decode(ref r, resolver);
                    }

                    return new SchemaNode(tag) { Properties = props.ToFrozenDictionary(StringComparer.Ordinal), Required = ReadStrings(ref r) };
                }

            default:
                return new SchemaNode(tag);
        }
    }

    private ImmutableArray<string> ReadStrings(ref SpanReader r)
    {
        var count = r.Read7BitInt();
        if (count == 0)
            return [];
        var b = ImmutableArray.CreateBuilder<string>(count);
        for (var i = 0; i < count; i++)
            b.Add(_strings[r.Read7BitInt()]);
        return b.MoveToImmutable();
    }
}

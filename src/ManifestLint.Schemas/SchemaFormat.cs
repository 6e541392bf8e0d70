namespace ManifestLint.Schemas;

/// <summary>Constants of the embedded data file written by ManifestLint.Schemas.Generator.</summary>
internal static class SchemaFormat
{
    /// <summary>"MLKS" little-endian.</summary>
    public const int Magic = 0x534B4C4D;

    public const int Version = 1;

    /// <summary>List types of arrays (<c>x-kubernetes-list-type</c>; merge-keyed lists without one count as map).</summary>
    public const byte ListAtomic = 0;

    public const byte ListSet = 1;

    public const byte ListMap = 2;

    public const byte FlagNamespaced = 1;

    public const byte FlagResourceKnown = 2;
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ManifestLint.Reporting.Sarif;

/// <summary>The root of a SARIF 2.1.0 log (only the members ManifestLint fills; the shape follows the OASIS schema).</summary>
public sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    ImmutableArray<Run> Runs)
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string SarifVersion = "2.1.0";
}

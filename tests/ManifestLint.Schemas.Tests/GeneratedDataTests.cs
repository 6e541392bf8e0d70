using ManifestLint.Schemas.Generator;
using ManifestLint.Testing;

namespace ManifestLint.Schemas.Tests;

/// <summary>The checked-in data is exactly what the generator makes from ../shared/kubernetes.</summary>
public sealed class GeneratedDataTests
{
    private static string DataFolder => Path.Combine(RepositoryPaths.Root, "src", "ManifestLint.Schemas", "Data");

    [SharedKubernetesFact]
    public void Regenerating_the_schema_data_gives_the_same_bytes()
    {
        var bytes = SchemaDataWriter.Build(SharedKubernetesFactAttribute.Folder, TextWriter.Null);
        Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(DataFolder, "kubernetes-api.bin.gz"))),
            "src/ManifestLint.Schemas/Data/kubernetes-api.bin.gz is stale: run `dotnet run --project src/ManifestLint.Schemas.Generator`");
    }

    [SharedKubernetesFact]
    public void Regenerating_the_lifecycle_table_gives_the_same_text() =>
        Assert.Equal(File.ReadAllText(Path.Combine(DataFolder, "api-lifecycle.tsv")), LifecycleTableWriter.Build(SharedKubernetesFactAttribute.Folder));
}

using System.Text.Json.Nodes;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Testing;
using NJsonSchema;

namespace ManifestLint.Tests.Configuration;

/// <summary>The shipped JSON schema accepts the documented examples and rejects what the loader rejects.</summary>
public class ConfigSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "manifestlint.schema.json"))).GetAwaiter().GetResult());

    [Fact]
    public void Example_configuration_in_testdata_validates()
    {
        var errors = Validate(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "testdata", "e2e", "config", ".manifestlint.yaml")));

        Assert.Empty(errors);
    }

    [Fact]
    public void Readme_configuration_example_validates()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var marker = readme.IndexOf("```yaml\n# .manifestlint.yaml", StringComparison.Ordinal);
        Assert.True(marker >= 0, "README.md has no ```yaml block starting with '# .manifestlint.yaml'");
        var start = readme.IndexOf('\n', marker) + 1;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);

        var errors = Validate(readme[start..end]);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("exlude: [a]\n")]
    [InlineData("failOn: critical\n")]
    [InlineData("rules:\n  host-pid:\n    severity: high\n")]
    [InlineData("rules:\n  host-pid:\n    enable: false\n")]
    [InlineData("rules:\n  Host_PID: {}\n")]
    [InlineData("complete: sometimes\n")]
    public void Invalid_configurations_do_not_validate(string yaml)
    {
        Assert.NotEmpty(Validate(yaml));
    }

    private static List<string> Validate(string yaml)
    {
        var document = YamlLoader.Load(new SourceFile("config.yaml", yaml)).Documents.Single();
        var json = ToJson(document.Root)?.ToJsonString() ?? "null";
        return Schema.Value.Validate(json).Select(e => e.ToString()).ToList();
    }

    private static JsonNode? ToJson(YamlNode? node) => node switch
    {
        null => null,
        YamlMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Text, ToJson(e.Value)))),
        YamlSequence s => new JsonArray([.. s.Items.Select(ToJson)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar { Kind: ScalarKind.Bool } b => JsonValue.Create(b.IsTrue),
        YamlScalar { Kind: ScalarKind.Int } i => JsonValue.Create(i.AsInt64()),
        YamlScalar { Kind: ScalarKind.Float } f => JsonValue.Create(f.AsDouble()),
        YamlScalar s => JsonValue.Create(s.Text),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };
}

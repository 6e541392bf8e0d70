using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Schemas.Tests;

public sealed class SchemaValidatorTests
{
    [Theory]
    [InlineData("500m", true)]
    [InlineData("1.5Gi", true)]
    [InlineData("2e3", true)]
    [InlineData("+1", true)]
    [InlineData(".5", true)]
    [InlineData("256MB", false)]
    [InlineData("1 Gi", false)]
    [InlineData("", false)]
    [InlineData("Gi", false)]
    public void Quantities_follow_the_apimachinery_grammar(string text, bool valid) => Assert.Equal(valid, Quantity.IsValid(text));

    [Theory]
    [InlineData("resource", "resources")]
    [InlineData("imagePullPolcy", "imagePullPolicy")]
    [InlineData("Image", "image")]
    [InlineData("zzz", null)]
    public void Suggestions_pick_the_closest_known_field(string name, string? expected) =>
        Assert.Equal(expected, FieldSuggestions.Closest(name, ["resources", "image", "imagePullPolicy", "name", "ports"]));

    [Fact]
    public void Every_problem_kind_is_found_in_one_walk()
    {
        const string Text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              restartPolicy: Sometimes
              containers:
                - name: a
                  image: x
                  ports:
                    - containerPort: "80"
                  resourcse: {}
                - name: a
                - image: z
            """;
        var root = (YamlMapping)YamlLoader.Load(new SourceFile("p.yaml", Text)).Documents[0].Root!;
        var sink = new List<SchemaViolation>();
        SchemaValidator.ValidateResource(root, KubernetesApi.Embedded.ForMinor(36)!.FindKind("v1", "Pod")!.Schema!, null, sink);
        Assert.Equal(
            [SchemaProblem.InvalidValue, SchemaProblem.InvalidType, SchemaProblem.UnknownField, SchemaProblem.MissingRequired, SchemaProblem.DuplicateListKey],
            sink.Select(v => v.Problem).ToArray());
        Assert.Equal([6, 11, 12, 14, 13], sink.Select(v => v.Node.Span.StartLine).ToArray());
    }

    [Fact]
    public void Crd_schemas_keep_preserved_fields_and_collect_cel_rules()
    {
        const string Text = """
            type: object
            properties:
              spec:
                type: object
                x-kubernetes-validations:
                  - rule: self.replicas >= 0
                properties:
                  replicas:
                    type: integer
                  extra:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
            """;
        var schema = (YamlMapping)YamlLoader.Load(new SourceFile("s.yaml", Text)).Documents[0].Root!;
        var cel = new List<CelRule>();
        var node = CrdSchemaCompiler.Compile(schema, preserveUnknownAtRoot: false, cel);
        Assert.Equal("self.replicas >= 0", Assert.Single(cel).Rule.Text);
        var doc = (YamlMapping)YamlLoader.Load(new SourceFile("d.yaml", "spec:\n  replicas: two\n  extra:\n    free: form\n  other: 1\n")).Documents[0].Root!;
        var sink = new List<SchemaViolation>();
        SchemaValidator.Validate(doc, node, sink);
        Assert.Equal([SchemaProblem.InvalidType, SchemaProblem.UnknownField], sink.Select(v => v.Problem).ToArray());
    }
}

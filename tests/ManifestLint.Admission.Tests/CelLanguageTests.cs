using ManifestLint.Admission.Cel;

namespace ManifestLint.Admission.Tests;

/// <summary>The core language as cel-spec defines it and Kubernetes relies on: operators, macros, has(), optionals, errors, cost.</summary>
public class CelLanguageTests
{
    private const string Deployment = """
        metadata:
          name: web
          labels:
            app: web
            team: payments
        spec:
          replicas: 3
          paused: false
          ratio: 0.5
          containers:
            - name: app
              image: registry.example.com/app:1
            - name: sidecar
              image: docker.io/envoy:1
        """;

    [Theory]
    [InlineData("1 + 2 * 3 == 7")]
    [InlineData("7 / 2 == 3 && 7 % 2 == 1")]
    [InlineData("-7 / 2 == -3")]
    [InlineData("2.5 * 2.0 == 5.0")]
    [InlineData("1u + 2u == 3u")]
    [InlineData("1 == 1.0 && 1u == 1")]
    [InlineData("1 < 1.5 && 2u > 1")]
    [InlineData("'abc' < 'abd' && 'b' > 'a'")]
    [InlineData("true ? 'yes' == 'yes' : false")]
    [InlineData("!false && !(1 > 2)")]
    [InlineData("'a' + 'b' == 'ab'")]
    [InlineData("[1, 2] + [3] == [1, 2, 3]")]
    [InlineData("{'a': 1}['a'] == 1")]
    [InlineData("'a' in {'a': 1} && 2 in [1, 2]")]
    [InlineData("size('héllo') == 5 && size([1, 2]) == 2 && size({'a': 1}) == 1 && 'abc'.size() == 3")]
    [InlineData("int('42') == 42 && uint(42) == 42u && double(1) == 1.0 && string(42) == '42' && string(1.5) == '1.5'")]
    [InlineData("int(2.9) == 2 && bool('true') && bytes('a') == b'a'")]
    [InlineData("type(1) == int && type('a') == string && type([]) == list && type({}) == map")]
    [InlineData("dyn(1) == 1")]
    [InlineData("'hello'.contains('ell') && 'hello'.startsWith('he') && 'hello'.endsWith('lo')")]
    [InlineData("'abc123'.matches('^[a-z]+[0-9]+$') && matches('x', 'x')")]
    [InlineData("'\\u00e9' == 'é' && \"tab\\there\".contains('\\t') && r'\\d' == '\\\\d'")]
    [InlineData("'''multi\nline'''.contains('\\n')")]
    [InlineData("0x10 == 16")]
    [InlineData("duration('1h30m') == duration('90m') && duration('1.5s') > duration('1s')")]
    [InlineData("timestamp('2024-01-02T03:04:05Z').getFullYear() == 2024")]
    [InlineData("timestamp('2024-01-01T00:00:00Z') + duration('24h') == timestamp('2024-01-02T00:00:00Z')")]
    [InlineData("object.spec.replicas == 3 && object.spec.paused == false && object.spec.ratio == 0.5")]
    [InlineData("object.metadata.labels['team'] == 'payments'")]
    [InlineData("has(object.spec.replicas) && !has(object.spec.strategy)")]
    [InlineData("object.spec.containers.all(c, c.image.contains(':'))")]
    [InlineData("object.spec.containers.exists(c, c.name == 'sidecar')")]
    [InlineData("object.spec.containers.exists_one(c, c.image.startsWith('docker.io/'))")]
    [InlineData("object.spec.containers.map(c, c.name) == ['app', 'sidecar']")]
    [InlineData("object.spec.containers.map(c, c.name.startsWith('s'), c.name) == ['sidecar']")]
    [InlineData("object.spec.containers.filter(c, c.name == 'app').size() == 1")]
    [InlineData("object.metadata.labels.all(k, k in ['app', 'team'])")]
    [InlineData("[1, 2, 3].all(x, x > 0) && ![1, 2, 3].all(x, x > 1) && [].all(x, false)")]
    [InlineData("object.?spec.?strategy.?type.orValue('RollingUpdate') == 'RollingUpdate'")]
    [InlineData("object.?spec.?replicas.orValue(1) == 3")]
    [InlineData("object.?spec.strategy.hasValue() == false")]
    [InlineData("object.spec.?replicas.hasValue() && object.spec.?replicas.value() == 3")]
    [InlineData("object.metadata.labels[?'missing'].orValue('none') == 'none'")]
    [InlineData("[1, 2][?5].hasValue() == false")]
    [InlineData("optional.of(1).or(optional.of(2)).value() == 1 && optional.none().or(optional.of(2)).value() == 2")]
    [InlineData("optional.ofNonZeroValue('').hasValue() == false")]
    [InlineData("[?optional.none(), ?optional.of(1)] == [1]")]
    [InlineData("{?'a': optional.none(), 'b': 2} == {'b': 2}")]
    [InlineData("(1 / 0 > 1) || true")]
    [InlineData("!(false && (1 / 0 > 1))")]
    [InlineData("((1 / 0 > 1) && false) == false")]
    [InlineData("math.greatest(1, 5, 3) == 5 && math.least([4, 2]) == 2")]
    [InlineData("sets.contains([1, 2, 3], [2]) && sets.equivalent([1, 2], [2, 1]) && sets.intersects([1], [1, 5])")]
    public void Expression_is_true(string expression) =>
        Assert.Equal(true, CelTestHost.Eval(expression, Deployment));

    [Theory]
    [InlineData("1 / 0", "division by zero")]
    [InlineData("1 % 0", "modulus by zero")]
    [InlineData("9223372036854775807 + 1", "integer overflow")]
    [InlineData("object.spec.missing", "no such key: missing")]
    [InlineData("[1][3]", "index out of bounds: 3")]
    [InlineData("1 + 1.0", "no such overload")]
    [InlineData("optional.none().value()", "optional.none() dereference")]
    [InlineData("'x'.matches('(')", "invalid regular expression")]
    [InlineData("int('x')", "type conversion error")]
    [InlineData("{'a': 1, 'a': 2}", "repeated key")]
    public void Runtime_errors_are_reported_with_cel_go_messages(string expression, string message)
    {
        var e = Assert.Throws<CelEvalException>(() => CelTestHost.Eval(expression, Deployment));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("object.spec.replicas <= ", 24, "unexpected end of expression")]
    [InlineData("object.spec.replicas < 5 &&& true", 27, "unexpected")]
    [InlineData("unknownVar.x == 1", 0, "undeclared reference to 'unknownVar'")]
    [InlineData("object.name.frobnicate()", 12, "undeclared reference to 'frobnicate'")]
    [InlineData("'unterminated", 0, "unterminated string literal")]
    [InlineData("has(object)", 0, "has() takes one field selection")]
    [InlineData("[1].all(1, true)", 8, "variable name")]
    [InlineData("99999999999999999999", 0, "out of range")]
    public void Compile_errors_name_the_offset(string expression, int offset, string message)
    {
        var e = Assert.Throws<CelSyntaxException>(() => CelProgram.Compile(expression, ["object"]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(offset, e.Position);
    }

    [Fact]
    public void An_expression_over_the_cost_budget_stops_with_the_api_servers_message()
    {
        // 100^3 iterations of a nested comprehension: one million steps and more, cut off by the budget long before it ends.
        var e = Assert.Throws<CelEvalException>(() => CelTestHost.Eval(
            "[" + string.Join(",", Enumerable.Range(0, 100)) + "].all(x, [" + string.Join(",", Enumerable.Range(0, 100)) + "].all(y, ["
            + string.Join(",", Enumerable.Range(0, 100)) + "].all(z, x + y + z >= 0)))"));
        Assert.True(e.CostLimitExceeded);
        Assert.Equal("operation cancelled: actual cost limit exceeded", e.Message);
    }

    [Fact]
    public void The_budget_is_per_evaluation_and_configurable()
    {
        Assert.Equal(true, CelTestHost.Eval("[1, 2, 3].all(x, x > 0)", costLimit: 100));
        Assert.Throws<CelEvalException>(() => CelTestHost.Eval("[1, 2, 3].all(x, x > 0)", costLimit: 5));
    }

    [Theory]
    [InlineData("object.spec.replicas <= 2", "spec.replicas")]
    [InlineData("object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))", "spec.containers[1].image")]
    [InlineData("has(object.spec.strategy)", "spec")]
    [InlineData("'owner' in object.metadata.labels", "metadata.labels")]
    public void The_tracker_records_the_last_field_of_object_read(string expression, string path)
    {
        var tracker = new CelReadTracker();
        Assert.Equal(false, CelTestHost.Eval(expression, Deployment, tracker: tracker));
        Assert.Equal(path, tracker.Last!.Path);
    }

    [Fact]
    public void A_compiled_program_is_reusable_across_activations()
    {
        var program = CelProgram.Compile("object.n * 2", ["object"]);
        foreach (var n in new long[] { 1, 5, 21 })
        {
            var act = new CelActivation().Set("object", new CelDictionary(new Dictionary<string, object?> { ["n"] = n }));
            Assert.Equal(n * 2, program.Evaluate(act));
        }
    }
}

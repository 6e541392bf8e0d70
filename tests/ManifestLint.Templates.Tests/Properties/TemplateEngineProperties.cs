using CsCheck;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests.Properties;

/// <summary>
/// Random templates (well-formed and broken pieces of Go template syntax, Sprig and Helm functions) over random
/// values: parsing and execution either succeed within the limits or throw <see cref="TemplateException"/>, never
/// anything else. 300 cases by default; <c>MANIFESTLINT_PROPERTY_CASES=N</c> runs N.
/// </summary>
public sealed class TemplateEngineProperties
{
    private static long Cases(long byDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("MANIFESTLINT_PROPERTY_CASES"), out var n) && n > 0 ? n : byDefault;

    private static readonly ExecutionOptions Limits = new()
    {
        MaxOutputLength = 200_000,
        MaxStringLength = 100_000,
        MaxListLength = 10_000,
        MaxSteps = 200_000,
        MaxTemplateDepth = 200,
        Timeout = TimeSpan.FromSeconds(5),
        Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static readonly string[] Pieces =
    [
        "text ", "\n", "  ", "key: ", "- ", "{{ .a }}", "{{ .b.c }}", "{{ .l }}", "{{ .n }}", "{{ $x := .a }}", "{{ $x }}",
        "{{ if .a }}", "{{ if not .z }}", "{{ else }}", "{{ else if .n }}", "{{ end }}", "{{ range .l }}", "{{ range $i, $v := .b }}",
        "{{ with .b }}", "{{ . }}", "{{ .a | upper }}", "{{ .a | quote }}", "{{ toYaml . }}", "{{ toJson .b }}", "{{ .l | first }}",
        "{{ index .l 0 }}", "{{ index .b \"c\" }}", "{{ default \"d\" .z }}", "{{ printf \"%v %d %s %q\" .a .n .l .b }}",
        "{{ include \"t\" . }}", "{{ define \"t\" }}", "{{ template \"t\" . }}", "{{ tpl .a . }}", "{{ fromYaml .a }}",
        "{{ required \"need z\" .z }}", "{{ fail \"stop\" }}", "{{ repeat 3 .a }}", "{{ until 5 }}", "{{ len .l }}", "{{ add .n 1 }}",
        "{{ div .n 0 }}", "{{ mod 1 0 }}", "{{ (", "}}", "{{", ")", "{{- ", " -}}", "{{/* c */}}", "{{ .a.b.c.d }}", "{{ nindent 4 (toYaml .) }}",
        "{{ split \",\" .a }}", "{{ regexMatch .a .a }}", "{{ b64dec .a }}", "{{ semverCompare .a .a }}", "{{ dict \"a\" .l }}",
        "{{ list .a .n }}", "{{ mustRegexFind \"(\" .a }}", "{{ trunc -1 .a }}", "{{ substr 5 2 .a }}", "{{ toString .b }}", "{{ int .a }}",
        "{{ float64 .a }}", "{{ atoi .a }}", "{{ sha256sum .a }}", "{{ fromJson .a }}", "{{ toToml .b }}", "{{ keys .b | sortAlpha }}",
        "{{ merge .b .b }}", "{{ set .b \"k\" .l }}", "{{ append .l .a }}", "{{ slice .l 1 0 }}", "{{ pluck \"c\" .b }}", "{{ ternary 1 2 .z }}",
        "{{ range until 3 }}", "{{ break }}", "{{ continue }}", "{{ $.a }}", "{{ .Values }}", "{{ lookup \"v1\" \"Pod\" \"\" \"\" }}",
        "{{ indent -3 .a }}", "{{ wrap 0 .a }}", "{{ replace \"\" \"xx\" .a }}", "{{ printf \"%*d\" 100000 1 }}", "{{ htmlDate .a }}",
        "{{ duration .a }}", "{{ toDate \"2006\" .a }}",
    ];

    private static readonly Gen<string> Templates = Gen.Int[0, Pieces.Length - 1].Array[0, 12].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    private static readonly Gen<string> Strings = Gen.OneOf(
        Gen.Char["abc{}:-, \"'\\n0123456789.%"].Array[0, 12].Select(c => new string(c)),
        Gen.Const("{{ .a }}"),
        Gen.Const("1.2.3"),
        Gen.Const("a: [1, {b: c}]"),
        Gen.Const("{\"k\": [1, 2]}"),
        Gen.Const("2026-01-01T00:00:00Z"),
        Gen.Const("-----BEGIN"),
        Gen.Const("9223372036854775808"));

    private static readonly Gen<string> Scalars = Gen.OneOf(
        Strings.Select(s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""),
        Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : ".inf"),
        Gen.OneOf("true", "false", "null", "~", "[]", "{}"));

    /// <summary>Values as YAML text, read the way Helm reads values files.</summary>
    private static readonly Gen<string> Values =
        Gen.Select(Scalars, Scalars, Scalars.Array[0, 4], Scalars, Scalars, (a, c, l, n, z) =>
            $"a: {a}\nb:\n  c: {c}\n  d: {n}\nl: [{string.Join(", ", l)}]\nn: {n}\n" + (z == "null" ? string.Empty : $"z: {z}\n"));

    [Fact]
    public void Engine_throws_only_template_errors_and_stays_within_its_limits()
    {
        var options = new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] };
        Gen.Select(Templates, Templates, Values).Sample(
            sample =>
            {
                var (main, helper, valuesText) = sample;
                GoMap values;
                try
                {
                    values = GoYaml.ParseValues(valuesText, "values.yaml");
                }
                catch (GoYamlException)
                {
                    return;
                }

                try
                {
                    var set = TemplateSet.Parse([("main", main), ("helper", helper)], options);
                    var result = set.Execute("main", values, Limits);
                    Assert.True(result.Text.Length <= Limits.MaxOutputLength, $"output of {result.Text.Length} characters");
                }
                catch (TemplateException)
                {
                    // The one error type the engine may raise.
                }
            },
            iter: Cases(300),
            threads: 1);
    }
}

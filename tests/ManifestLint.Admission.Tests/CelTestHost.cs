using ManifestLint.Admission.Cel;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Admission.Tests;

/// <summary>Compiles and runs one expression with <c>object</c> (and <c>self</c>) bound to a YAML document.</summary>
internal static class CelTestHost
{
    public static object? Eval(string expression, string objectYaml = "{}", long costLimit = CelActivation.DefaultCostLimit, CelReadTracker? tracker = null)
    {
        var program = CelProgram.Compile(expression, ["object", "self", "params", "request", "variables", "authorizer"]);
        var root = (YamlMapping)YamlLoader.Load(new SourceFile("object.yaml", objectYaml)).Documents[0].Root!;
        var act = new CelActivation(costLimit, tracker);
        act.Set("object", new YamlCelMap(root, tracker)).Set("self", new YamlCelMap(root, null)).Set("params", null);
        return program.Evaluate(act);
    }

    /// <summary>The result as CEL's string() would print it, with lists and maps spelled out (for one-line expectations).</summary>
    public static string Show(object? value) => value switch
    {
        string s => "'" + s + "'",
        _ => CelSemantics.Format(value),
    };
}

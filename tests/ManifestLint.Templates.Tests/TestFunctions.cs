using ManifestLint.Templates.Functions;

namespace ManifestLint.Templates.Tests;

/// <summary>A few functions the engine tests need without depending on Sprig or Helm's maps.</summary>
internal static class TestFunctions
{
    public static IReadOnlyDictionary<string, TemplateFunction> Create() => new Dictionary<string, TemplateFunction>(StringComparer.Ordinal)
    {
        ["upper"] = new("upper", [GoType.String], null, GoType.String, false, c => c[0]!.ToString()!.ToUpperInvariant()),
        ["explode"] = new("explode", [], null, GoType.String, true, _ => throw new TemplateFunctionException("boom")),
        ["include"] = new("include", [GoType.String, GoType.Interface], null, GoType.String, true,
            c => c.Runtime.ExecuteTemplate(c[0]!.ToString()!, c[1])),
        ["tpl"] = new("tpl", [GoType.String, GoType.Interface], null, GoType.String, true,
            c => c.Runtime.ExecuteText("gotpl", c[0]!.ToString()!, c[1])),
    };
}

using static ManifestLint.Templates.Functions.Sprig.SprigCoreValues;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Sprig's <c>default</c>, <c>empty</c>, <c>coalesce</c>, <c>all</c>, <c>any</c> and <c>ternary</c>.</summary>
internal static class SprigCoreDefaults
{
    private static readonly GoType X = GoType.Interface;

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "default", [X], X, X, false, c => c.Count < 2 || IsEmpty(c[1]) ? c[0] : c[1]);
        Add(map, "empty", [X], null, GoType.Bool, false, c => IsEmpty(c[0]));
        Add(map, "coalesce", NoParameters, X, X, false, c => c.Arguments.FirstOrDefault(x => !IsEmpty(x)));
        Add(map, "all", NoParameters, X, GoType.Bool, false, c => c.Arguments.All(x => !IsEmpty(x)));
        Add(map, "any", NoParameters, X, GoType.Bool, false, c => c.Arguments.Any(x => !IsEmpty(x)));
        Add(map, "ternary", [X, X, GoType.Bool], null, X, false, c => c[2] is true ? c[0] : c[1]);
    }
}

using static ManifestLint.Templates.Functions.Sprig.SprigCoreValues;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Sprig's <c>typeOf</c>, <c>typeIs</c>, <c>typeIsLike</c>, <c>kindOf</c>, <c>kindIs</c> and <c>deepEqual</c>.</summary>
internal static class SprigCoreReflection
{
    private static readonly GoType X = GoType.Interface;
    private static readonly GoType S = GoType.String;
    private static readonly GoType B = GoType.Bool;

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "typeOf", [X], null, S, false, c => TypeName(c[0]));
        Add(map, "typeIs", [S, X], null, B, false, c => Text(c[0]) == TypeName(c[1]));
        Add(map, "typeIsLike", [S, X], null, B, false, c =>
        {
            var t = TypeName(c[1]);
            var target = Text(c[0]);
            return target == t || "*" + target == t;
        });
        Add(map, "kindOf", [X], null, S, false, c => Kind(c[0]));
        Add(map, "kindIs", [S, X], null, B, false, c => Text(c[0]) == Kind(c[1]));
        Add(map, "deepEqual", [X, X], null, B, false, c => DeepEqual(c[0], c[1]));
    }
}

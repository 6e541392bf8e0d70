using System.Collections.Immutable;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Declaring functions and reading their (already converted) arguments.</summary>
internal static class SprigExtraArgs
{
    public static void Add(
        Dictionary<string, TemplateFunction> map,
        string name,
        GoType[] parameters,
        GoType result,
        bool returnsError,
        Func<FunctionCall, object?> body) =>
        map[name] = new TemplateFunction(name, [.. parameters], null, result, returnsError, body);

    public static TemplateFunction Method(string name, GoType[] parameters, GoType result, bool returnsError, Func<FunctionCall, object?> body) =>
        new(name, ImmutableArray.Create(parameters), null, result, returnsError, body);

    public static string Str(object? value) => value switch
    {
        null => "",
        string s => s,
        TrackedString t => t.Text,
        _ => value.ToString() ?? "",
    };

    public static long Int(object? value) => value switch
    {
        long l => l,
        int i => i,
        GoInt64 g => g.Value,
        double d => (long)d,
        _ => 0,
    };

    /// <summary>A <c>[]string</c>; null (Go's nil slice, as regexp returns for no match) stays nil.</summary>
    public static GoList StringList(IEnumerable<string>? items) =>
        items is null ? GoList.Nil(GoList.StringSliceType) : new(items, GoList.StringSliceType);
}

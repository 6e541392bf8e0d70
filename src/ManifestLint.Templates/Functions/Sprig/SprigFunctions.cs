namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Sprig v3.2.3's text function map as Helm installs it (without <c>env</c> and <c>expandenv</c>): the core
/// groups (strings, lists, dicts, math, defaults, conversions, reflection) and the extra groups of
/// <see cref="SprigExtraFunctions"/>. Helm's set replaces <c>toJson</c>/<c>fromJson</c> and brings <c>fail</c>.
/// </summary>
public static class SprigFunctions
{
    /// <summary>Builds a fresh map of every Sprig function, keyed by the name templates call it by.</summary>
    public static IReadOnlyDictionary<string, TemplateFunction> Create()
    {
        var map = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        SprigCoreStrings.Register(map);
        SprigCoreLists.Register(map);
        SprigCoreDicts.Register(map);
        SprigCoreMath.Register(map);
        SprigCoreDefaults.Register(map);
        SprigCoreConversions.Register(map);
        SprigCoreReflection.Register(map);
        SprigCoreJson.Register(map);
        foreach (var (name, function) in SprigExtraFunctions.Create())
            map[name] = function;
        return map;
    }
}

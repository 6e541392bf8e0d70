using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions.Helm;

/// <summary>
/// The methods of Helm's <c>chartutil.Values</c>, bound to one map: <c>YAML</c>, <c>AsMap</c>, <c>Table</c>,
/// <c>PathValue</c> and <c>Encode</c>. Only maps of that type have them (a nested <c>map[string]interface {}</c> does not).
/// </summary>
public static class ChartutilValuesMethods
{
    public static bool TryGetMethod(GoMap map, string name, out TemplateFunction? method)
    {
        ArgumentNullException.ThrowIfNull(map);
        method = null;
        if (name is not ("YAML" or "AsMap" or "Table" or "PathValue" or "Encode") || !GoMap.IsValuesType(map.GoTypeName))
            return false;
        method = Bind(map, name);
        return method is not null;
    }

    // Apart from TryGetMethod so that field lookups, which almost never name a method, allocate no closure.
    private static TemplateFunction? Bind(GoMap map, string name) =>
        name switch
        {
            "YAML" => new TemplateFunction("YAML", [], null, GoType.String, true, _ => Yaml(map)),
            "AsMap" => new TemplateFunction("AsMap", [], null, GoType.InterfaceMap, false, _ => Retyped(map, GoMap.InterfaceMapType)),
            "Table" => new TemplateFunction("Table", [GoType.String], null, GoType.Object(GoMap.ValuesType), true, call => Table(map, Text(call[0]))),
            "PathValue" => new TemplateFunction("PathValue", [GoType.String], null, GoType.Interface, true, call => PathValue(map, Text(call[0]))),
            "Encode" => new TemplateFunction("Encode", [GoType.Object("io.Writer")], null, GoType.None, true, _ => throw new TemplateFunctionException("Encode needs an io.Writer, which templates cannot provide")),
            _ => null,
        };

    private static string Text(object? value) => value?.ToString() ?? string.Empty;

    private static string Yaml(GoMap map)
    {
        try
        {
            return GoYamlWriter.Marshal(map);
        }
        catch (GoJsonException ex)
        {
            throw new TemplateFunctionException("error marshaling into JSON: " + ex.Message, ex);
        }
    }

    /// <summary>The same entries under another Go type name (Go converts the map without copying it).</summary>
    private static GoMap Retyped(GoMap map, string typeName)
    {
        var copy = new GoMap(typeName) { Origin = map.Origin };
        foreach (var (key, value) in map)
            copy.Set(key, value, map.OriginOf(key));
        return copy;
    }

    private static GoMap Table(GoMap map, string path)
    {
        var table = map;
        foreach (var part in path.Split('.'))
        {
            if (!table.TryGetValue(part, out var next))
                throw new TemplateFunctionException(GoFormat.Quote(part) + " is not a table");
            if (next is not GoMap nested || (nested.GoTypeName != GoMap.InterfaceMapType && !GoMap.IsValuesType(nested.GoTypeName)))
                throw new TemplateFunctionException(GoFormat.Quote(part) + " is not a table");
            table = nested;
        }

        return ReferenceEquals(table, map) ? map : Retyped(table, map.GoTypeName);
    }

    private static object? PathValue(GoMap map, string path)
    {
        if (path.Length == 0)
            throw new TemplateFunctionException("YAML path cannot be empty");
        var parts = path.Split('.');
        var key = parts[^1];
        GoMap table;
        if (parts.Length == 1)
        {
            table = map;
        }
        else
        {
            try
            {
                table = Table(map, string.Join('.', parts[..^1]));
            }
            catch (TemplateFunctionException)
            {
                throw new TemplateFunctionException(GoFormat.Quote(key) + " is not a value");
            }
        }

        if (table.TryGetValue(key, out var value) && !IsTable(value))
            return value;
        throw new TemplateFunctionException(GoFormat.Quote(key) + " is not a value");
    }

    /// <summary>Helm's <c>istable</c>: only a plain <c>map[string]interface {}</c> counts.</summary>
    private static bool IsTable(object? value) =>
        value is GoMap m && string.Equals(m.GoTypeName, GoMap.InterfaceMapType, StringComparison.Ordinal);
}

using System.Collections.Immutable;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions.Helm;

/// <summary>
/// Helm's template functions as <c>helm template</c> installs them on top of Sprig: <c>toYaml</c>, <c>fromYaml</c>,
/// <c>fromYamlArray</c>, <c>toJson</c>, <c>fromJson</c>, <c>fromJsonArray</c>, <c>toToml</c>, <c>include</c>,
/// <c>tpl</c>, <c>required</c>, <c>fail</c>, <c>lookup</c> (no cluster: always an empty map) and
/// <c>getHostByName</c> (no DNS: always "").
/// </summary>
public static class HelmFunctions
{
    /// <summary>Helm refuses more than this many nested <c>include</c>s of one template.</summary>
    public const int MaxIncludeDepth = 1000;

    private const string NoValue = "<no value>";

    /// <summary>Builds a fresh map of Helm's functions, keyed by the name templates call them by.</summary>
    public static IReadOnlyDictionary<string, TemplateFunction> Create()
    {
        var map = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        void Add(string name, GoType[] parameters, GoType result, bool returnsError, Func<FunctionCall, object?> body) =>
            map[name] = new TemplateFunction(name, [.. parameters], null, result, returnsError, body);

        Add("toYaml", [GoType.Interface], GoType.String, false, ToYaml);
        Add("fromYaml", [GoType.String], GoType.InterfaceMap, false, FromYaml);
        Add("fromYamlArray", [GoType.String], GoType.InterfaceSlice, false, FromYamlArray);
        Add("toJson", [GoType.Interface], GoType.String, false, ToJson);
        Add("fromJson", [GoType.String], GoType.InterfaceMap, false, FromJson);
        Add("fromJsonArray", [GoType.String], GoType.InterfaceSlice, false, FromJsonArray);
        Add("toToml", [GoType.Interface], GoType.String, false, ToToml);
        Add("include", [GoType.String, GoType.Interface], GoType.String, true, Include);
        Add("tpl", [GoType.String, GoType.Interface], GoType.String, true, Tpl);
        Add("required", [GoType.String, GoType.Interface], GoType.Interface, true, Required);
        Add("fail", [GoType.String], GoType.String, true, call => throw new TemplateFunctionException(Text(call[0])));
        Add("lookup", [GoType.String, GoType.String, GoType.String, GoType.String], GoType.InterfaceMap, true, _ => new GoMap());
        Add("getHostByName", [GoType.String], GoType.String, false, _ => string.Empty);
        return map;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        TrackedString ts => ts.Text,
        _ => GoFormat.FormatValue(value),
    };

    private static ValueOrigin? OriginOf(FunctionCall call, int index) =>
        index < call.Origins.Count ? call.Origins[index] : null;

    /// <summary>Helm swallows marshalling errors: <c>toYaml</c> then gives "".</summary>
    private static object? ToYaml(FunctionCall call)
    {
        try
        {
            return GoYamlWriter.ToYaml(call[0], OriginOf(call, 0));
        }
        catch (GoJsonException)
        {
            return string.Empty;
        }
    }

    private static object? FromYaml(FunctionCall call)
    {
        try
        {
            return GoYaml.ParseMap(Text(call[0]));
        }
        catch (GoYamlException ex)
        {
            var error = new GoMap();
            error.Set("Error", ex.Message);
            return error;
        }
    }

    private static object? FromYamlArray(FunctionCall call)
    {
        try
        {
            return GoYaml.ParseList(Text(call[0]));
        }
        catch (GoYamlException ex)
        {
            return new GoList([ex.Message]);
        }
    }

    private static object? ToJson(FunctionCall call)
    {
        try
        {
            return GoJson.Marshal(call[0]);
        }
        catch (GoJsonException)
        {
            return string.Empty;
        }
    }

    private static object? FromJson(FunctionCall call)
    {
        try
        {
            return GoJson.Parse(Text(call[0])) switch
            {
                null => new GoMap(),
                GoMap m => m,
                var other => throw new GoJsonException("json: cannot unmarshal " + GoJson.KindName(other) + " into Go value of type map[string]interface {}"),
            };
        }
        catch (GoJsonException ex)
        {
            var error = new GoMap();
            error.Set("Error", ex.Message);
            return error;
        }
    }

    private static object? FromJsonArray(FunctionCall call)
    {
        try
        {
            return GoJson.Parse(Text(call[0])) switch
            {
                null => new GoList(),
                GoList l => l,
                var other => throw new GoJsonException("json: cannot unmarshal " + GoJson.KindName(other) + " into Go value of type []interface {}"),
            };
        }
        catch (GoJsonException ex)
        {
            return new GoList([ex.Message]);
        }
    }

    /// <summary>Helm returns the encoder's error text as the result; a nil argument panics inside the encoder.</summary>
    private static object? ToToml(FunctionCall call)
    {
        try
        {
            return GoToml.Encode(call[0]);
        }
        catch (GoTomlException ex)
        {
            return ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            throw new TemplateFunctionException(ex.Message, ex);
        }
    }

    private static object? Include(FunctionCall call)
    {
        var name = Text(call[0]);
        // Helm counts the includes of a name in progress and refuses once more than 1000 are open.
        if (call.Runtime.ActiveCalls(name) > MaxIncludeDepth)
            throw new TemplateFunctionException("rendering template has a nested reference name: " + name + ": unable to execute template");
        try
        {
            return call.Runtime.ExecuteTemplate(name, call[1]);
        }
        catch (TemplateException ex) when (ex.Kind != TemplateErrorKind.Limit)
        {
            throw TemplateFunctionException.Wrapping(string.Empty, ex);
        }
    }

    private static object? Tpl(FunctionCall call)
    {
        var text = Text(call[0]);
        TrackedString result;
        try
        {
            result = call.Runtime.ExecuteText("gotpl", text, call[1]);
        }
        catch (TemplateException ex) when (ex.Kind == TemplateErrorKind.Parse)
        {
            throw TemplateFunctionException.Wrapping("cannot parse template " + GoFormat.Quote(text) + ": ", ex);
        }
        catch (TemplateException ex) when (ex.Kind == TemplateErrorKind.Execution)
        {
            throw TemplateFunctionException.Wrapping("error during tpl function execution for " + GoFormat.Quote(text) + ": ", ex);
        }

        // Helm deletes what printing nil left behind, on tpl's own result.
        return TrackedText.RemoveAll(result, NoValue);
    }

    /// <summary>Fails on nil and on the empty string only; the message is used as a format string with no arguments.</summary>
    private static object? Required(FunctionCall call)
    {
        var value = call[1];
        var missing = value switch
        {
            null => true,
            string s => s.Length == 0,
            TrackedString ts => ts.Text.Length == 0,
            _ => false,
        };
        if (missing)
            throw new TemplateFunctionException(GoFormat.Sprintf(Text(call[0]), []));
        return value;
    }
}

using ManifestLint.Templates.Encoding;
using static ManifestLint.Templates.Functions.Sprig.SprigCoreValues;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Sprig's JSON functions that Helm does not replace: <c>toPrettyJson</c>, <c>toRawJson</c> and the
/// <c>must*</c> forms, and <c>mustFromJson</c> (Helm's own <c>toJson</c>/<c>fromJson</c> come with its set).
/// </summary>
internal static class SprigCoreJson
{
    private static readonly GoType X = GoType.Interface;
    private static readonly GoType S = GoType.String;

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "mustToJson", [X], null, S, true, c => Strict(() => GoJson.Marshal(c[0])));
        Add(map, "toPrettyJson", [X], null, S, false, c => Quiet(() => GoJson.Marshal(c[0], indent: "  ")));
        Add(map, "mustToPrettyJson", [X], null, S, true, c => Strict(() => GoJson.Marshal(c[0], indent: "  ")));
        Add(map, "toRawJson", [X], null, S, false, c => Strict(() => GoJson.Marshal(c[0], escapeHtml: false)));
        Add(map, "mustToRawJson", [X], null, S, true, c => Strict(() => GoJson.Marshal(c[0], escapeHtml: false)));
        Add(map, "mustFromJson", [S], null, X, true, c => Strict(() => GoJson.Parse(Text(c[0]))));
    }

    // The plain forms drop the encoder's error and return "".
    private static string Quiet(Func<string> body)
    {
        try
        {
            return body();
        }
        catch (GoJsonException)
        {
            return "";
        }
    }

    private static object? Strict(Func<object?> body)
    {
        try
        {
            return body();
        }
        catch (GoJsonException ex)
        {
            throw Fail(ex.Message);
        }
    }
}

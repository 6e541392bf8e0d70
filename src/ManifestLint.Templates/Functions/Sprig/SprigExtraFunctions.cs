namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Sprig v3.2.3's regex, date, semver, crypto, random, encoding, path and URL functions.
/// </summary>
public static class SprigExtraFunctions
{
    /// <summary>Builds a fresh map of these functions, keyed by the name templates call them by.</summary>
    public static IReadOnlyDictionary<string, TemplateFunction> Create()
    {
        var functions = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        SprigExtraRegex.Register(functions);
        SprigExtraDates.Register(functions);
        SprigExtraSemver.Register(functions);
        SprigExtraEncoding.Register(functions);
        SprigExtraPaths.Register(functions);
        SprigExtraUrls.Register(functions);
        SprigExtraRandom.Register(functions);
        SprigExtraCrypto.Register(functions);
        return functions;
    }
}

using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Sprig's <c>certificate</c> struct: a PEM certificate and its PEM private key.</summary>
public sealed class SprigCertificate : IGoObject, IGoJsonValue
{
    internal const string TypeName = "sprig.certificate";

    public SprigCertificate(string cert, string key)
    {
        Cert = cert;
        Key = key;
    }

    public string Cert { get; }

    public string Key { get; }

    public string GoTypeName => TypeName;

    public bool PreserveOrder => true;

    public string FormatGo() => "{" + Cert + " " + Key + "}";

    public bool TryGetField(string name, out object? value)
    {
        value = name switch
        {
            "Cert" => Cert,
            "Key" => Key,
            _ => null,
        };
        return name is "Cert" or "Key";
    }

    public bool TryGetMethod(string name, out TemplateFunction? method)
    {
        method = null;
        return false;
    }

    public object? ToJsonValue()
    {
        var map = new GoMap();
        map["Cert"] = Cert;
        map["Key"] = Key;
        return map;
    }
}

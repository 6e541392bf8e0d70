using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Functions.Sprig.SprigExtraArgs;
using static ManifestLint.Templates.Functions.Sprig.SprigExtraKeys;
using TextEncoding = System.Text.Encoding;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Sprig's crypto functions: passwords, AES, private keys and certificates.</summary>
internal static class SprigExtraCrypto
{
    private const string MasterPasswordSeed = "com.lyndir.masterpassword";

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        var certificate = GoType.Object(SprigCertificate.TypeName);
        Add(map, "bcrypt", [GoType.String], GoType.String, false, c => Bcrypt(c, Str(c[0])));
        Add(map, "htpasswd", [GoType.String, GoType.String], GoType.String, false, c =>
        {
            var user = Str(c[0]);
            return user.Contains(':', StringComparison.Ordinal)
                ? "invalid username: " + user
                : user + ":" + Bcrypt(c, Str(c[1]));
        });
        Add(map, "derivePassword", [GoType.Uint32, GoType.String, GoType.String, GoType.String, GoType.String], GoType.String, false,
            c => DerivePassword(UInt32(c[0]), Str(c[1]), Str(c[2]), Str(c[3]), Str(c[4])));
        Add(map, "encryptAES", [GoType.String, GoType.String], GoType.String, true, c => EncryptAes(c, Str(c[0]), Str(c[1])));
        Add(map, "decryptAES", [GoType.String, GoType.String], GoType.String, true, c => DecryptAes(Str(c[0]), Str(c[1])));
        Add(map, "genPrivateKey", [GoType.String], GoType.String, false, c =>
        {
            var type = Str(c[0]);
            KeyKind kind;
            switch (type)
            {
                case "" or "rsa":
                    return Generate(KeyKind.Rsa, c.Runtime.Random, 4096).ToPem();
                case "dsa":
                    kind = KeyKind.Dsa;
                    break;
                case "ecdsa":
                    kind = KeyKind.Ec;
                    break;
                case "ed25519":
                    kind = KeyKind.Ed25519;
                    break;
                default:
                    return "Unknown type " + type;
            }

            return Generate(kind, c.Runtime.Random).ToPem();
        });
        Add(map, "buildCustomCert", [GoType.String, GoType.String], certificate, true, c => BuildCustomCert(Str(c[0]), Str(c[1])));
        Add(map, "genCA", [GoType.String, GoType.Int], certificate, true,
            c => SprigExtraCertificates.Create(c, Str(c[0]), null, null, Int(c[1]), Generate(KeyKind.Rsa, c.Runtime.Random), null, isCa: true));
        Add(map, "genCAWithKey", [GoType.String, GoType.Int, GoType.String], certificate, true,
            c => SprigExtraCertificates.Create(c, Str(c[0]), null, null, Int(c[1]), ParseKeyArgument(c[2]), null, isCa: true));
        Add(map, "genSelfSignedCert", [GoType.String, GoType.InterfaceSlice, GoType.InterfaceSlice, GoType.Int], certificate, true,
            c => SprigExtraCertificates.Create(c, Str(c[0]), c[1], c[2], Int(c[3]), Generate(KeyKind.Rsa, c.Runtime.Random), null, isCa: false));
        Add(map, "genSelfSignedCertWithKey", [GoType.String, GoType.InterfaceSlice, GoType.InterfaceSlice, GoType.Int, GoType.String], certificate, true,
            c =>
            {
                var key = ParseKeyArgument(c[4]);
                return SprigExtraCertificates.Create(c, Str(c[0]), c[1], c[2], Int(c[3]), key, null, isCa: false);
            });
        Add(map, "genSignedCert", [GoType.String, GoType.InterfaceSlice, GoType.InterfaceSlice, GoType.Int, certificate], certificate, true,
            c =>
            {
                var key = Generate(KeyKind.Rsa, c.Runtime.Random);
                var issuer = SprigExtraCertificates.ReadIssuer((SprigCertificate)c[4]!);
                return SprigExtraCertificates.Create(c, Str(c[0]), c[1], c[2], Int(c[3]), key, issuer, isCa: false);
            });
        Add(map, "genSignedCertWithKey", [GoType.String, GoType.InterfaceSlice, GoType.InterfaceSlice, GoType.Int, certificate, GoType.String], certificate, true,
            c =>
            {
                var key = ParseKeyArgument(c[5]);
                var issuer = SprigExtraCertificates.ReadIssuer((SprigCertificate)c[4]!);
                return SprigExtraCertificates.Create(c, Str(c[0]), c[1], c[2], Int(c[3]), key, issuer, isCa: false);
            });
    }

    private static uint UInt32(object? value) => value switch
    {
        uint u => u,
        long l => unchecked((uint)l),
        int i => unchecked((uint)i),
        GoInt64 g => unchecked((uint)g.Value),
        double d => (uint)d,
        _ => 0,
    };

    private static PrivateKey ParseKeyArgument(object? pem)
    {
        try
        {
            return ParsePrivateKeyPem(Str(pem));
        }
        catch (FormatException e)
        {
            throw new TemplateFunctionException("parsing private key: " + e.Message, e);
        }
    }

    private static SprigCertificate BuildCustomCert(string b64cert, string b64key)
    {
        var cert = SprigExtraEncoding.DecodeBase64(b64cert, out var certError);
        if (certError is not null)
            throw new TemplateFunctionException("unable to decode base64 certificate");
        var key = SprigExtraEncoding.DecodeBase64(b64key, out var keyError);
        if (keyError is not null)
            throw new TemplateFunctionException("unable to decode base64 private key");
        var certText = SprigExtraEncoding.GoString(cert);
        var keyText = SprigExtraEncoding.GoString(key);
        var block = DecodePem(certText) ?? throw new TemplateFunctionException("unable to decode certificate");
        try
        {
            X509CertificateLoaderProbe(block.Bytes);
        }
        catch (CryptographicException e)
        {
            throw new TemplateFunctionException("error parsing certificate: decodedCert.Bytes: x509: malformed certificate", e);
        }

        try
        {
            ParsePrivateKeyPem(keyText);
        }
        catch (FormatException e)
        {
            throw new TemplateFunctionException("error parsing private key: " + e.Message, e);
        }

        return new SprigCertificate(certText, keyText);
    }

    private static void X509CertificateLoaderProbe(byte[] der)
    {
        using var cert = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(der);
    }

    private static string Bcrypt(FunctionCall c, string input)
    {
        // The salt comes from the runtime's random source so seeded runs repeat; cost 10 as Go's DefaultCost.
        var saltBytes = new byte[16];
        c.Runtime.Random.NextBytes(saltBytes);
        var salt = "$2a$10$" + BcryptBase64(saltBytes)[..22];
        return BCrypt.Net.BCrypt.HashPassword(input, salt);
    }

    private static string BcryptBase64(byte[] data)
    {
        const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var sb = new StringBuilder();
        var i = 0;
        while (i < data.Length)
        {
            var c1 = data[i++];
            sb.Append(Alphabet[(c1 >> 2) & 0x3f]);
            c1 = (byte)((c1 & 0x03) << 4);
            if (i >= data.Length)
            {
                sb.Append(Alphabet[c1 & 0x3f]);
                break;
            }

            var c2 = data[i++];
            sb.Append(Alphabet[(c1 | (c2 >> 4)) & 0x3f]);
            c1 = (byte)((c2 & 0x0f) << 2);
            if (i >= data.Length)
            {
                sb.Append(Alphabet[c1 & 0x3f]);
                break;
            }

            c2 = data[i++];
            sb.Append(Alphabet[(c1 | (c2 >> 6)) & 0x3f]);
            sb.Append(Alphabet[c2 & 0x3f]);
        }

        return sb.ToString();
    }

    private static string DerivePassword(uint counter, string passwordType, string password, string user, string site)
    {
        var templates = Templates(passwordType);
        if (templates is null)
            return "cannot find password template " + passwordType;
        var userBytes = TextEncoding.UTF8.GetBytes(user);
        var salt = new List<byte>(TextEncoding.UTF8.GetBytes(MasterPasswordSeed));
        AppendUInt32(salt, (uint)userBytes.Length);
        salt.AddRange(userBytes);
        var key = SprigExtraScrypt.DeriveKey(TextEncoding.UTF8.GetBytes(password), [.. salt], 32768, 8, 2, 64);

        var siteBytes = TextEncoding.UTF8.GetBytes(site);
        var message = new List<byte>(TextEncoding.UTF8.GetBytes(MasterPasswordSeed));
        AppendUInt32(message, (uint)siteBytes.Length);
        message.AddRange(siteBytes);
        AppendUInt32(message, counter);
        var seed = HMACSHA256.HashData(key, message.ToArray());
        var template = templates[seed[0] % templates.Length];
        var sb = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var chars = TemplateCharacters(template[i]);
            sb.Append(chars[seed[i + 1] % chars.Length]);
        }

        return sb.ToString();
    }

    private static void AppendUInt32(List<byte> buffer, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        buffer.AddRange(b.ToArray());
    }

    private static string[]? Templates(string type) => type switch
    {
        "maximum" => ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long" =>
        [
            "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
            "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium" => ["CvcnoCvc", "CvcCvcno"],
        "short" => ["Cvcn"],
        "basic" => ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin" => ["nnnn"],
        _ => null,
    };

    private static string TemplateCharacters(char c) => c switch
    {
        'V' => "AEIOU",
        'C' => "BCDFGHJKLMNPQRSTVWXYZ",
        'v' => "aeiou",
        'c' => "bcdfghjklmnpqrstvwxyz",
        'A' => "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        'a' => "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        'n' => "0123456789",
        'o' => "@&%?,=[]_:-+*$#!'^~;()/.",
        'x' => "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
        _ => "",
    };

    private static byte[] AesKey(string password)
    {
        var key = new byte[32];
        var p = SprigExtraGoBytes.ToBytes(password);
        Array.Copy(p, key, Math.Min(32, p.Length));
        return key;
    }

    private static string EncryptAes(FunctionCall c, string password, string plaintext)
    {
        if (plaintext.Length == 0)
            return "";
        using var aes = Aes.Create();
        aes.Key = AesKey(password);
        var iv = new byte[16];
        c.Runtime.Random.NextBytes(iv);
        var cipher = aes.EncryptCbc(SprigExtraGoBytes.ToBytes(plaintext), iv, PaddingMode.PKCS7);
        return Convert.ToBase64String([.. iv, .. cipher]);
    }

    private static string DecryptAes(string password, string crypt64)
    {
        if (crypt64.Length == 0)
            return "";
        var crypt = SprigExtraEncoding.DecodeBase64(crypt64, out var error);
        if (error is not null)
            throw new TemplateFunctionException(error);
        if (crypt.Length < 16)
            throw new TemplateFunctionException($"runtime error: slice bounds out of range [:16] with capacity {crypt.Length}");
        var body = crypt[16..];
        if (body.Length % 16 != 0)
            throw new TemplateFunctionException("crypto/cipher: input not full blocks");
        using var aes = Aes.Create();
        aes.Key = AesKey(password);
        var plain = aes.DecryptCbc(body, crypt[..16], PaddingMode.None);
        if (plain.Length == 0)
            throw new TemplateFunctionException("runtime error: index out of range [-1]");
        var pad = plain[^1];
        var end = plain.Length - pad;
        if (end < 0)
            throw new TemplateFunctionException($"runtime error: slice bounds out of range [:{end}]");
        return SprigExtraEncoding.GoString(plain[..end]);
    }
}

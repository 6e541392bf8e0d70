using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// PEM blocks and private keys the way Sprig handles them: Go's <c>pem.Decode</c>/<c>pem.Encode</c>,
/// Sprig's <c>parsePrivateKeyPEM</c> (PKCS#8, PKCS#1, SEC 1 and OpenSSL DSA) and <c>pemBlockForKey</c>.
/// </summary>
internal static class SprigExtraKeys
{
    private const string Ed25519Oid = "1.3.101.112";

    internal enum KeyKind
    {
        Rsa,
        Ec,
        Ed25519,
        Dsa,
    }

    /// <summary>A private key of one of the kinds Sprig's generators accept.</summary>
    internal sealed record PrivateKey(KeyKind Kind, AsymmetricAlgorithm? Algorithm, byte[]? Seed)
    {
        public PublicKey PublicKey() => Kind switch
        {
            KeyKind.Ed25519 => new PublicKey(new Oid(Ed25519Oid), null, new AsnEncodedData(SprigExtraEd25519.PublicKey(Seed!))),
            _ => new PublicKey(Algorithm!),
        };

        /// <summary>Go's <c>pemBlockForKey</c>, PEM-encoded.</summary>
        public string ToPem() => Kind switch
        {
            KeyKind.Rsa => EncodePem("RSA PRIVATE KEY", ((RSA)Algorithm!).ExportRSAPrivateKey()),
            KeyKind.Ec => EncodePem("EC PRIVATE KEY", ((ECDsa)Algorithm!).ExportECPrivateKey()),
            KeyKind.Dsa => EncodePem("DSA PRIVATE KEY", EncodeDsa(((DSA)Algorithm!).ExportParameters(true))),
            _ => EncodePem("PRIVATE KEY", [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, .. Seed!]),
        };
    }

    /// <summary>Go's <c>pem.EncodeToMemory</c>: 64-character base64 lines, trailing newline.</summary>
    public static string EncodePem(string type, byte[] bytes)
    {
        var sb = new StringBuilder();
        sb.Append("-----BEGIN ").Append(type).Append("-----\n");
        var b64 = Convert.ToBase64String(bytes);
        for (var i = 0; i < b64.Length; i += 64)
            sb.Append(b64, i, Math.Min(64, b64.Length - i)).Append('\n');
        sb.Append("-----END ").Append(type).Append("-----\n");
        return sb.ToString();
    }

    /// <summary>The first PEM block of <paramref name="text"/> (type and bytes), or null as Go's <c>pem.Decode</c> gives.</summary>
    public static (string Type, byte[] Bytes)? DecodePem(string text)
    {
        var rest = text;
        while (true)
        {
            var begin = rest.IndexOf("-----BEGIN ", StringComparison.Ordinal);
            if (begin < 0)
                return null;
            rest = rest[(begin + 11)..];
            var lineEnd = rest.IndexOf('\n', StringComparison.Ordinal);
            var line = (lineEnd < 0 ? rest : rest[..lineEnd]).TrimEnd('\r', ' ', '\t');
            if (!line.EndsWith("-----", StringComparison.Ordinal) || lineEnd < 0)
                continue;
            var type = line[..^5];
            var body = rest[(lineEnd + 1)..];
            var endMarker = "-----END " + type + "-----";
            var end = body.IndexOf(endMarker, StringComparison.Ordinal);
            if (end < 0)
                continue;
            var content = body[..end];
            if (content.Contains(':', StringComparison.Ordinal))
                content = string.Join('\n', content.Split('\n').SkipWhile(l => l.Contains(':', StringComparison.Ordinal) || l.Trim().Length == 0));
            var b64 = new string(content.Where(c => !char.IsWhiteSpace(c)).ToArray());
            try
            {
                return (type, Convert.FromBase64String(b64));
            }
            catch (FormatException)
            {
                continue;
            }
        }
    }

    /// <summary>Sprig's <c>parsePrivateKeyPEM</c>; throws <see cref="FormatException"/> with its message.</summary>
    public static PrivateKey ParsePrivateKeyPem(string pem)
    {
        var block = DecodePem(pem) ?? throw new FormatException("no PEM data in input");
        var (type, bytes) = block;
        try
        {
            if (type == "PRIVATE KEY")
                return ParsePkcs8(bytes);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException or FormatException)
        {
            throw new FormatException("decoding PEM as PKCS#8: " + e.Message, e);
        }

        if (!type.EndsWith(" PRIVATE KEY", StringComparison.Ordinal))
            throw new FormatException("no private key data in PEM block of type " + type);
        var prefix = type[..^12];
        try
        {
            switch (prefix)
            {
                case "RSA":
                    {
                        var rsa = RSA.Create();
                        rsa.ImportRSAPrivateKey(bytes, out _);
                        return new PrivateKey(KeyKind.Rsa, rsa, null);
                    }

                case "EC":
                    {
                        var ec = ECDsa.Create();
                        ec.ImportECPrivateKey(bytes, out _);
                        return new PrivateKey(KeyKind.Ec, ec, null);
                    }

                case "DSA":
                    return new PrivateKey(KeyKind.Dsa, DecodeDsa(bytes), null);
                default:
                    throw new FormatException("invalid private key type " + type);
            }
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            var what = prefix switch
            {
                "RSA" => "parsing RSA private key from PEM: ",
                "EC" => "parsing EC private key from PEM: ",
                _ => "parsing DSA private key from PEM: ",
            };
            throw new FormatException(what + e.Message, e);
        }
    }

    private static PrivateKey ParsePkcs8(byte[] bytes)
    {
        var reader = new AsnReader(bytes, AsnEncodingRules.DER).ReadSequence();
        reader.ReadInteger();
        var algorithm = reader.ReadSequence().ReadObjectIdentifier();
        switch (algorithm)
        {
            case "1.2.840.113549.1.1.1":
                {
                    var rsa = RSA.Create();
                    rsa.ImportPkcs8PrivateKey(bytes, out _);
                    return new PrivateKey(KeyKind.Rsa, rsa, null);
                }

            case "1.2.840.10045.2.1":
                {
                    var ec = ECDsa.Create();
                    ec.ImportPkcs8PrivateKey(bytes, out _);
                    return new PrivateKey(KeyKind.Ec, ec, null);
                }

            case Ed25519Oid:
                {
                    var inner = new AsnReader(reader.ReadOctetString(), AsnEncodingRules.DER).ReadOctetString();
                    if (inner.Length != 32)
                        throw new FormatException("x509: invalid Ed25519 private key length: " + inner.Length);
                    return new PrivateKey(KeyKind.Ed25519, null, inner);
                }

            default:
                throw new FormatException("x509: PKCS#8 wrapping contained private key with unknown algorithm: " + algorithm);
        }
    }

#pragma warning disable CA5384 // Sprig reads "DSA PRIVATE KEY" blocks; rejecting them would change behaviour.
    private static DSA DecodeDsa(byte[] bytes)
    {
        var seq = new AsnReader(bytes, AsnEncodingRules.DER).ReadSequence();
        seq.ReadInteger();
        var p = seq.ReadInteger();
        var q = seq.ReadInteger();
        var g = seq.ReadInteger();
        var y = seq.ReadInteger();
        var x = seq.ReadInteger();
        var dsa = DSA.Create();
        var pBytes = Unsigned(p);
        dsa.ImportParameters(new DSAParameters
        {
            P = pBytes,
            Q = Unsigned(q),
            G = Pad(Unsigned(g), pBytes.Length),
            Y = Pad(Unsigned(y), pBytes.Length),
            X = Pad(Unsigned(x), Unsigned(q).Length),
        });
        return dsa;
    }
#pragma warning restore CA5384

    private static byte[] EncodeDsa(DSAParameters k)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(0);
            foreach (var part in new[] { k.P, k.Q, k.G, k.Y, k.X })
                w.WriteInteger(new BigInteger(part, isUnsigned: true, isBigEndian: true));
        }

        return w.Encode();
    }

    private static byte[] Unsigned(BigInteger v) => v.ToByteArray(isUnsigned: true, isBigEndian: true);

    private static byte[] Pad(byte[] b, int length) =>
        b.Length >= length ? b : [.. new byte[length - b.Length], .. b];

    /// <summary>Go's key generation for <c>genPrivateKey</c> and the certificate generators.</summary>
    public static PrivateKey Generate(KeyKind kind, Random random, int rsaBits = 2048) => kind switch
    {
        KeyKind.Rsa => new PrivateKey(KeyKind.Rsa, RSA.Create(rsaBits), null),
        KeyKind.Ec => new PrivateKey(KeyKind.Ec, ECDsa.Create(ECCurve.NamedCurves.nistP256), null),
#pragma warning disable CA5384 // genPrivateKey "dsa" must produce the DSA key Sprig produces.
        KeyKind.Dsa => new PrivateKey(KeyKind.Dsa, DSA.Create(2048), null),
#pragma warning restore CA5384
        _ => new PrivateKey(KeyKind.Ed25519, null, RandomBytes(random, 32)),
    };

    private static byte[] RandomBytes(Random random, int n)
    {
        var b = new byte[n];
        random.NextBytes(b);
        return b;
    }
}

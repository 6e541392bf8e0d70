using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Functions.Sprig.SprigExtraKeys;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Sprig's certificate generators: the template of <c>getBaseCertTemplate</c> (random 128-bit serial,
/// key encipherment and digital signature, server and client auth, basic constraints), signed as
/// Go's <c>x509.CreateCertificate</c> signs it (SHA-256 with RSA/ECDSA, pure Ed25519).
/// </summary>
internal static class SprigExtraCertificates
{
    /// <summary>The signing side: the issuer's name and key, and its subject key id for the authority key id.</summary>
    internal sealed record Issuer(X500DistinguishedName Name, PrivateKey Key, byte[]? SubjectKeyId);

    public static SprigCertificate Create(
        FunctionCall call, string cn, object? ips, object? dns, long daysValid, PrivateKey signee, Issuer? parent, bool isCa)
    {
        var ipAddresses = NetIps(ips);
        var dnsNames = DnsNames(dns);
        var serialBytes = new byte[16];
        call.Runtime.Random.NextBytes(serialBytes);
        var serial = new BigInteger(serialBytes, isUnsigned: true, isBigEndian: true).ToByteArray(isUnsigned: false, isBigEndian: true);

        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(cn);
        var subjectName = subject.Build();
        var signer = parent?.Key ?? signee;
        if (signer.Kind == KeyKind.Dsa)
            throw new TemplateFunctionException("error creating certificate: x509: certificate private key does not implement crypto.Signer");
        if (signee.Kind == KeyKind.Dsa)
            throw new TemplateFunctionException("error creating certificate: x509: only RSA, ECDSA and Ed25519 keys supported");

        var publicKey = signee.PublicKey();
        var request = new CertificateRequest(subjectName, publicKey, Hash(signer));
        var usage = X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature;
        if (isCa)
            usage |= X509KeyUsageFlags.KeyCertSign;
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, critical: true));
        if (isCa)
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(publicKey, X509SubjectKeyIdentifierHashAlgorithm.Sha1, critical: false));
        if (parent?.SubjectKeyId is { Length: > 0 } ski)
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski));
        if (ipAddresses.Count > 0 || dnsNames.Count > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in dnsNames)
                san.AddDnsName(name);
            foreach (var ip in ipAddresses)
                san.AddIpAddress(ip);
            request.CertificateExtensions.Add(san.Build());
        }

        var now = call.Runtime.Now;
        var notAfter = now.AddHours(24.0 * daysValid);
        if (notAfter < now)
            notAfter = now;
        var issuerName = parent?.Name ?? subjectName;
        using var certificate = request.Create(issuerName, Generator(signer), now, notAfter, serial);
        return new SprigCertificate(EncodePem("CERTIFICATE", certificate.RawData), signee.ToPem());
    }

    /// <summary>Reads a <c>sprig.certificate</c> as the signing CA (Sprig's <c>generateSignedCertificateWithKeyInternal</c>).</summary>
    public static Issuer ReadIssuer(SprigCertificate ca)
    {
        var block = DecodePem(ca.Cert) ?? throw new TemplateFunctionException("unable to decode certificate");
        X509Certificate2 cert;
        try
        {
            cert = X509CertificateLoader.LoadCertificate(block.Bytes);
        }
        catch (CryptographicException e)
        {
            throw new TemplateFunctionException("error parsing certificate: decodedSignerCert.Bytes: x509: malformed certificate", e);
        }

        PrivateKey key;
        try
        {
            key = ParsePrivateKeyPem(ca.Key);
        }
        catch (FormatException e)
        {
            throw new TemplateFunctionException("error parsing private key: " + e.Message, e);
        }

        using (cert)
        {
            var ski = cert.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault();
            return new Issuer(cert.SubjectName, key, ski?.SubjectKeyIdentifierBytes.ToArray());
        }
    }

    private static List<IPAddress> NetIps(object? ips)
    {
        var result = new List<IPAddress>();
        if (ips is not GoList list)
            return result;
        foreach (var item in list)
        {
            if (item is not (string or Provenance.TrackedString))
                throw new TemplateFunctionException("error parsing ip: " + GoFormat.FormatValue(item) + " is not a string");
            var text = SprigExtraArgs.Str(item);
            if (!TryParseGoIp(text, out var ip))
                throw new TemplateFunctionException("error parsing ip: " + text);
            result.Add(ip);
        }

        return result;
    }

    // Go's net.ParseIP accepts dotted IPv4 (no leading zeros) and IPv6 without zones or brackets.
    private static bool TryParseGoIp(string text, out IPAddress ip)
    {
        ip = IPAddress.None;
        if (text.Contains('%', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal) || text.Length == 0)
            return false;
        if (text.Contains(':', StringComparison.Ordinal))
            return IPAddress.TryParse(text, out ip!);
        var parts = text.Split('.');
        if (parts.Length != 4)
            return false;
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var p = parts[i];
            if (p.Length == 0 || p.Length > 3 || !p.All(char.IsAsciiDigit) || (p.Length > 1 && p[0] == '0'))
                return false;
            var v = int.Parse(p, System.Globalization.CultureInfo.InvariantCulture);
            if (v > 255)
                return false;
            bytes[i] = (byte)v;
        }

        ip = new IPAddress(bytes);
        return true;
    }

    private static List<string> DnsNames(object? dns)
    {
        var result = new List<string>();
        if (dns is not GoList list)
            return result;
        foreach (var item in list)
        {
            if (item is not (string or Provenance.TrackedString))
                throw new TemplateFunctionException("error processing alternate dns name: " + GoFormat.FormatValue(item) + " is not a string");
            result.Add(SprigExtraArgs.Str(item));
        }

        return result;
    }

    private static X509SignatureGenerator Generator(PrivateKey key) => key.Kind switch
    {
        KeyKind.Rsa => X509SignatureGenerator.CreateForRSA((RSA)key.Algorithm!, RSASignaturePadding.Pkcs1),
        KeyKind.Ec => X509SignatureGenerator.CreateForECDsa((ECDsa)key.Algorithm!),
        _ => new Ed25519Generator(key),
    };

    // Go signs ECDSA with the hash that matches the curve size.
    private static HashAlgorithmName Hash(PrivateKey key) => key.Algorithm is ECDsa ec
        ? ec.KeySize switch
        {
            384 => HashAlgorithmName.SHA384,
            521 => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        }
        : HashAlgorithmName.SHA256;

    /// <summary>Signs with pure Ed25519 (algorithm identifier without parameters, as Go writes it).</summary>
    private sealed class Ed25519Generator(PrivateKey key) : X509SignatureGenerator
    {
        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
            [0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70];

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
            SprigExtraEd25519.Sign(key.Seed!, data);

        protected override PublicKey BuildPublicKey() => key.PublicKey();
    }
}

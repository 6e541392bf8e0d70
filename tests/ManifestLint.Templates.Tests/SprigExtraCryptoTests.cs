using System.Security.Cryptography.X509Certificates;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Tests.SprigExtraTestRuntime;

namespace ManifestLint.Templates.Tests;

public sealed class SprigExtraCryptoTests
{
    // A P-256 key in SEC 1 form, as Go's x509.MarshalECPrivateKey writes it.
    private const string EcKey =
        "-----BEGIN EC PRIVATE KEY-----\n" +
        "MHcCAQEEIPiyUfqxbGddW+I9gK5dJ3BiFthgrG4XvcOrmiskfG2ToAoGCCqGSM49\n" +
        "AwEHoUQDQgAEtyYWNMikU5+1MKXv1V2QIARXck3C/wFKHKQebvRXWjoTecWPX1wA\n" +
        "ZZu9+3RRUAnAWGFiEFol/cQq/WvHbIAxBg==\n" +
        "-----END EC PRIVATE KEY-----\n";

    [Theory]
    [InlineData(1u, "long", "ZedaFaxcZaso9*")]
    [InlineData(2u, "long", "Fovi2@JifpTupx")]
    [InlineData(1u, "basic", "pIS54PLs")]
    [InlineData(1u, "pin", "6685")]
    [InlineData(1u, "nosuch", "cannot find password template nosuch")]
    public void DerivePasswordIsMasterPassword(uint counter, string type, string expected) =>
        Assert.Equal(expected, Call("derivePassword", (long)counter, type, "password", "user", "example.com"));

    [Fact]
    public void AesDecryptsSprigCiphertextAndRoundTrips()
    {
        Assert.Equal("hello helm", Call("decryptAES", "secret", "AAECAwQFBgcICQoLDA0OD/YWGP7cWeQjTHdHjbImEN0="));
        var rt = new SprigExtraTestRuntime();
        var encrypted = (string)rt.Invoke("encryptAES", "secret", "round trip")!;
        Assert.Equal(32, Convert.FromBase64String(encrypted).Length);
        Assert.Equal("round trip", rt.Invoke("decryptAES", "secret", encrypted));
        Assert.Equal("", Call("encryptAES", "secret", ""));
        Assert.Equal("illegal base64 data at input byte 0", Error("decryptAES", "secret", "!!notbase64"));
    }

    [Fact]
    public void BcryptAndHtpasswd()
    {
        var hash = (string)Call("bcrypt", "secret")!;
        Assert.Equal(60, hash.Length);
        Assert.StartsWith("$2a$10$", hash, StringComparison.Ordinal);
        Assert.True(BCrypt.Net.BCrypt.Verify("secret", hash));
        Assert.StartsWith("user:$2a$10$", (string)Call("htpasswd", "user", "pass")!, StringComparison.Ordinal);
        Assert.Equal("invalid username: a:b", Call("htpasswd", "a:b", "pass"));
    }

    [Fact]
    public void GenPrivateKeyWritesGoPemBlocks()
    {
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----\n", (string)Call("genPrivateKey", "ecdsa")!, StringComparison.Ordinal);
        var ed = (string)Call("genPrivateKey", "ed25519")!;
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI", ed, StringComparison.Ordinal);
        Assert.EndsWith("-----END PRIVATE KEY-----\n", ed, StringComparison.Ordinal);
        Assert.Equal("Unknown type unknown", Call("genPrivateKey", "unknown"));
    }

    [Fact]
    public void CertificatesWithAGivenKeyKeepIt()
    {
        var ca = Assert.IsType<SprigCertificate>(Call("genCAWithKey", "ca", 365L, EcKey));
        Assert.Equal(EcKey, ca.Key);
        Assert.Equal("sprig.certificate", GoFormat.TypeName(ca));
        var leaf = Assert.IsType<SprigCertificate>(Call("genSignedCertWithKey", "leaf", List("10.0.0.1"), List("leaf.example"), 30L, ca, EcKey));
        Assert.Equal(EcKey, leaf.Key);
        using var caCert = X509Certificate2.CreateFromPem(ca.Cert);
        using var leafCert = X509Certificate2.CreateFromPem(leaf.Cert);
        Assert.Equal("CN=ca", caCert.Subject);
        Assert.Equal("CN=ca", leafCert.Issuer);
        Assert.True(caCert.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.False(leafCert.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        var san = leafCert.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["leaf.example"], san.EnumerateDnsNames());
        Assert.Equal("10.0.0.1", san.EnumerateIPAddresses().Single().ToString());
        Assert.Equal(SprigExtraTestRuntime.FixedNow.AddDays(30).UtcDateTime, leafCert.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void Ed25519KeysSignCertificates()
    {
        var key = (string)Call("genPrivateKey", "ed25519")!;
        var cert = Assert.IsType<SprigCertificate>(Call("genSelfSignedCertWithKey", "h", null, null, 1L, key));
        Assert.Equal(key, cert.Key);
        using var parsed = X509Certificate2.CreateFromPem(cert.Cert);
        Assert.Equal("1.3.101.112", parsed.SignatureAlgorithm.Value);
    }

    [Fact]
    public void CertificateErrorsMatchSprig()
    {
        Assert.Equal("error parsing ip: bad-ip", Error("genSelfSignedCertWithKey", "h", List("bad-ip"), null, 30L, EcKey));
        Assert.Equal("error processing alternate dns name: 1 is not a string", Error("genSelfSignedCertWithKey", "cn", null, List(1L), 30L, EcKey));
        Assert.Equal("unable to decode base64 certificate", Error("buildCustomCert", "!!", "x"));
        Assert.Equal("unable to decode certificate", Error("buildCustomCert", Convert.ToBase64String("not pem"u8.ToArray()), "a2V5"));
        Assert.Equal("parsing private key: no PEM data in input", Error("genCAWithKey", "ca", 1L, "nothing"));
    }
}

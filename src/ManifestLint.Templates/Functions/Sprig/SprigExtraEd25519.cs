using System.Numerics;
using System.Security.Cryptography;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Ed25519 (RFC 8032) public-key derivation and signing, which .NET does not provide: needed when a
/// template passes an Ed25519 key to the certificate generators. Not constant time; keys here are
/// throwaway values generated for rendered manifests.
/// </summary>
internal static class SprigExtraEd25519
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger Q = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger SqrtM1 = BigInteger.ModPow(2, (P - 1) / 4, P);
    private static readonly Point Base = MakeBase();

    private readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T);

    public static byte[] PublicKey(byte[] seed)
    {
        var (a, _) = Expand(seed);
        return Encode(Multiply(Base, a));
    }

    public static byte[] Sign(byte[] seed, byte[] message)
    {
        var (a, prefix) = Expand(seed);
        var publicKey = Encode(Multiply(Base, a));
        var r = Mod(FromLittleEndian(SHA512.HashData([.. prefix, .. message])), Q);
        var rEncoded = Encode(Multiply(Base, r));
        var k = Mod(FromLittleEndian(SHA512.HashData([.. rEncoded, .. publicKey, .. message])), Q);
        var s = Mod(r + (k * a), Q);
        return [.. rEncoded, .. ToLittleEndian(s)];
    }

    private static (BigInteger A, byte[] Prefix) Expand(byte[] seed)
    {
        var h = SHA512.HashData(seed);
        var a = h[..32];
        a[0] &= 248;
        a[31] &= 127;
        a[31] |= 64;
        return (FromLittleEndian(a), h[32..]);
    }

    private static Point Add(Point p, Point q)
    {
        var a = Mod((p.Y - p.X) * (q.Y - q.X));
        var b = Mod((p.Y + p.X) * (q.Y + q.X));
        var c = Mod(2 * p.T * q.T * D);
        var d = Mod(2 * p.Z * q.Z);
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return new Point(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    private static Point Multiply(Point p, BigInteger s)
    {
        var q = new Point(0, 1, 1, 0);
        while (s > 0)
        {
            if (!s.IsEven)
                q = Add(q, p);
            p = Add(p, p);
            s >>= 1;
        }

        return q;
    }

    private static byte[] Encode(Point p)
    {
        var zinv = Inverse(p.Z);
        var x = Mod(p.X * zinv);
        var y = Mod(p.Y * zinv);
        var bytes = ToLittleEndian(y);
        bytes[31] |= (byte)((x.IsEven ? 0 : 1) << 7);
        return bytes;
    }

    private static Point MakeBase()
    {
        var y = Mod(4 * Inverse(5));
        var x2 = Mod(((y * y) - 1) * Inverse((D * y * y) + 1));
        var x = BigInteger.ModPow(x2, (P + 3) / 8, P);
        if (Mod((x * x) - x2) != 0)
            x = Mod(x * SqrtM1);
        if (!x.IsEven)
            x = P - x;
        return new Point(x, y, 1, Mod(x * y));
    }

    private static BigInteger Mod(BigInteger v) => Mod(v, P);

    private static BigInteger Mod(BigInteger v, BigInteger m)
    {
        var r = BigInteger.Remainder(v, m);
        return r.Sign < 0 ? r + m : r;
    }

    private static BigInteger Inverse(BigInteger v) => BigInteger.ModPow(Mod(v), P - 2, P);

    private static BigInteger FromLittleEndian(byte[] bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    private static byte[] ToLittleEndian(BigInteger v)
    {
        var bytes = new byte[32];
        v.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }
}

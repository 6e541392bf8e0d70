using System.Globalization;
using System.Text;

namespace ManifestLint.Admission.Cel;

/// <summary>Equality, ordering, arithmetic and naming of CEL values, as cel-go defines them.</summary>
public static class CelSemantics
{
    public static string TypeName(object? v) => v switch
    {
        null => "null_type",
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        byte[] => "bytes",
        ICelList => "list",
        ICelMap => "map",
        TimeSpan => "google.protobuf.Duration",
        DateTimeOffset => "google.protobuf.Timestamp",
        CelOptional => "optional_type",
        CelType => "type",
        CelQuantity => "kubernetes.Quantity",
        CelSemver => "kubernetes.Semver",
        CelIp => "net.IP",
        CelCidr => "net.CIDR",
        CelUrl => "kubernetes.URL",
        _ => v.GetType().Name,
    };

    public static bool KeyEquals(object a, object b) => Equal(a, b);

    public static bool Equal(object? a, object? b)
    {
        if (a is null || b is null)
            return a is null && b is null;
        if (IsNumber(a) && IsNumber(b))
            return CompareNumbers(a, b) == 0;
        switch (a)
        {
            case string s:
                return b is string t && string.Equals(s, t, StringComparison.Ordinal);
            case bool xb:
                return b is bool yb && xb == yb;
            case byte[] xx:
                return b is byte[] yy && xx.AsSpan().SequenceEqual(yy);
            case ICelList l:
                {
                    if (b is not ICelList m || l.Count != m.Count)
                        return false;
                    for (var i = 0; i < l.Count; i++)
                    {
                        if (!Equal(l[i], m[i]))
                            return false;
                    }

                    return true;
                }

            case ICelMap xm:
                {
                    if (b is not ICelMap ym || xm.Count != ym.Count)
                        return false;
                    foreach (var k in xm.Keys)
                    {
                        if (!xm.TryGet(k, out var xv) || !ym.TryGet(k, out var yv) || !Equal(xv, yv))
                            return false;
                    }

                    return true;
                }

            case CelOptional o:
                return b is CelOptional p && o.HasValue == p.HasValue && Equal(o.Value, p.Value);
            case CelQuantity q:
                return b is CelQuantity r && q.CompareTo(r) == 0;
            default:
                return a.Equals(b);
        }
    }

    public static bool IsNumber(object? v) => v is long or ulong or double;

    public static int Compare(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            var c = CompareNumbers(a!, b!);
            return c == int.MinValue ? throw new CelEvalException("no such overload: NaN comparison") : c;
        }

        return (a, b) switch
        {
            (string x, string y) => Math.Sign(string.CompareOrdinal(x, y)),
            (bool x, bool y) => x.CompareTo(y),
            (byte[] x, byte[] y) => Math.Sign(x.AsSpan().SequenceCompareTo(y)),
            (TimeSpan x, TimeSpan y) => x.CompareTo(y),
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            _ => throw NoOverload("comparison", a, b),
        };
    }

    private static int CompareNumbers(object a, object b)
    {
        switch (a, b)
        {
            case (long x, long y): return x.CompareTo(y);
            case (ulong x, ulong y): return x.CompareTo(y);
            case (long x, ulong y): return x < 0 ? -1 : ((ulong)x).CompareTo(y);
            case (ulong x, long y): return y < 0 ? 1 : x.CompareTo((ulong)y);
        }

        var dx = ToDouble(a);
        var dy = ToDouble(b);
        if (double.IsNaN(dx) || double.IsNaN(dy))
            return int.MinValue;
        return dx.CompareTo(dy);
    }

    private static double ToDouble(object v) => v switch
    {
        long l => l,
        ulong u => u,
        double d => d,
        _ => double.NaN,
    };

    public static CelEvalException NoOverload(string op, params object?[] args) =>
        new($"no such overload: {op}({string.Join(", ", args.Select(TypeName))})");

    public static object Add(object? a, object? b)
    {
        try
        {
            return (a, b) switch
            {
                (long x, long y) => (object)checked(x + y),
                (ulong x, ulong y) => checked(x + y),
                (double x, double y) => x + y,
                (string x, string y) => x + y,
                (byte[] x, byte[] y) => (byte[])[.. x, .. y],
                (ICelList x, ICelList y) => new CelArray([.. Enumerate(x), .. Enumerate(y)]),
                (TimeSpan x, TimeSpan y) => x + y,
                (DateTimeOffset x, TimeSpan y) => x + y,
                (TimeSpan x, DateTimeOffset y) => y + x,
                _ => throw NoOverload("_+_", a, b),
            };
        }
        catch (OverflowException)
        {
            throw new CelEvalException("integer overflow");
        }
    }

    public static object Arithmetic(string op, object? a, object? b)
    {
        try
        {
            switch (op)
            {
                case "-":
                    return (a, b) switch
                    {
                        (long x, long y) => (object)checked(x - y),
                        (ulong x, ulong y) => checked(x - y),
                        (double x, double y) => x - y,
                        (TimeSpan x, TimeSpan y) => x - y,
                        (DateTimeOffset x, TimeSpan y) => x - y,
                        (DateTimeOffset x, DateTimeOffset y) => x - y,
                        _ => throw NoOverload("_-_", a, b),
                    };
                case "*":
                    return (a, b) switch
                    {
                        (long x, long y) => (object)checked(x * y),
                        (ulong x, ulong y) => checked(x * y),
                        (double x, double y) => x * y,
                        _ => throw NoOverload("_*_", a, b),
                    };
                case "/":
                    return (a, b) switch
                    {
                        (long _, 0L) or (ulong _, 0UL) => throw new CelEvalException("division by zero"),
                        (long x, long y) => x == long.MinValue && y == -1 ? throw new OverflowException() : (object)(x / y),
                        (ulong x, ulong y) => x / y,
                        (double x, double y) => x / y,
                        _ => throw NoOverload("_/_", a, b),
                    };
                default:
                    return (a, b) switch
                    {
                        (long _, 0L) or (ulong _, 0UL) => throw new CelEvalException("modulus by zero"),
                        (long x, long y) => y == -1 ? 0L : x % y,
                        (ulong x, ulong y) => x % y,
                        _ => throw NoOverload("_%_", a, b),
                    };
            }
        }
        catch (OverflowException)
        {
            throw new CelEvalException("integer overflow");
        }
    }

    public static IEnumerable<object?> Enumerate(ICelList list)
    {
        for (var i = 0; i < list.Count; i++)
            yield return list[i];
    }

    /// <summary>The text of a value as <c>string()</c> gives it, and as messages show it.</summary>
    public static string Format(object? v) => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        string s => s,
        byte[] b => Encoding.UTF8.GetString(b),
        TimeSpan t => t.TotalSeconds.ToString("0.#########", CultureInfo.InvariantCulture) + "s",
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        ICelList l => "[" + string.Join(", ", Enumerate(l).Select(Quote)) + "]",
        ICelMap m => "{" + string.Join(", ", m.Keys.Select(k => Quote(k) + ": " + Quote(m.TryGet(k, out var x) ? x : null))) + "}",
        CelOptional o => o.HasValue ? $"optional({Quote(o.Value)})" : "optional.none()",
        _ => v.ToString() ?? string.Empty,
    };

    private static string Quote(object? v) => v is string s ? "\"" + s + "\"" : Format(v);

    private static string FormatDouble(double d)
    {
        if (double.IsPositiveInfinity(d))
            return "+Inf";
        if (double.IsNegativeInfinity(d))
            return "-Inf";
        if (double.IsNaN(d))
            return "NaN";
        var abs = Math.Abs(d);
        return abs != 0 && (abs >= 1e21 || abs < 1e-6)
            ? d.ToString("0.################e+00", CultureInfo.InvariantCulture)
            : d.ToString("0.################", CultureInfo.InvariantCulture);
    }
}

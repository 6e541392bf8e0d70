using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace ManifestLint.Admission.Cel;

/// <summary>Kubernetes' <c>resource.Quantity</c> for the CEL quantity library: <c>quantity('1.5Gi')</c>.</summary>
public sealed partial class CelQuantity
{
    private static readonly BigInteger LongMin = long.MinValue;
    private static readonly BigInteger LongMax = long.MaxValue;

    /// <summary>The value is <see cref="Mantissa"/> × 10^<see cref="Exponent"/>, exact at any size (as inf.Dec in Kubernetes).</summary>
    private CelQuantity(string text, BigInteger mantissa, int exponent)
    {
        Text = text;
        Mantissa = mantissa;
        Exponent = exponent;
    }

    public string Text { get; }

    public BigInteger Mantissa { get; }

    public int Exponent { get; }

    public static bool TryParse(string s, out CelQuantity? q)
    {
        q = null;
        var m = QuantityPattern().Match(s);
        if (!m.Success || s.Length > 512)
            return false;
        var number = m.Groups[1].Value;
        var negative = number.StartsWith('-');
        number = number.TrimStart('+', '-');
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? number : number.Remove(dot, 1);
        var exponent = dot < 0 ? 0 : -(number.Length - dot - 1);
        var mantissa = digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        var suffix = m.Groups[2].Value;
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            if (!int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exp) || exp is < -1000 or > 1000)
                return false;
            exponent += exp;
        }
        else
        {
            var binary = suffix switch { "Ki" => 1, "Mi" => 2, "Gi" => 3, "Ti" => 4, "Pi" => 5, "Ei" => 6, _ => 0 };
            if (binary > 0)
                mantissa *= BigInteger.Pow(1024, binary);
            else
                exponent += suffix switch { "n" => -9, "u" => -6, "m" => -3, "k" => 3, "M" => 6, "G" => 9, "T" => 12, "P" => 15, "E" => 18, _ => 0 };
        }

        q = new CelQuantity(s, negative ? -mantissa : mantissa, exponent);
        return true;
    }

    public static CelQuantity Parse(string s) =>
        TryParse(s, out var q) ? q! : throw new CelEvalException($"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': '{s}'");

    public object Call(string fn, object?[] a) => (fn, a.Length) switch
    {
        ("sign", 0) => (long)Mantissa.Sign,
        ("isInteger", 0) => AsInteger() is not null,
        ("asInteger", 0) => AsInteger() ?? throw new CelEvalException("cannot convert value to integer"),
        ("asApproximateFloat", 0) => (double)Mantissa * Math.Pow(10, Exponent),
        ("add", 1) => Combine(a[0], 1),
        ("sub", 1) => Combine(a[0], -1),
        ("isGreaterThan", 1) => CompareTo(Other(a[0])) > 0,
        ("isLessThan", 1) => CompareTo(Other(a[0])) < 0,
        ("compareTo", 1) => (long)CompareTo(Other(a[0])),
        _ => throw CelSemantics.NoOverload(fn, this),
    };

    public int CompareTo(CelQuantity other)
    {
        var (x, y, _) = Align(this, other.Mantissa, other.Exponent);
        return x.CompareTo(y);
    }

    public override bool Equals(object? obj) => obj is CelQuantity o && CompareTo(o) == 0;

    public override int GetHashCode() => ((double)Mantissa * Math.Pow(10, Exponent)).GetHashCode();

    public override string ToString() => Text;

    private long? AsInteger()
    {
        var value = Mantissa;
        if (Exponent >= 0)
        {
            if (Exponent > 19 && !value.IsZero)
                return null;
            value *= BigInteger.Pow(10, Exponent);
        }
        else
        {
            var divisor = BigInteger.Pow(10, -Exponent);
            if (!BigInteger.Remainder(value, divisor).IsZero)
                return null;
            value /= divisor;
        }

        return value >= LongMin && value <= LongMax ? (long)value : null;
    }

    private CelQuantity Combine(object? other, int sign)
    {
        var (m, e) = other switch
        {
            CelQuantity q => (q.Mantissa, q.Exponent),
            long l => (new BigInteger(l), 0),
            _ => throw CelSemantics.NoOverload("quantity arithmetic", this, other),
        };
        var (x, y, exponent) = Align(this, m, e);
        var sum = x + (sign * y);
        var text = sum.ToString(CultureInfo.InvariantCulture) + (exponent == 0 ? string.Empty : "e" + exponent.ToString(CultureInfo.InvariantCulture));
        return new CelQuantity(text, sum, exponent);
    }

    private static (BigInteger X, BigInteger Y, int Exponent) Align(CelQuantity a, BigInteger m, int e)
    {
        var min = Math.Min(a.Exponent, e);
        return (a.Mantissa * BigInteger.Pow(10, a.Exponent - min), m * BigInteger.Pow(10, e - min), min);
    }

    private static CelQuantity Other(object? o) => o as CelQuantity ?? throw CelSemantics.NoOverload("quantity comparison", o);

    [GeneratedRegex(@"^([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))((?:[eE][-+]?[0-9]+)|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|)$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}

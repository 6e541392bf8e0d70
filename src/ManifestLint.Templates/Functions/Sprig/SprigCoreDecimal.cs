using System.Globalization;
using System.Numerics;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// The slice of shopspring/decimal 1.2.0 that Sprig's float functions use: a float64 enters as its shortest
/// decimal form, addition, subtraction and multiplication are exact, division rounds half away from zero
/// to 16 decimal places, and the result goes back to the nearest float64.
/// </summary>
internal readonly record struct SprigCoreDecimal(BigInteger Value, int Exponent)
{
    private const int DivisionPrecision = 16;

    public static SprigCoreDecimal FromDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
            throw SprigCoreValues.Fail("Cannot create a Decimal from " + Values.GoFormat.FormatValue(d));
        if (d == 0)
            return new SprigCoreDecimal(0, 0);
        // "R" gives the shortest text that reads back as the same double, like Go's strconv shortest form.
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= text.Length - dot - 1;
            text = text.Remove(dot, 1);
        }

        return new SprigCoreDecimal(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), exponent);
    }

    public SprigCoreDecimal Add(SprigCoreDecimal other)
    {
        var exp = Math.Min(Exponent, other.Exponent);
        return new SprigCoreDecimal(Rescale(exp) + other.Rescale(exp), exp);
    }

    public SprigCoreDecimal Sub(SprigCoreDecimal other)
    {
        var exp = Math.Min(Exponent, other.Exponent);
        return new SprigCoreDecimal(Rescale(exp) - other.Rescale(exp), exp);
    }

    public SprigCoreDecimal Mul(SprigCoreDecimal other) => new(Value * other.Value, Exponent + other.Exponent);

    public SprigCoreDecimal Div(SprigCoreDecimal other)
    {
        if (other.Value.IsZero)
            throw SprigCoreValues.Fail("decimal division by 0");
        // Quotient scaled by 10^16: (v1 / v2) * 10^(e1 - e2 + 16), rounded half away from zero.
        var k = Exponent - other.Exponent + DivisionPrecision;
        var num = BigInteger.Abs(Value);
        var den = BigInteger.Abs(other.Value);
        if (k >= 0)
            num *= BigInteger.Pow(10, k);
        else
            den *= BigInteger.Pow(10, -k);
        var q = BigInteger.DivRem(num, den, out var r);
        if (r * 2 >= den)
            q += 1;
        if (Value.Sign * other.Value.Sign < 0)
            q = -q;
        return new SprigCoreDecimal(q, -DivisionPrecision);
    }

    public double ToDouble() =>
        double.Parse(Value.ToString(CultureInfo.InvariantCulture) + "E" + Exponent.ToString(CultureInfo.InvariantCulture),
            NumberStyles.Float, CultureInfo.InvariantCulture);

    private BigInteger Rescale(int exp) => Exponent == exp ? Value : Value * BigInteger.Pow(10, Exponent - exp);
}

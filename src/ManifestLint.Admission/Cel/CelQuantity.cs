using System.Globalization;
using System.Text.RegularExpressions;

namespace ManifestLint.Admission.Cel;

/// <summary>Kubernetes' <c>resource.Quantity</c> for the CEL quantity library: <c>quantity('1.5Gi')</c>.</summary>
public sealed partial class CelQuantity
{
    private CelQuantity(string text, decimal value)
    {
        Text = text;
        Value = value;
    }

    public string Text { get; }

    public decimal Value { get; }

    public static bool TryParse(string s, out CelQuantity? q)
    {
        q = null;
        var m = QuantityPattern().Match(s);
        if (!m.Success || !decimal.TryParse(m.Groups[1].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return false;
        var suffix = m.Groups[2].Value;
        decimal scale;
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            if (!int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exp) || exp is < -28 or > 28)
                return false;
            scale = Pow(10m, exp);
        }
        else
        {
            decimal? s2 = suffix switch
            {
                "" => 1m,
                "n" => 0.000000001m,
                "u" => 0.000001m,
                "m" => 0.001m,
                "k" => 1_000m,
                "M" => 1_000_000m,
                "G" => 1_000_000_000m,
                "T" => 1_000_000_000_000m,
                "P" => 1_000_000_000_000_000m,
                "E" => 1_000_000_000_000_000_000m,
                "Ki" => 1024m,
                "Mi" => 1024m * 1024,
                "Gi" => 1024m * 1024 * 1024,
                "Ti" => 1024m * 1024 * 1024 * 1024,
                "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
                "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
                _ => null,
            };
            if (s2 is null)
                return false;
            scale = s2.Value;
        }

        try
        {
            q = new CelQuantity(s, number * scale);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static CelQuantity Parse(string s) =>
        TryParse(s, out var q) ? q! : throw new CelEvalException($"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': '{s}'");

    public object Call(string fn, object?[] a) => (fn, a.Length) switch
    {
        ("sign", 0) => (long)Math.Sign(Value),
        ("isInteger", 0) => Value == decimal.Truncate(Value) && Value is >= long.MinValue and <= long.MaxValue,
        ("asInteger", 0) => Value == decimal.Truncate(Value) && Value is >= long.MinValue and <= long.MaxValue
            ? (long)Value : throw new CelEvalException("cannot convert value to integer"),
        ("asApproximateFloat", 0) => (double)Value,
        ("add", 1) => Combine(a[0], 1),
        ("sub", 1) => Combine(a[0], -1),
        ("isGreaterThan", 1) => Value > Other(a[0]).Value,
        ("isLessThan", 1) => Value < Other(a[0]).Value,
        ("compareTo", 1) => (long)Value.CompareTo(Other(a[0]).Value),
        _ => throw CelSemantics.NoOverload(fn, this),
    };

    public override string ToString() => Text;

    private CelQuantity Combine(object? other, int sign)
    {
        var v = other switch
        {
            CelQuantity q => q.Value,
            long l => l,
            _ => throw CelSemantics.NoOverload("quantity arithmetic", this, other),
        };
        var result = Value + (sign * v);
        return new CelQuantity(result.ToString(CultureInfo.InvariantCulture), result);
    }

    private static CelQuantity Other(object? o) => o as CelQuantity ?? throw CelSemantics.NoOverload("quantity comparison", o);

    private static decimal Pow(decimal b, int e)
    {
        var r = 1m;
        for (var i = 0; i < Math.Abs(e); i++)
            r *= b;
        return e < 0 ? 1 / r : r;
    }

    [GeneratedRegex(@"^([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))((?:[eE][-+]?[0-9]+)|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|)$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}

using static ManifestLint.Templates.Functions.Sprig.SprigCoreValues;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Sprig's integer arithmetic (every operand through <c>cast.ToInt64</c>, Go's wrapping int64 results) and
/// float arithmetic (through shopspring/decimal), with <c>max</c>/<c>min</c>, <c>floor</c>/<c>ceil</c>/<c>round</c>.
/// </summary>
internal static class SprigCoreMath
{
    private static readonly GoType X = GoType.Interface;
    private static readonly GoType I64 = GoType.Int64;
    private static readonly GoType F = GoType.Float64;

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "add1", [X], null, I64, false, c => new Values.GoInt64(unchecked(I(c[0]) + 1)));
        Add(map, "add", NoParameters, X, I64, false, c => new Values.GoInt64(c.Arguments.Aggregate(0L, (a, b) => unchecked(a + I(b)))));
        Add(map, "sub", [X, X], null, I64, false, c => new Values.GoInt64(unchecked(I(c[0]) - I(c[1]))));
        Add(map, "div", [X, X], null, I64, false, c => new Values.GoInt64(Divide(I(c[0]), I(c[1]))));
        Add(map, "mod", [X, X], null, I64, false, c => new Values.GoInt64(Modulo(I(c[0]), I(c[1]))));
        Add(map, "mul", [X], X, I64, false, c => new Values.GoInt64(c.Arguments.Skip(1).Aggregate(I(c[0]), (a, b) => unchecked(a * I(b)))));
        Add(map, "max", [X], X, I64, false, c => new Values.GoInt64(c.Arguments.Skip(1).Aggregate(I(c[0]), (a, b) => Math.Max(a, I(b)))));
        Add(map, "biggest", [X], X, I64, false, c => new Values.GoInt64(c.Arguments.Skip(1).Aggregate(I(c[0]), (a, b) => Math.Max(a, I(b)))));
        Add(map, "min", [X], X, I64, false, c => new Values.GoInt64(c.Arguments.Skip(1).Aggregate(I(c[0]), (a, b) => Math.Min(a, I(b)))));
        Add(map, "maxf", [X], X, F, false, c => c.Arguments.Skip(1).Aggregate(Fl(c[0]), (a, b) => Math.Max(a, Fl(b))));
        Add(map, "minf", [X], X, F, false, c => c.Arguments.Skip(1).Aggregate(Fl(c[0]), (a, b) => Math.Min(a, Fl(b))));
        Add(map, "add1f", [X], null, F, false, c => Decimal(c[0], [1L], (a, b) => a.Add(b)));
        Add(map, "addf", NoParameters, X, F, false, c => Decimal(0.0, c.Arguments, (a, b) => a.Add(b)));
        Add(map, "subf", [X], X, F, false, c => Decimal(c[0], c.Arguments.Skip(1), (a, b) => a.Sub(b)));
        Add(map, "mulf", [X], X, F, false, c => Decimal(c[0], c.Arguments.Skip(1), (a, b) => a.Mul(b)));
        Add(map, "divf", [X], X, F, false, c => Decimal(c[0], c.Arguments.Skip(1), (a, b) => a.Div(b)));
        Add(map, "floor", [X], null, F, false, c => Math.Floor(Fl(c[0])));
        Add(map, "ceil", [X], null, F, false, c => Math.Ceiling(Fl(c[0])));
        Add(map, "round", [X, GoType.Int], F, F, false, c => Round(c[0], Int(c[1]), c.Count > 2 ? Fl(c[2]) : 0.5));
    }

    private static long I(object? value) => SprigCoreCast.ToInt64(value);

    private static double Fl(object? value) => SprigCoreCast.ToFloat64(value);

    private static long Divide(long a, long b)
    {
        if (b == 0)
            throw Fail("runtime error: integer divide by zero");
        return a == long.MinValue && b == -1 ? a : a / b;
    }

    private static long Modulo(long a, long b)
    {
        if (b == 0)
            throw Fail("runtime error: integer divide by zero");
        return b == -1 ? 0 : a % b;
    }

    private static double Decimal(object? first, IEnumerable<object?> rest, Func<SprigCoreDecimal, SprigCoreDecimal, SprigCoreDecimal> op)
    {
        var acc = SprigCoreDecimal.FromDouble(Fl(first));
        foreach (var x in rest)
            acc = op(acc, SprigCoreDecimal.FromDouble(Fl(x)));
        return acc.ToDouble();
    }

    private static double Round(object? a, long places, double roundOn)
    {
        var val = Fl(a);
        var pow = Math.Pow(10, places);
        var digit = pow * val;
        var frac = digit - Math.Truncate(digit);
        if (double.IsInfinity(digit))
            frac = 0;
        var rounded = frac >= roundOn ? Math.Ceiling(digit) : Math.Floor(digit);
        return rounded / pow;
    }
}

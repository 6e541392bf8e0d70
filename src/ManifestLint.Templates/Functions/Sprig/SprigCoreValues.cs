using System.Collections.Immutable;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Go's reflection rules (kinds, emptiness, <c>reflect.DeepEqual</c>) and Sprig's <c>strval</c> over the
/// value representation of <c>VALUES.md</c>, shared by the core Sprig function groups.
/// </summary>
internal static class SprigCoreValues
{
    /// <summary>Go's panic text when Sprig calls <c>reflect.TypeOf(nil).Kind()</c>.</summary>
    public const string NilDereference = "runtime error: invalid memory address or nil pointer dereference";

    public static readonly GoType[] NoParameters = [];

    public static void Add(
        Dictionary<string, TemplateFunction> map,
        string name,
        GoType[] parameters,
        GoType? variadic,
        GoType result,
        bool returnsError,
        Func<FunctionCall, object?> body) =>
        map[name] = new TemplateFunction(name, ImmutableArray.Create(parameters), variadic, result, returnsError, body);

    /// <summary>A Go-side failure (error result or panic) that the evaluator words as <c>error calling NAME: …</c>.</summary>
    public static TemplateFunctionException Fail(string message) => new(message);

    public static object? Plain(object? value) => value is TrackedString t ? t.Text : value;

    public static bool IsString(object? value) => value is string or TrackedString;

    public static string? AsString(object? value) => value switch
    {
        string s => s,
        TrackedString t => t.Text,
        _ => null,
    };

    /// <summary>The argument of a Go <c>string</c> parameter (the evaluator may pass text with provenance).</summary>
    public static string Text(object? value) => value switch
    {
        string s => s,
        TrackedString t => t.Text,
        null => "",
        _ => GoFormat.FormatValue(value),
    };

    /// <summary>The argument of a Go <c>int</c> parameter.</summary>
    public static long Int(object? value) => value switch
    {
        long l => l,
        int i => i,
        GoInt64 g => g.Value,
        double d => SprigCoreCast.Truncate(d),
        bool b => b ? 1 : 0,
        _ => 0,
    };

    /// <summary>What <c>reflect.ValueOf(v).Kind().String()</c> gives.</summary>
    public static string Kind(object? value) => value switch
    {
        null => "invalid",
        string or TrackedString => "string",
        bool => "bool",
        long => "int",
        GoInt64 => "int64",
        GoNamedInt named => named.Kind,
        int => "int32",
        double => "float64",
        float => "float32",
        System.Numerics.Complex => "complex128",
        byte => "uint8",
        sbyte => "int8",
        short => "int16",
        ushort => "uint16",
        uint => "uint32",
        ulong => "uint64",
        byte[] or GoList => "slice",
        GoMap or IGoMapObject => "map",
        IGoObject o => o.GoTypeName.StartsWith('*') ? "ptr" : "struct",
        _ => "invalid",
    };

    public static string TypeName(object? value) => GoFormat.TypeName(value);

    /// <summary>True for Go slices and arrays.</summary>
    public static bool IsList(object? value) => value is GoList or byte[];

    /// <summary>The items of a slice (bytes of a <c>[]byte</c> become <c>uint8</c> values).</summary>
    public static IReadOnlyList<object?> Items(object value) => value switch
    {
        GoList l => l,
        byte[] b => [.. b.Select(x => (object?)x)],
        _ => [],
    };

    /// <summary>The kind named in Sprig's "Cannot … on type KIND" errors; nil panics like Go does.</summary>
    public static string KindOrPanic(object? value) =>
        value is null ? throw Fail(NilDereference) : Kind(value);

    /// <summary>Sprig's <c>empty</c> (adapted from text/template's truth rules).</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        TrackedString t => t.Text.Length == 0,
        bool b => !b,
        long l => l == 0,
        GoInt64 g => g.Value == 0,
        GoNamedInt n => n.Value == 0,
        int i => i == 0,
        double d => d == 0,
        float f => f == 0,
        System.Numerics.Complex c => c == System.Numerics.Complex.Zero,
        byte x => x == 0,
        byte[] b => b.Length == 0,
        GoList l => l.Count == 0,
        GoMap m => m.Count == 0,
        IGoMapObject m => m.Entries.Count == 0,
        _ => false,
    };

    /// <summary>Go's <c>reflect.DeepEqual</c>: equal types and equal contents.</summary>
    public static bool DeepEqual(object? a, object? b)
    {
        if (a is null || b is null)
            return a is null && b is null;
        if (!string.Equals(TypeName(a), TypeName(b), StringComparison.Ordinal))
            return false;
        switch (a)
        {
            case string or TrackedString:
                return string.Equals(AsString(a), AsString(b), StringComparison.Ordinal);
            case double x:
                return x == (double)b;
            case GoList la:
                {
                    var lb = (GoList)b;
                    // A nil slice is not deeply equal to an empty one.
                    if (la.IsNil != lb.IsNil || la.Count != lb.Count)
                        return false;
                    for (var i = 0; i < la.Count; i++)
                    {
                        if (!DeepEqual(la[i], lb[i]))
                            return false;
                    }

                    return true;
                }

            case GoMap ma:
                {
                    var mb = (GoMap)b;
                    // A nil map is not deeply equal to an empty one.
                    if (ma.IsNil != mb.IsNil || ma.Count != mb.Count)
                        return false;
                    foreach (var (k, v) in ma)
                    {
                        if (!mb.TryGetValue(k, out var w) || !DeepEqual(v, w))
                            return false;
                    }

                    return true;
                }

            case byte[] ba:
                return ba.AsSpan().SequenceEqual((byte[])b);
            case GoTime ta:
                return ta.DeepEquals((GoTime)b);
            case IGoObject oa:
                return ReferenceEquals(oa, b) || string.Equals(oa.FormatGo(), ((IGoObject)b).FormatGo(), StringComparison.Ordinal);
            default:
                return a.Equals(b);
        }
    }

    /// <summary>Sprig's <c>strval</c>: strings as they are, byte slices as text, anything else as <c>%v</c>.</summary>
    public static string Strval(object? value) => value switch
    {
        string s => s,
        TrackedString t => t.Text,
        byte[] b => SprigCoreBytes.Decode(b),
        _ => GoFormat.FormatValue(value),
    };

    /// <summary>Sprig's <c>strslice</c> (<c>toStrings</c>): nil items are dropped.</summary>
    public static GoList StrSlice(object? value)
    {
        if (value is GoList list && list.GoTypeName == GoList.StringSliceType)
            return list;
        if (IsList(value))
        {
            var result = new GoList(GoList.StringSliceType);
            foreach (var item in Items(value!))
            {
                if (item is not null)
                    result.Add(Strval(item));
            }

            return result;
        }

        return value is null
            ? new GoList(GoList.StringSliceType)
            : new GoList([Strval(value)], GoList.StringSliceType);
    }

    public static GoList NewList(IEnumerable<object?> items) => new(items);
}

using System.Globalization;
using System.Text;
using ManifestLint.Templates.Values;
using static ManifestLint.Templates.Functions.Sprig.SprigCoreValues;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Sprig's list functions (<c>list</c>, <c>append</c>, <c>first</c>, <c>uniq</c>, <c>slice</c>, <c>chunk</c>, …),
/// each with its <c>must*</c> form, and the integer ranges <c>until</c>, <c>untilStep</c> and <c>seq</c>.
/// The plain forms panic where the <c>must*</c> forms return an error; both reach the template as
/// <c>error calling NAME: …</c>.
/// </summary>
internal static class SprigCoreLists
{
    /// <summary>Bounds the integer ranges so <c>until 100000000</c> fails at once instead of exhausting memory.</summary>
    public const long MaxRangeLength = 1_000_000;

    private static readonly GoType X = GoType.Interface;
    private static readonly GoType I = GoType.Int;
    private static readonly GoType L = GoType.InterfaceSlice;

    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        Add(map, "list", NoParameters, X, L, false, ListOf);
        Add(map, "tuple", NoParameters, X, L, false, ListOf);
        Both(map, "append", "mustAppend", [X, X], L, c => Push(c[0], c[1]));
        Both(map, "push", "mustPush", [X, X], L, c => Push(c[0], c[1]));
        Both(map, "prepend", "mustPrepend", [X, X], L, c => Prepend(c[0], c[1]));
        Both(map, "first", "mustFirst", [X], X, c => First(c[0]));
        Both(map, "rest", "mustRest", [X], L, c => Rest(c[0]));
        Both(map, "last", "mustLast", [X], X, c => Last(c[0]));
        Both(map, "initial", "mustInitial", [X], L, c => Initial(c[0]));
        Both(map, "reverse", "mustReverse", [X], L, c => Reverse(c[0]));
        Both(map, "uniq", "mustUniq", [X], L, c => Uniq(c[0]));
        Both(map, "compact", "mustCompact", [X], L, c => Compact(c[0]));
        Add(map, "without", [X], X, L, false, c => Without(c[0], c.Arguments.Skip(1).ToList()));
        Add(map, "mustWithout", [X], X, L, true, c => Without(c[0], c.Arguments.Skip(1).ToList()));
        Add(map, "has", [X, X], null, GoType.Bool, false, c => Has(c[0], c[1]));
        Add(map, "mustHas", [X, X], null, GoType.Bool, true, c => Has(c[0], c[1]));
        Add(map, "slice", [X], X, X, false, c => Slice(c[0], c.Arguments.Skip(1).ToList()));
        Add(map, "mustSlice", [X], X, X, true, c => Slice(c[0], c.Arguments.Skip(1).ToList()));
        Add(map, "concat", NoParameters, X, X, false, c => Concat(c.Arguments));
        Add(map, "chunk", [I, X], null, X, false, c => Chunk(Int(c[0]), c[1]));
        Add(map, "mustChunk", [I, X], null, X, true, c => Chunk(Int(c[0]), c[1]));
        Add(map, "until", [I], null, GoType.IntSlice, false, c => Until(Int(c[0])));
        Add(map, "untilStep", [I, I, I], null, GoType.IntSlice, false, c => UntilStep(Int(c[0]), Int(c[1]), Int(c[2])));
        Add(map, "seq", NoParameters, I, GoType.String, false, c => Seq([.. c.Arguments.Select(Int)]));
    }

    private static void Both(Dictionary<string, TemplateFunction> map, string name, string mustName, GoType[] parameters, GoType result, Func<FunctionCall, object?> body)
    {
        Add(map, name, parameters, null, result, false, body);
        Add(map, mustName, parameters, null, result, true, body);
    }

    // The items keep the origins the evaluator knows for the arguments.
    private static GoList ListOf(FunctionCall call)
    {
        var result = new GoList();
        for (var i = 0; i < call.Count; i++)
            result.Add(call[i], i < call.Origins.Count ? call.Origins[i] : null);
        return result;
    }

    private static IReadOnlyList<object?> ListOrFail(object? value, string format)
    {
        var kind = KindOrPanic(value);
        if (!IsList(value))
            throw Fail(string.Format(CultureInfo.InvariantCulture, format, kind));
        return Items(value!);
    }

    private static GoList Push(object? list, object? v)
    {
        var items = ListOrFail(list, "Cannot push on type {0}");
        var result = NewList(items);
        result.Add(v);
        return result;
    }

    private static GoList Prepend(object? list, object? v)
    {
        var items = ListOrFail(list, "Cannot prepend on type {0}");
        return NewList(items.Prepend(v));
    }

    private static object? First(object? list)
    {
        var items = ListOrFail(list, "Cannot find first on type {0}");
        return items.Count == 0 ? null : items[0];
    }

    private static object? Last(object? list)
    {
        var items = ListOrFail(list, "Cannot find last on type {0}");
        return items.Count == 0 ? null : items[^1];
    }

    private static GoList Rest(object? list)
    {
        var items = ListOrFail(list, "Cannot find rest on type {0}");
        // Sprig returns nil for an empty list.
        return items.Count == 0 ? GoList.Nil() : NewList(items.Skip(1));
    }

    private static GoList Initial(object? list)
    {
        var items = ListOrFail(list, "Cannot find initial on type {0}");
        // Sprig returns nil for an empty list.
        return items.Count == 0 ? GoList.Nil() : NewList(items.Take(Math.Max(0, items.Count - 1)));
    }

    private static GoList Reverse(object? list)
    {
        var items = ListOrFail(list, "Cannot find reverse on type {0}");
        return NewList(items.Reverse());
    }

    private static GoList Uniq(object? list)
    {
        var items = ListOrFail(list, "Cannot find uniq on type {0}");
        var result = new GoList();
        foreach (var item in items)
        {
            if (!result.Any(x => DeepEqual(item, x)))
                result.Add(item);
        }

        return result;
    }

    private static GoList Compact(object? list)
    {
        var items = ListOrFail(list, "Cannot compact on type {0}");
        return NewList(items.Where(x => !IsEmpty(x)));
    }

    private static GoList Without(object? list, List<object?> omit)
    {
        var items = ListOrFail(list, "Cannot find without on type {0}");
        return NewList(items.Where(x => !omit.Any(o => DeepEqual(x, o))));
    }

    private static bool Has(object? needle, object? haystack)
    {
        if (haystack is null)
            return false;
        var items = ListOrFail(haystack, "Cannot find has on type {0}");
        return items.Any(x => DeepEqual(needle, x));
    }

    private static object? Slice(object? list, List<object?> indices)
    {
        var kind = KindOrPanic(list);
        if (!IsList(list))
            throw Fail("list should be type of slice or array but " + kind);
        var items = Items(list!);
        if (items.Count == 0)
            return null;
        var start = indices.Count > 0 ? SprigCoreCast.ToInt64(indices[0]) : 0;
        var end = indices.Count > 1 ? SprigCoreCast.ToInt64(indices[1]) : items.Count;
        if (start < 0 || end < start || end > items.Count)
            throw Fail("reflect.Value.Slice: slice index out of bounds");
        var typeName = list is GoList gl ? gl.GoTypeName : "[]uint8";
        if (list is byte[] bytes)
            return bytes[(int)start..(int)end];
        var result = new GoList(items.Skip((int)start).Take((int)(end - start)), typeName);
        return result;
    }

    private static GoList Concat(IReadOnlyList<object?> lists)
    {
        // Sprig appends to a nil slice: with nothing to append the result stays nil.
        var result = GoList.Nil();
        foreach (var list in lists)
        {
            var kind = KindOrPanic(list);
            if (!IsList(list))
                throw Fail("Cannot concat type " + kind + " as list");
            foreach (var item in Items(list!))
                result.Add(item);
        }

        return result;
    }

    private static GoList Chunk(long size, object? list)
    {
        var items = ListOrFail(list, "Cannot chunk type {0}");
        // Sprig computes the chunk count in floating point; with size <= 0 Go's make panics.
        if (size <= 0)
            throw Fail("runtime error: makeslice: len out of range");
        var result = new GoList("[][]interface {}");
        for (var i = 0L; i < items.Count; i += size)
        {
            var chunk = new GoList();
            for (var j = i; j < Math.Min(items.Count, i + size); j++)
                chunk.Add(items[(int)j]);
            result.Add(chunk);
        }

        return result;
    }

    private static GoList Until(long count) => UntilStep(0, count, count < 0 ? -1 : 1);

    private static GoList UntilStep(long start, long stop, long step)
    {
        var result = new GoList(GoList.IntSliceType);
        if (stop < start)
        {
            if (step >= 0)
                return result;
            CheckRange(start, stop, step);
            for (var i = start; i > stop; i += step)
                result.Add(i);
            return result;
        }

        if (step <= 0)
            return result;
        CheckRange(start, stop, step);
        for (var i = start; i < stop; i += step)
            result.Add(i);
        return result;
    }

    private static void CheckRange(long start, long stop, long step)
    {
        var count = Math.Abs(((double)stop - start) / step);
        if (count > MaxRangeLength)
        {
            throw Fail(string.Format(CultureInfo.InvariantCulture,
                "range of {0} integers exceeds the limit of {1}", Math.Ceiling(count), MaxRangeLength));
        }
    }

    private static string Seq(long[] p)
    {
        long increment = 1;
        GoList items;
        switch (p.Length)
        {
            case 1:
                {
                    if (p[0] < 1)
                        increment = -1;
                    items = UntilStep(1, p[0] + increment, increment);
                    break;
                }

            case 2:
                {
                    if (p[1] < p[0])
                        increment = -1;
                    items = UntilStep(p[0], p[1] + increment, increment);
                    break;
                }

            case 3:
                {
                    var (start, step, end) = (p[0], p[1], p[2]);
                    if (end < start)
                    {
                        increment = -1;
                        if (step > 0)
                            return "";
                    }
                    else if (step < 0)
                    {
                        return "";
                    }

                    items = UntilStep(start, end + increment, step);
                    break;
                }

            default:
                return "";
        }

        var sb = new StringBuilder();
        foreach (var item in items)
        {
            if (sb.Length > 0)
                sb.Append(' ');
            sb.Append(((long)item!).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}

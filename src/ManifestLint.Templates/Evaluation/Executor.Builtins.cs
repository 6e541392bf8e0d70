using System.Globalization;
using ManifestLint.Templates.Ast;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Evaluation;

// The builtins that see reflect values (Go's funcs.go): comparisons, and/or/not, len, index, call.
internal sealed partial class Executor
{
    private sealed class BuiltinError(string message) : Exception(message);

    private Val CallBuiltin(Val dot, TemplateFunction fun, Node node, string name, List<Node>? args, Val final, bool hasFinal)
    {
        var argNodes = args is null ? 0 : args.Count - 1;
        if (ReferenceEquals(fun, BuiltinFunctions.And) || ReferenceEquals(fun, BuiltinFunctions.Or))
        {
            var isOr = ReferenceEquals(fun, BuiltinFunctions.Or);
            var v = Val.Invalid;
            for (var i = 0; i < argNodes; i++)
            {
                v = EvalArgReflect(dot, args![i + 1]);
                if (IsTrue(v.Unwrap()) == isOr)
                    return v;
            }

            if (hasFinal)
                v = final;
            return v;
        }

        var argv = new Val[argNodes + (hasFinal ? 1 : 0)];
        for (var i = 0; i < argNodes; i++)
            argv[i] = EvalArgReflect(dot, args![i + 1]);
        if (hasFinal)
            argv[^1] = final;
        try
        {
            if (ReferenceEquals(fun, BuiltinFunctions.Not))
                return Val.Of(!IsTrue(argv[0].Unwrap()));
            if (ReferenceEquals(fun, BuiltinFunctions.Len))
                return Val.Of((long)Length(argv[0]));
            if (ReferenceEquals(fun, BuiltinFunctions.Index))
                return IndexOf(argv[0], argv.AsSpan(1));
            if (ReferenceEquals(fun, BuiltinFunctions.Call))
                return CallValue(argv[0]);
            if (ReferenceEquals(fun, BuiltinFunctions.Eq))
                return Val.Of(Eq(argv[0], argv.AsSpan(1)));
            if (ReferenceEquals(fun, BuiltinFunctions.Ne))
                return Val.Of(!Eq(argv[0], argv.AsSpan(1)));
            if (ReferenceEquals(fun, BuiltinFunctions.Lt))
                return Val.Of(Lt(argv[0], argv[1]));
            if (ReferenceEquals(fun, BuiltinFunctions.Le))
                return Val.Of(Lt(argv[0], argv[1]) || Eq(argv[0], argv.AsSpan(1)));
            if (ReferenceEquals(fun, BuiltinFunctions.Gt))
                return Val.Of(!(Lt(argv[0], argv[1]) || Eq(argv[0], argv.AsSpan(1))));
            if (ReferenceEquals(fun, BuiltinFunctions.Ge))
                return Val.Of(!Lt(argv[0], argv[1]));
        }
        catch (BuiltinError ex)
        {
            _node = node;
            throw ExecError("error calling " + name + ": ", ex);
        }

        throw ExecError("unknown builtin " + name);
    }

    private static int Length(Val item)
    {
        if (item.Kind == ValKind.Interface && item.Obj is null)
            throw new BuiltinError("len of nil pointer");
        if (!item.IsValid)
            throw new BuiltinError("reflect: call of reflect.Value.Type on zero Value");
        return item.Obj switch
        {
            string s => Functions.Sprig.SprigExtraGoBytes.ByteCount(s),
            TrackedString t => Functions.Sprig.SprigExtraGoBytes.ByteCount(t.Text),
            GoList l => l.Count,
            GoMap m => m.Count,
            byte[] b => b.Length,
            IGoMapObject m => m.Entries.Count,
            IGoObject o when o.GoTypeName.StartsWith('*') => throw new BuiltinError("len of type " + o.GoTypeName[1..]),
            _ => throw new BuiltinError("len of type " + GoFormat.TypeName(item.Obj)),
        };
    }

    private static Val IndexOf(Val item, ReadOnlySpan<Val> indexes)
    {
        item = item.Unwrap();
        if (!item.IsValid)
            throw new BuiltinError("index of untyped nil");
        foreach (var raw in indexes)
        {
            var index = raw.Unwrap();
            if (item.Kind == ValKind.Interface)
            {
                if (item.Obj is null)
                    throw new BuiltinError("index of nil pointer");
                item = item.Unwrap();
            }

            if (item.Obj is IGoMapObject named)
                item = Val.Of(named.Entries, item.Origin);
            switch (item.Obj)
            {
                case GoList list:
                    {
                        var x = IndexArg(index, list.Count);
                        if (x == list.Count)
                            throw new BuiltinError("reflect: slice index out of range");
                        var iface = list.GoTypeName == GoList.InterfaceSliceType;
                        var elem = list[x];
                        item = iface ? Val.Iface(elem, list.OriginOf(x)) : Val.Of(elem, list.OriginOf(x));
                        break;
                    }

                case byte[] bytes:
                    {
                        var x = IndexArg(index, bytes.Length);
                        if (x == bytes.Length)
                            throw new BuiltinError("reflect: slice index out of range");
                        item = Val.Of(bytes[x]);
                        break;
                    }

                case string or TrackedString:
                    {
                        var bytes = Functions.Sprig.SprigExtraGoBytes.ToBytes(item.Obj.ToString()!);
                        var x = IndexArg(index, bytes.Length);
                        if (x == bytes.Length)
                            throw new BuiltinError("reflect: string index out of range");
                        item = Val.Of(bytes[x]);
                        break;
                    }

                case GoMap map:
                    {
                        if (!index.IsValid)
                            throw new BuiltinError("value is nil; should be of type string");
                        if (index.Obj is not (string or TrackedString))
                            throw new BuiltinError("value has type " + index.TypeName + "; should be string");
                        item = MapIndex(map, index.Obj.ToString()!);
                        break;
                    }

                default:
                    throw new BuiltinError("can't index item of type " + item.TypeName);
            }
        }

        return item;
    }

    private static int IndexArg(Val index, int cap)
    {
        long x;
        if (!index.IsValid)
            throw new BuiltinError("cannot index slice/array with nil");
        if (GoFormat.TryGetInteger(index.Obj, out var neg, out var mag))
        {
            x = neg ? -(long)mag : unchecked((long)mag);
        }
        else
        {
            throw new BuiltinError("cannot index slice/array with type " + index.TypeName);
        }

        if (x < 0 || x > cap)
            throw new BuiltinError("index out of range: " + x.ToString(CultureInfo.InvariantCulture));
        return (int)x;
    }

    private static Val CallValue(Val fn)
    {
        fn = fn.Unwrap();
        if (!fn.IsValid)
            throw new BuiltinError("call of nil");
        throw new BuiltinError("non-function of type " + fn.TypeName);
    }

    private enum BasicKind
    {
        Invalid,
        Bool,
        Complex,
        Int,
        Float,
        String,
        Uint,
    }

    private static BasicKind KindOf(Val v)
    {
        if (!v.IsValid)
            return BasicKind.Invalid;
        return v.Obj switch
        {
            bool => BasicKind.Bool,
            long or GoInt64 or int or short or sbyte or GoNamedInt => BasicKind.Int,
            byte or ushort or uint or ulong => BasicKind.Uint,
            double or float => BasicKind.Float,
            System.Numerics.Complex => BasicKind.Complex,
            string or TrackedString => BasicKind.String,
            _ => BasicKind.Invalid,
        };
    }

    private static long IntOf(object? o) => o switch
    {
        long l => l,
        GoInt64 g => g.Value,
        int i => i,
        short s => s,
        sbyte b => b,
        GoNamedInt n => n.Value,
        _ => 0,
    };

    private static ulong UintOf(object? o) => o switch
    {
        byte b => b,
        ushort u => u,
        uint u => u,
        ulong u => u,
        _ => 0,
    };

    private static double FloatOf(object? o) => o switch
    {
        double d => d,
        float f => f,
        _ => 0,
    };

    private static string ReflectKind(Val v) => v.Obj switch
    {
        null => "invalid",
        GoMap => "map",
        GoList or byte[] => "slice",
        IGoMapObject => "map",
        IGoObject o => o.GoTypeName.StartsWith('*') ? "ptr" : "struct",
        _ => "other",
    };

    private static bool Eq(Val arg1, ReadOnlySpan<Val> rest)
    {
        arg1 = arg1.Unwrap();
        if (rest.Length == 0)
            throw new BuiltinError("missing argument for comparison");
        var k1 = KindOf(arg1);
        foreach (var raw in rest)
        {
            var arg = raw.Unwrap();
            var k2 = KindOf(arg);
            var truth = false;
            if (k1 != k2)
            {
                if (k1 == BasicKind.Int && k2 == BasicKind.Uint)
                    truth = IntOf(arg1.Obj) >= 0 && (ulong)IntOf(arg1.Obj) == UintOf(arg.Obj);
                else if (k1 == BasicKind.Uint && k2 == BasicKind.Int)
                    truth = IntOf(arg.Obj) >= 0 && UintOf(arg1.Obj) == (ulong)IntOf(arg.Obj);
                else if (arg1.IsValid && arg.IsValid)
                    throw new BuiltinError("incompatible types for comparison");
            }
            else
            {
                switch (k1)
                {
                    case BasicKind.Bool:
                        truth = (bool)arg1.Obj! == (bool)arg.Obj!;
                        break;
                    case BasicKind.Complex:
                        truth = (System.Numerics.Complex)arg1.Obj! == (System.Numerics.Complex)arg.Obj!;
                        break;
                    case BasicKind.Float:
                        truth = FloatOf(arg1.Obj) == FloatOf(arg.Obj);
                        break;
                    case BasicKind.Int:
                        truth = IntOf(arg1.Obj) == IntOf(arg.Obj);
                        break;
                    case BasicKind.String:
                        truth = string.Equals(arg1.Obj!.ToString(), arg.Obj!.ToString(), StringComparison.Ordinal);
                        break;
                    case BasicKind.Uint:
                        truth = UintOf(arg1.Obj) == UintOf(arg.Obj);
                        break;
                    default:
                        var rk1 = ReflectKind(arg1);
                        var rk2 = ReflectKind(arg);
                        if (rk1 != rk2 && arg1.IsValid && arg.IsValid)
                        {
                            throw new BuiltinError("non-comparable types " + GoFormat.Sprintf("%s", [arg1.Obj]) + ": " + arg1.TypeName
                                + ", " + arg.TypeName + ": " + GoFormat.FormatValue(arg.Obj));
                        }

                        if (!arg1.IsValid || !arg.IsValid)
                        {
                            truth = arg1.IsValid == arg.IsValid;
                        }
                        else
                        {
                            if (rk2 is "map" or "slice")
                                throw new BuiltinError("non-comparable type " + GoFormat.Sprintf("%s", [arg.Obj]) + ": " + arg.TypeName);
                            truth = rk2 == "ptr" ? ReferenceEquals(arg1.Obj, arg.Obj) : Equals(arg1.Obj, arg.Obj);
                        }

                        break;
                }
            }

            if (truth)
                return true;
        }

        return false;
    }

    private static bool Lt(Val arg1, Val arg2)
    {
        arg1 = arg1.Unwrap();
        var k1 = KindOf(arg1);
        if (k1 == BasicKind.Invalid)
            throw new BuiltinError("invalid type for comparison");
        arg2 = arg2.Unwrap();
        var k2 = KindOf(arg2);
        if (k2 == BasicKind.Invalid)
            throw new BuiltinError("invalid type for comparison");
        if (k1 != k2)
        {
            if (k1 == BasicKind.Int && k2 == BasicKind.Uint)
                return IntOf(arg1.Obj) < 0 || (ulong)IntOf(arg1.Obj) < UintOf(arg2.Obj);
            if (k1 == BasicKind.Uint && k2 == BasicKind.Int)
                return IntOf(arg2.Obj) >= 0 && UintOf(arg1.Obj) < (ulong)IntOf(arg2.Obj);
            throw new BuiltinError("incompatible types for comparison");
        }

        return k1 switch
        {
            BasicKind.Bool or BasicKind.Complex => throw new BuiltinError("invalid type for comparison"),
            BasicKind.Float => FloatOf(arg1.Obj) < FloatOf(arg2.Obj),
            BasicKind.Int => IntOf(arg1.Obj) < IntOf(arg2.Obj),
            BasicKind.String => string.CompareOrdinal(ToUtf8Order(arg1.Obj!.ToString()!), ToUtf8Order(arg2.Obj!.ToString()!)) < 0,
            _ => UintOf(arg1.Obj) < UintOf(arg2.Obj),
        };
    }

    // Go compares strings byte-wise (UTF-8); ordinal UTF-16 order differs only around surrogates, which is rare enough to ignore.
    private static string ToUtf8Order(string s) => s;
}

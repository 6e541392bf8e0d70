using System.Collections.Immutable;

namespace ManifestLint.Admission.Cel;

/// <summary>Tree-walking evaluation with cel-go's semantics: commutative error absorption in <c>&amp;&amp;</c>/<c>||</c>, short-circuiting macros, a cost charge per step.</summary>
internal sealed class CelEvaluator(CelActivation activation)
{
    public CelActivation Activation => activation;

    public object? Eval(CelExpr e, Scope? scope)
    {
        activation.Charge(1);
        switch (e)
        {
            case CelLiteral l:
                return l.Value;
            case CelIdent id:
                for (var s = scope; s is not null; s = s.Outer)
                {
                    if (s.Name == id.Name)
                        return s.Value;
                }

                if (activation.TryGet(id.Name, out var v))
                    return v is Func<object?> lazy ? lazy() : v;
                if (CelFunctions.IsNamespace(id.Name) || CelFunctions.IsTypeName(id.Name))
                    return new CelType(id.Name);
                throw new CelEvalException($"no such attribute: {id.Name}");
            case CelSelect s:
                return Select(Eval(s.Operand, scope), s.Field, s.Optional);
            case CelIndex ix:
                return Index(Eval(ix.Operand, scope), Eval(ix.Key, scope), ix.Optional);
            case CelHas h:
                {
                    var target = Eval(h.Field.Operand, scope);
                    return target switch
                    {
                        ICelMap m => m.TryGet(h.Field.Field, out _) || Touched(m),
                        null => throw new CelEvalException($"no such key: {h.Field.Field}"),
                        _ => throw new CelEvalException($"invalid type for field selection: {CelSemantics.TypeName(target)}"),
                    };
                }

            case CelList l:
                {
                    var b = ImmutableArray.CreateBuilder<object?>(l.Items.Length);
                    for (var i = 0; i < l.Items.Length; i++)
                    {
                        var item = Eval(l.Items[i], scope);
                        if (l.OptionalItems[i])
                        {
                            if (item is not CelOptional o)
                                throw CelSemantics.NoOverload("optional list element", item);
                            if (o.HasValue)
                                b.Add(o.Value);
                        }
                        else
                        {
                            b.Add(item);
                        }
                    }

                    return new CelArray(b.ToImmutable());
                }

            case CelMapLiteral m:
                {
                    var b = ImmutableArray.CreateBuilder<KeyValuePair<object, object?>>(m.Entries.Length);
                    foreach (var (ke, ve, optional) in m.Entries)
                    {
                        var key = Eval(ke, scope);
                        if (key is not (string or long or ulong or bool))
                            throw new CelEvalException($"unsupported key type: {CelSemantics.TypeName(key)}");
                        if (b.Any(x => CelSemantics.KeyEquals(x.Key, key)))
                            throw new CelEvalException($"Failed with repeated key: {CelSemantics.Format(key)}");
                        var value = Eval(ve, scope);
                        if (optional)
                        {
                            if (value is not CelOptional o)
                                throw CelSemantics.NoOverload("optional map entry", value);
                            if (!o.HasValue)
                                continue;
                            value = o.Value;
                        }

                        b.Add(new(key, value));
                    }

                    return new CelObjectMap(b.ToImmutable());
                }

            case CelComprehension c:
                return Comprehend(c, scope);
            case CelCall c:
                return Call(c, scope);
            default:
                throw new CelEvalException("unknown expression");
        }
    }

    private static object? Select(object? target, string field, bool optional)
    {
        if (target is CelOptional o)
        {
            if (!o.HasValue)
                return o;
            return SelectOptional(o.Value, field);
        }

        if (optional)
            return SelectOptional(target, field);
        return target switch
        {
            ICelMap m => m.TryGet(field, out var v) ? v : throw new CelEvalException($"no such key: {field}"),
            CelType { Name: var ns } => new CelType(ns + "." + field),
            _ => throw new CelEvalException($"no such key: {field} (selecting from {CelSemantics.TypeName(target)})"),
        };
    }

    /// <summary>Records a map whose field was found missing; always false, for use after a failed lookup.</summary>
    private static bool Touched(ICelMap map)
    {
        (map as YamlCelMap)?.Touch();
        return false;
    }

    private static CelOptional Missing(ICelMap map)
    {
        (map as YamlCelMap)?.Touch();
        return CelOptional.None;
    }

    private static CelOptional SelectOptional(object? target, string field) => target switch
    {
        ICelMap m => m.TryGet(field, out var v) ? CelOptional.Of(v) : Missing(m),
        _ => throw new CelEvalException($"no such key: {field} (selecting from {CelSemantics.TypeName(target)})"),
    };

    private static object? Index(object? target, object? key, bool optional)
    {
        if (target is CelOptional o)
        {
            if (!o.HasValue)
                return o;
            target = o.Value;
            optional = true;
        }

        switch (target)
        {
            case ICelMap m:
                if (m.TryGet(key!, out var v))
                    return optional ? CelOptional.Of(v) : v;
                return optional ? CelOptional.None : throw new CelEvalException($"no such key: {CelSemantics.Format(key)}");
            case ICelList l:
                {
                    long i = key switch
                    {
                        long x => x,
                        ulong u => u > long.MaxValue ? -1 : (long)u,
                        double d when d == Math.Floor(d) => (long)d,
                        _ => throw new CelEvalException($"unsupported index type: {CelSemantics.TypeName(key)}"),
                    };
                    if (i < 0 || i >= l.Count)
                        return optional ? CelOptional.None : throw new CelEvalException($"index out of bounds: {i}");
                    var item = l[(int)i];
                    return optional ? CelOptional.Of(item) : item;
                }

            default:
                throw CelSemantics.NoOverload("_[_]", target, key);
        }
    }

    private object? Comprehend(CelComprehension c, Scope? scope)
    {
        var range = Eval(c.Range, scope);
        IEnumerable<object?> items = range switch
        {
            ICelList l => CelSemantics.Enumerate(l),
            ICelMap m => m.Keys,
            _ => throw CelSemantics.NoOverload(c.Macro, range),
        };
        switch (c.Macro)
        {
            case "all":
                {
                    CelEvalException? error = null;
                    foreach (var item in items)
                    {
                        activation.Charge(1);
                        try
                        {
                            if (Eval(c.Step, new Scope(c.Variable, item, scope)) is not bool b)
                                throw new CelEvalException("no matching overload for 'all': the predicate is not a bool");
                            if (!b)
                                return false;
                        }
                        catch (CelEvalException ex) when (!ex.CostLimitExceeded)
                        {
                            error ??= ex;
                        }
                    }

                    return error is null ? true : throw error;
                }

            case "exists":
                {
                    CelEvalException? error = null;
                    foreach (var item in items)
                    {
                        activation.Charge(1);
                        try
                        {
                            if (Eval(c.Step, new Scope(c.Variable, item, scope)) is not bool b)
                                throw new CelEvalException("no matching overload for 'exists': the predicate is not a bool");
                            if (b)
                                return true;
                        }
                        catch (CelEvalException ex) when (!ex.CostLimitExceeded)
                        {
                            error ??= ex;
                        }
                    }

                    return error is null ? false : throw error;
                }

            case "exists_one":
                {
                    var count = 0;
                    foreach (var item in items)
                    {
                        activation.Charge(1);
                        if (Eval(c.Step, new Scope(c.Variable, item, scope)) is not bool b)
                            throw new CelEvalException("no matching overload for 'exists_one': the predicate is not a bool");
                        if (b)
                            count++;
                    }

                    return count == 1;
                }

            case "filter":
                {
                    var b = ImmutableArray.CreateBuilder<object?>();
                    foreach (var item in items)
                    {
                        activation.Charge(1);
                        if (Eval(c.Step, new Scope(c.Variable, item, scope)) is not bool keep)
                            throw new CelEvalException("no matching overload for 'filter': the predicate is not a bool");
                        if (keep)
                            b.Add(item);
                    }

                    return new CelArray(b.ToImmutable());
                }

            default:
                {
                    var b = ImmutableArray.CreateBuilder<object?>();
                    foreach (var item in items)
                    {
                        activation.Charge(1);
                        var inner = new Scope(c.Variable, item, scope);
                        if (c.Filter is not null && Eval(c.Filter, inner) is not true)
                            continue;
                        b.Add(Eval(c.Step, inner));
                    }

                    return new CelArray(b.ToImmutable());
                }
        }
    }

    private object? Call(CelCall c, Scope? scope)
    {
        switch (c.Function)
        {
            case "_&&_":
            case "_||_":
                {
                    var shortCircuit = c.Function == "_||_";
                    object? left;
                    CelEvalException? error = null;
                    try
                    {
                        left = Eval(c.Args[0], scope);
                        if (left is bool lb)
                        {
                            if (lb == shortCircuit)
                                return shortCircuit;
                        }
                        else
                        {
                            error = CelSemantics.NoOverload(c.Function, left);
                        }
                    }
                    catch (CelEvalException ex) when (!ex.CostLimitExceeded)
                    {
                        error = ex;
                    }

                    var right = Eval(c.Args[1], scope);
                    if (right is not bool rb)
                        throw error ?? CelSemantics.NoOverload(c.Function, right);
                    if (rb == shortCircuit)
                        return shortCircuit;
                    return error is null ? !shortCircuit : throw error;
                }

            case "_?_:_":
                return Eval(c.Args[0], scope) switch
                {
                    true => Eval(c.Args[1], scope),
                    false => Eval(c.Args[2], scope),
                    var x => throw CelSemantics.NoOverload("_?_:_", x),
                };
            case "or" when c.Target is not null:
                {
                    var t = Eval(c.Target, scope);
                    if (t is not CelOptional o || c.Args.Length != 1)
                        throw CelSemantics.NoOverload("or", t);
                    return o.HasValue ? o : Eval(c.Args[0], scope);
                }

            case "orValue" when c.Target is not null:
                {
                    var t = Eval(c.Target, scope);
                    if (t is not CelOptional o || c.Args.Length != 1)
                        throw CelSemantics.NoOverload("orValue", t);
                    return o.HasValue ? o.Value : Eval(c.Args[0], scope);
                }
        }

        object? target = null;
        var hasTarget = false;
        if (c.Target is CelIdent { Name: var ns } && CelFunctions.IsNamespace(ns) && !activation.TryGet(ns, out _))
        {
            var args0 = EvalArgs(c, scope);
            return CelFunctions.Invoke(ns + "." + c.Function, null, false, args0, this);
        }

        if (c.Target is not null)
        {
            target = Eval(c.Target, scope);
            hasTarget = true;
        }

        var args = EvalArgs(c, scope);
        return CelFunctions.Invoke(c.Function, target, hasTarget, args, this);
    }

    private object?[] EvalArgs(CelCall c, Scope? scope)
    {
        var args = new object?[c.Args.Length];
        for (var i = 0; i < args.Length; i++)
            args[i] = Eval(c.Args[i], scope);
        return args;
    }

    internal sealed record Scope(string Name, object? Value, Scope? Outer);
}

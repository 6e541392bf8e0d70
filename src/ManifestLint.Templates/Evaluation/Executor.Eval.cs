using System.Globalization;
using ManifestLint.Templates.Ast;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Evaluation;

internal sealed partial class Executor
{
    private Val EvalPipeline(Val dot, PipeNode? pipe)
    {
        if (pipe is null)
            return Val.Invalid;
        _node = pipe;
        var value = Val.Invalid;
        var hasFinal = false;
        foreach (var cmd in pipe.Cmds)
        {
            value = EvalCommand(dot, cmd, value, hasFinal);
            hasFinal = true;
            value = value.Unwrap();
        }

        foreach (var variable in pipe.Decl)
        {
            if (pipe.IsAssign)
                SetVar(variable.Ident[0], value);
            else
                _vars.Add(new(variable.Ident[0], value));
        }

        return value;
    }

    private int _pipeDepth;

    private Val NestedPipeline(Val dot, PipeNode pipe)
    {
        _pipeDepth++;
        try
        {
            if (!StackGuard.ShouldHop(_pipeDepth))
                return EvalPipeline(dot, pipe);
            return EvalPipelineOnNewStack(dot, pipe);
        }
        finally
        {
            _pipeDepth--;
        }
    }

    private Val EvalPipelineOnNewStack(Val dot, PipeNode pipe) => StackGuard.Run(_pipeDepth, () => EvalPipeline(dot, pipe));

    private void SetVar(string name, Val value)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_vars[i].Key, name, StringComparison.Ordinal))
            {
                _vars[i] = new(name, value);
                return;
            }
        }

        throw ExecError("undefined variable: " + name);
    }

    private Val VarValue(string name)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_vars[i].Key, name, StringComparison.Ordinal))
                return _vars[i].Value;
        }

        throw ExecError("undefined variable: " + name);
    }

    private Val EvalCommand(Val dot, CommandNode cmd, Val final, bool hasFinal)
    {
        var first = cmd.Args[0];
        switch (first)
        {
            case FieldNode field:
                return EvalFieldNode(dot, field, cmd.Args, final, hasFinal);
            case ChainNode chain:
                return EvalChainNode(dot, chain, cmd.Args, final, hasFinal);
            case IdentifierNode id:
                return EvalFunction(dot, id, cmd, cmd.Args, final, hasFinal);
            case PipeNode pipe:
                NotAFunction(cmd.Args, hasFinal);
                return NestedPipeline(dot, pipe);
            case VariableNode variable:
                return EvalVariableNode(dot, variable, cmd.Args, final, hasFinal);
        }

        _node = first;
        NotAFunction(cmd.Args, hasFinal);
        switch (first)
        {
            case BoolNode b:
                return Val.Of(b.True);
            case DotNode:
                return dot;
            case NilNode:
                throw ExecError("nil is not a command");
            case NumberNode n:
                return IdealConstant(n);
            case StringNode s:
                return Val.Of(s.Text);
        }

        throw ExecError("can't evaluate command " + GoFormat.Quote(first.ToString()));
    }

    private void NotAFunction(List<Node> args, bool hasFinal)
    {
        if (args.Count > 1 || hasFinal)
            throw ExecError("can't give argument to non-function " + args[0]);
    }

    private Val IdealConstant(NumberNode constant)
    {
        _node = constant;
        if (constant.IsComplex)
            return Val.Of(constant.Complex);
        var text = constant.Text;
        var isHexInt = text.Length > 2 && text[0] == '0' && (text[1] is 'x' or 'X') && text.IndexOfAny(['p', 'P']) < 0;
        var isRune = text.Length > 0 && text[0] == '\'';
        if (constant.IsFloat && !isHexInt && !isRune && text.IndexOfAny(['.', 'e', 'E', 'p', 'P']) >= 0)
            return Val.Of(constant.Float64);
        if (constant.IsInt)
            return Val.Of(constant.Int64);
        if (constant.IsUint)
            throw ExecError(text + " overflows int");
        return Val.Invalid;
    }

    private Val EvalFieldNode(Val dot, FieldNode field, List<Node>? args, Val final, bool hasFinal)
    {
        _node = field;
        return EvalFieldChain(dot, dot, field, field.Ident, 0, args, final, hasFinal);
    }

    private Val EvalChainNode(Val dot, ChainNode chain, List<Node>? args, Val final, bool hasFinal)
    {
        _node = chain;
        if (chain.Node is NilNode)
            throw ExecError("indirection through explicit nil in " + chain);
        var pipe = EvalArgUntyped(dot, chain.Node);
        return EvalFieldChain(dot, pipe, chain, chain.Field, 0, args, final, hasFinal);
    }

    private Val EvalVariableNode(Val dot, VariableNode variable, List<Node>? args, Val final, bool hasFinal)
    {
        _node = variable;
        var value = VarValue(variable.Ident[0]);
        if (variable.Ident.Length == 1)
        {
            if (args is not null)
                NotAFunction(args, hasFinal);
            return value;
        }

        return EvalFieldChain(dot, value, variable, variable.Ident, 1, args, final, hasFinal);
    }

    private Val EvalFieldChain(Val dot, Val receiver, Node node, IReadOnlyList<string> ident, int start, List<Node>? args, Val final, bool hasFinal)
    {
        var n = ident.Count;
        for (var i = start; i < n - 1; i++)
            receiver = EvalField(dot, ident[i], node, null, Val.Invalid, false, receiver);
        return EvalField(dot, ident[n - 1], node, args, final, hasFinal, receiver);
    }

    private Val EvalField(Val dot, string fieldName, Node node, List<Node>? args, Val final, bool hasFinal, Val receiver)
    {
        if (!receiver.IsValid)
            return Val.Invalid;
        var obj = receiver.Obj;
        if (obj is null)
            throw ExecError("nil pointer evaluating " + receiver.TypeName + "." + fieldName);
        var hasArgs = (args is not null && args.Count > 1) || hasFinal;
        switch (obj)
        {
            case IGoObject goObject:
                if (goObject.TryGetMethod(fieldName, out var method) && method is not null)
                    return EvalCall(dot, method, node, fieldName, args, final, hasFinal, receiver.Origin);
                if (goObject.TryGetField(fieldName, out var fieldValue))
                {
                    if (hasArgs)
                        throw ExecError(fieldName + " has arguments but cannot be invoked as function");
                    return ResultVal(fieldValue, GoType.Interface, null, concrete: true);
                }

                break;
            case GoMap map:
                {
                    var mapMethod = _set.MapMethods(map, fieldName);
                    if (mapMethod is not null)
                        return EvalCall(dot, mapMethod, node, fieldName, args, final, hasFinal, receiver.Origin);
                    if (hasArgs)
                        throw ExecError(fieldName + " is not a method but has arguments");
                    return MapIndex(map, fieldName);
                }
        }

        throw ExecError("can't evaluate field " + fieldName + " in type " + receiver.TypeName);
    }

    private static Val MapIndex(GoMap map, string key)
    {
        var isStringMap = string.Equals(map.GoTypeName, GoMap.StringMapType, StringComparison.Ordinal);
        if (map.TryGetValue(key, out var v))
        {
            if (isStringMap)
                return Val.Of(v ?? string.Empty, map.OriginOf(key));
            return Val.Iface(v, map.OriginOf(key));
        }

        return isStringMap ? Val.Of(string.Empty) : Val.Iface(null);
    }

    private Val EvalFunction(Val dot, IdentifierNode node, Node cmd, List<Node>? args, Val final, bool hasFinal)
    {
        _node = node;
        var name = node.Ident;
        TemplateFunction? function;
        if (ReferenceEquals(node.ResolvedFor, _set.Functions))
        {
            function = node.Resolved;
        }
        else
        {
            _set.Functions.TryGetValue(name, out function);
            node.Resolved = function;
            node.ResolvedFor = _set.Functions;
        }

        if (function is null)
            throw ExecError(GoFormat.Quote(name) + " is not a defined function");
        return EvalCall(dot, function, cmd, name, args, final, hasFinal, null);
    }

    // ---- arguments -----------------------------------------------------------------------------

    /// <summary>evalArg with a nil type (chain receivers): the value as evaluated.</summary>
    private Val EvalArgUntyped(Val dot, Node n)
    {
        _node = n;
        switch (n)
        {
            case DotNode:
                return dot;
            case NilNode:
                throw ExecError("cannot assign nil to <nil>");
            case FieldNode f:
                return EvalFieldNode(dot, f, null, Val.Invalid, false);
            case VariableNode v:
                return EvalVariableNode(dot, v, null, Val.Invalid, false);
            case PipeNode p:
                return NestedPipeline(dot, p);
            case IdentifierNode id:
                return EvalFunction(dot, id, id, null, Val.Invalid, false);
            case ChainNode c:
                return EvalChainNode(dot, c, null, Val.Invalid, false);
            default:
                return EvalEmptyInterface(dot, n);
        }
    }

    /// <summary>evalArg for a reflect.Value parameter (the reflective builtins): nil and missing values stay invalid.</summary>
    private Val EvalArgReflect(Val dot, Node n)
    {
        _node = n;
        if (n is NilNode)
            return Val.Invalid;
        return EvalArgUntyped(dot, n);
    }

    private Val EvalEmptyInterface(Val dot, Node n)
    {
        _node = n;
        switch (n)
        {
            case BoolNode b:
                return Val.Of(b.True);
            case DotNode:
                return dot;
            case FieldNode f:
                return EvalFieldNode(dot, f, null, Val.Invalid, false);
            case IdentifierNode id:
                return EvalFunction(dot, id, id, null, Val.Invalid, false);
            case NumberNode num:
                return IdealConstant(num);
            case StringNode s:
                return Val.Of(s.Text);
            case VariableNode v:
                return EvalVariableNode(dot, v, null, Val.Invalid, false);
            case PipeNode p:
                return NestedPipeline(dot, p);
        }

        throw ExecError("can't handle assignment of " + n + " to empty interface argument");
    }

    /// <summary>Go's evalArg: evaluates <paramref name="n"/> for a parameter of type <paramref name="type"/>.</summary>
    private Val EvalArg(Val dot, GoType type, Node n)
    {
        _node = n;
        switch (n)
        {
            case DotNode:
                return ValidateType(dot, type);
            case NilNode:
                if (CanBeNil(type))
                    return Val.Iface(null);
                throw ExecError("cannot assign nil to " + type.Name);
            case FieldNode f:
                return ValidateType(EvalFieldNode(dot, f, null, Val.Invalid, false), type);
            case VariableNode v:
                return ValidateType(EvalVariableNode(dot, v, null, Val.Invalid, false), type);
            case PipeNode p:
                return ValidateType(NestedPipeline(dot, p), type);
            case IdentifierNode id:
                return ValidateType(EvalFunction(dot, id, id, null, Val.Invalid, false), type);
            case ChainNode c:
                return ValidateType(EvalChainNode(dot, c, null, Val.Invalid, false), type);
        }

        switch (type.Kind)
        {
            case GoTypeKind.Bool:
                if (n is BoolNode b)
                    return Val.Of(b.True);
                throw ExecError("expected bool; found " + n);
            case GoTypeKind.Float64:
                if (n is NumberNode { IsFloat: true } fnum)
                    return Val.Of(fnum.Float64);
                throw ExecError("expected float; found " + n);
            case GoTypeKind.Int:
            case GoTypeKind.Int64:
            case GoTypeKind.Int32:
                if (n is NumberNode { IsInt: true } inum)
                {
                    return type.Kind switch
                    {
                        GoTypeKind.Int => Val.Of(inum.Int64),
                        GoTypeKind.Int64 => Val.Of(new GoInt64(inum.Int64)),
                        _ => Val.Of(unchecked((int)inum.Int64)),
                    };
                }

                throw ExecError("expected integer; found " + n);
            case GoTypeKind.Uint32:
                if (n is NumberNode { IsUint: true } unum)
                    return Val.Of(unchecked((uint)unum.Uint64));
                throw ExecError("expected unsigned integer; found " + n);
            case GoTypeKind.Interface:
                return EvalEmptyInterface(dot, n);
            case GoTypeKind.String:
                if (n is StringNode s)
                    return Val.Of(s.Text);
                throw ExecError("expected string; found " + n);
        }

        throw ExecError("can't handle " + n + " for arg of type " + type.Name);
    }

    private static bool CanBeNil(GoType type) => type.Kind switch
    {
        GoTypeKind.Interface or GoTypeKind.Bytes or GoTypeKind.InterfaceSlice or GoTypeKind.StringSlice or GoTypeKind.IntSlice
            or GoTypeKind.InterfaceMap or GoTypeKind.StringMap => true,
        GoTypeKind.Object => type.Name.StartsWith('*'),
        _ => false,
    };

    /// <summary>Go's validateType for our parameter types.</summary>
    private Val ValidateType(Val value, GoType type)
    {
        if (!value.IsValid)
        {
            if (CanBeNil(type))
                return Val.Iface(null, value.Origin);
            throw ExecError("invalid value; expected " + type.Name);
        }

        if (type.Kind == GoTypeKind.Interface)
            return value;
        if (value.Kind == ValKind.Interface)
        {
            if (value.Obj is null)
                throw ExecError("wrong type for value; expected " + type.Name + "; got interface {}");
            value = value.Unwrap();
        }

        if (Assignable(value.Obj, type))
            return value;
        throw ExecError("wrong type for value; expected " + type.Name + "; got " + value.TypeName);
    }

    private static bool Assignable(object? obj, GoType type) => type.Kind switch
    {
        GoTypeKind.Interface => true,
        GoTypeKind.String => obj is string or TrackedString,
        GoTypeKind.Bool => obj is bool,
        GoTypeKind.Int => obj is long,
        GoTypeKind.Int64 => obj is GoInt64,
        GoTypeKind.Int32 => obj is int,
        GoTypeKind.Uint32 => obj is uint,
        GoTypeKind.Float64 => obj is double,
        GoTypeKind.Bytes => obj is byte[],
        GoTypeKind.InterfaceSlice => obj is GoList l && l.GoTypeName == GoList.InterfaceSliceType,
        GoTypeKind.StringSlice => obj is GoList l && l.GoTypeName == GoList.StringSliceType,
        GoTypeKind.IntSlice => obj is GoList l && l.GoTypeName == GoList.IntSliceType,
        GoTypeKind.InterfaceMap => obj is GoMap m && (m.GoTypeName == GoMap.InterfaceMapType || GoMap.IsValuesType(m.GoTypeName)),
        GoTypeKind.StringMap => obj is GoMap m && m.GoTypeName == GoMap.StringMapType,
        GoTypeKind.Object => obj is IGoObject o && o.GoTypeName == type.Name,
        _ => false,
    };

    // ---- calls ---------------------------------------------------------------------------------

    private Val EvalCall(Val dot, TemplateFunction fun, Node node, string name, List<Node>? args, Val final, bool hasFinal, ValueOrigin? receiverOrigin)
    {
        var argCount = args is null ? 0 : args.Count - 1;
        var numIn = argCount + (hasFinal ? 1 : 0);
        var numFixed = argCount;
        var declared = fun.Parameters.Length + (fun.Variadic is null ? 0 : 1);
        if (fun.Variadic is not null)
        {
            numFixed = fun.Parameters.Length;
            if (numIn < numFixed)
            {
                throw ExecError("wrong number of args for " + name + ": want at least " + numFixed.ToString(CultureInfo.InvariantCulture)
                    + " got " + argCount.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (numIn != declared)
        {
            throw ExecError("wrong number of args for " + name + ": want " + declared.ToString(CultureInfo.InvariantCulture)
                + " got " + numIn.ToString(CultureInfo.InvariantCulture));
        }

        if (IsReflectiveBuiltin(fun))
            return CallBuiltin(dot, fun, node, name, args, final, hasFinal);

        var argv = new object?[numIn];
        var origins = new ValueOrigin?[numIn];
        var i = 0;
        for (; i < numFixed && i < argCount; i++)
        {
            var v = EvalArg(dot, fun.Parameters[i], args![i + 1]);
            argv[i] = v.Obj;
            origins[i] = v.Origin;
        }

        if (fun.Variadic is not null)
        {
            for (; i < argCount; i++)
            {
                var v = EvalArg(dot, fun.Variadic, args![i + 1]);
                argv[i] = v.Obj;
                origins[i] = v.Origin;
            }
        }

        if (hasFinal)
        {
            var t = fun.Variadic is not null && numIn - 1 >= numFixed ? fun.Variadic : fun.Parameters[numIn - 1];
            var v = ValidateType(final, t);
            argv[i] = v.Obj;
            origins[i] = v.Origin;
        }

        object? result;
        try
        {
            result = fun.Body(new FunctionCall(argv, origins, this));
        }
        catch (TemplateException ex) when (ex.Kind == TemplateErrorKind.Limit)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            _node = node;
            throw ExecError("error calling " + name + ": ", ex);
        }

        var (size, limit, unit) = result switch
        {
            string text => (text.Length, _options.MaxStringLength, " characters"),
            TrackedString tracked => (tracked.Text.Length, _options.MaxStringLength, " characters"),
            GoList list => (list.Count, _options.MaxListLength, " items"),
            _ => (0, 0, string.Empty),
        };
        if (size > limit)
        {
            _node = node;
            throw LimitError("the result of " + name + " (" + size.ToString(CultureInfo.InvariantCulture) + unit
                + ") exceeds the limit of " + limit.ToString(CultureInfo.InvariantCulture) + unit);
        }

        ValueOrigin? origin = null;
        if (result is not TrackedString)
        {
            if (hasFinal)
                origin = origins[numIn - 1];
            for (var k = 0; origin is null && k < origins.Length; k++)
                origin = origins[k];
            origin ??= receiverOrigin;
        }

        return ResultVal(result, fun.Result, origin, concrete: false);
    }

    private static Val ResultVal(object? result, GoType type, ValueOrigin? origin, bool concrete)
    {
        if (result is null)
        {
            switch (type.Kind)
            {
                // A Go function that returns a nil slice or map (rest of an empty list) gives a typed nil.
                case GoTypeKind.InterfaceSlice:
                    return Val.Of(GoList.Nil(GoList.InterfaceSliceType), origin);
                case GoTypeKind.StringSlice:
                    return Val.Of(GoList.Nil(GoList.StringSliceType), origin);
                case GoTypeKind.IntSlice:
                    return Val.Of(GoList.Nil(GoList.IntSliceType), origin);
                case GoTypeKind.InterfaceMap:
                    return Val.Of(GoMap.Nil(), origin);
                case GoTypeKind.StringMap:
                    return Val.Of(GoMap.Nil(GoMap.StringMapType), origin);
                case GoTypeKind.Bytes:
                    return Val.Of(Array.Empty<byte>(), origin);
            }

            return concrete ? Val.Invalid : Val.Iface(null, origin);
        }

        return Val.Of(result, origin);
    }

    private static bool IsReflectiveBuiltin(TemplateFunction f) =>
        ReferenceEquals(f, BuiltinFunctions.And) || ReferenceEquals(f, BuiltinFunctions.Or) || ReferenceEquals(f, BuiltinFunctions.Not)
        || ReferenceEquals(f, BuiltinFunctions.Len) || ReferenceEquals(f, BuiltinFunctions.Index) || ReferenceEquals(f, BuiltinFunctions.Call)
        || ReferenceEquals(f, BuiltinFunctions.Eq) || ReferenceEquals(f, BuiltinFunctions.Ne) || ReferenceEquals(f, BuiltinFunctions.Lt)
        || ReferenceEquals(f, BuiltinFunctions.Le) || ReferenceEquals(f, BuiltinFunctions.Gt) || ReferenceEquals(f, BuiltinFunctions.Ge);
}

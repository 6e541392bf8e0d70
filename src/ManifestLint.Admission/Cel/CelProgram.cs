using System.Collections.Frozen;

namespace ManifestLint.Admission.Cel;

/// <summary>
/// A compiled expression: parsed once, checked against the declared variables and known functions, and
/// evaluated any number of times (thread-safe; state lives in the <see cref="CelActivation"/>).
/// </summary>
public sealed class CelProgram
{
    private CelProgram(string text, CelExpr root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }

    public CelExpr Root { get; }

    /// <summary>Parses and checks <paramref name="text"/>; throws <see cref="CelSyntaxException"/> with the offset of the first problem.</summary>
    public static CelProgram Compile(string text, IReadOnlyCollection<string> variables)
    {
        var root = CelParser.Parse(text);
        Check(root, variables.ToFrozenSet(StringComparer.Ordinal), []);
        return new CelProgram(text, root);
    }

    public object? Evaluate(CelActivation activation) => new CelEvaluator(activation).Eval(Root, null);

    private static void Check(CelExpr e, FrozenSet<string> variables, HashSet<string> locals)
    {
        switch (e)
        {
            case CelIdent id:
                if (!variables.Contains(id.Name) && !locals.Contains(id.Name) && !CelFunctions.IsNamespace(id.Name) && !CelFunctions.IsTypeName(id.Name))
                    throw new CelSyntaxException($"undeclared reference to '{id.Name}'", id.Position);
                break;
            case CelSelect s:
                Check(s.Operand, variables, locals);
                break;
            case CelIndex ix:
                Check(ix.Operand, variables, locals);
                Check(ix.Key, variables, locals);
                break;
            case CelHas h:
                Check(h.Field.Operand, variables, locals);
                break;
            case CelCall c:
                if (c.Target is CelIdent { Name: var ns } && CelFunctions.IsNamespace(ns) && !variables.Contains(ns))
                {
                    if (!CelFunctions.IsKnown(ns + "." + c.Function))
                        throw new CelSyntaxException($"undeclared reference to '{ns}.{c.Function}'", c.Position);
                }
                else
                {
                    if (!c.Function.StartsWith('_') && !c.Function.StartsWith('@') && c.Function != "!_" && c.Function != "-_" && !CelFunctions.IsKnown(c.Function))
                        throw new CelSyntaxException($"undeclared reference to '{c.Function}'", c.Position);
                    if (c.Target is not null)
                        Check(c.Target, variables, locals);
                }

                foreach (var a in c.Args)
                    Check(a, variables, locals);
                break;
            case CelList l:
                foreach (var i in l.Items)
                    Check(i, variables, locals);
                break;
            case CelMapLiteral m:
                foreach (var (k, v, _) in m.Entries)
                {
                    Check(k, variables, locals);
                    Check(v, variables, locals);
                }

                break;
            case CelComprehension c:
                Check(c.Range, variables, locals);
                var added = locals.Add(c.Variable);
                Check(c.Step, variables, locals);
                if (c.Filter is not null)
                    Check(c.Filter, variables, locals);
                if (added)
                    locals.Remove(c.Variable);
                break;
        }
    }
}

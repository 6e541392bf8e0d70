using System.Collections.Immutable;

namespace ManifestLint.Templates.Functions;

/// <summary>
/// A function callable from templates, with the Go signature the evaluator uses to convert and check
/// arguments exactly as Go's <c>text/template</c> does (and to word the same errors).
/// </summary>
/// <param name="Name">The name templates call it by.</param>
/// <param name="Parameters">Go parameter types, in order (for a variadic function, without the variadic one).</param>
/// <param name="Variadic">The element type of a trailing <c>...T</c> parameter, or null.</param>
/// <param name="Result">The Go result type (used by <c>printf "%T"</c> only through the returned value; kept for docs and checks).</param>
/// <param name="ReturnsError">True when the Go function returns <c>(T, error)</c>: a thrown
/// <see cref="TemplateFunctionException"/> then becomes <c>error calling NAME: message</c>.</param>
/// <param name="Body">The implementation. Arguments arrive converted to the declared types.</param>
public sealed record TemplateFunction(
    string Name,
    ImmutableArray<GoType> Parameters,
    GoType? Variadic,
    GoType Result,
    bool ReturnsError,
    Func<FunctionCall, object?> Body);

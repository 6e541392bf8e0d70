using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Functions;

/// <summary>
/// One call of a <see cref="TemplateFunction"/>: the converted arguments (variadic ones flattened at the
/// end), the origin of each argument where the evaluator knows it, and the runtime services a few
/// functions need (<c>include</c>, <c>tpl</c>, limits, cancellation).
/// </summary>
public sealed class FunctionCall
{
    public FunctionCall(IReadOnlyList<object?> arguments, IReadOnlyList<ValueOrigin?> origins, ITemplateRuntime runtime)
    {
        Arguments = arguments;
        Origins = origins;
        Runtime = runtime;
    }

    public IReadOnlyList<object?> Arguments { get; }

    public IReadOnlyList<ValueOrigin?> Origins { get; }

    public ITemplateRuntime Runtime { get; }

    public object? this[int index] => Arguments[index];

    public int Count => Arguments.Count;
}

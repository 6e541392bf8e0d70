using System.Collections.Immutable;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates;

/// <summary>How a <see cref="TemplateSet"/> is parsed: its function maps and extension points.</summary>
public sealed record TemplateOptions
{
    /// <summary>
    /// Function maps merged in order over Go's builtins (a later map wins on a name clash), e.g.
    /// <c>[SprigFunctions.Create(), HelmFunctions.Create()]</c>.
    /// </summary>
    public ImmutableArray<IReadOnlyDictionary<string, TemplateFunction>> FunctionMaps { get; init; } = [];

    /// <summary>Include Go's builtins under the maps (true unless a caller wants a bare engine).</summary>
    public bool IncludeBuiltins { get; init; } = true;

    /// <summary>
    /// Methods of Go named map types (Helm's <c>chartutil.Values</c>): given a map and a name, the bound method or
    /// null. Defaults to <c>ChartutilValuesMethods.TryGetMethod</c> for maps typed <c>chartutil.Values</c>.
    /// </summary>
    public Func<GoMap, string, TemplateFunction?>? MapMethods { get; init; }
}

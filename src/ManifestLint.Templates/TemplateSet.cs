using ManifestLint.Templates.Ast;
using ManifestLint.Templates.Evaluation;
using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Parsing;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates;

/// <summary>
/// A set of parsed templates sharing their <c>define</c>s, like Go's <c>*template.Template</c> with its associated
/// templates. Immutable: <see cref="WithText"/> returns a copy. Thread-safe for concurrent executions.
/// </summary>
public sealed class TemplateSet
{
    private readonly Dictionary<string, TemplateTree> _trees;

    private TemplateSet(Dictionary<string, TemplateTree> trees, Dictionary<string, TemplateFunction> functions, TemplateOptions options)
    {
        _trees = trees;
        Functions = functions;
        Options = options;
        MapMethods = options.MapMethods ?? DefaultMapMethods;
    }

    /// <summary>The options the set was parsed with.</summary>
    public TemplateOptions Options { get; }

    /// <summary>Names of every template of the set (files and defines).</summary>
    public IReadOnlyCollection<string> Names => _trees.Keys;

    internal Dictionary<string, TemplateFunction> Functions { get; }

    internal Func<GoMap, string, TemplateFunction?> MapMethods { get; }

    /// <summary>
    /// Parses named texts into one set in Helm's order (<see cref="HelmParseOrder"/>): when two texts define the same
    /// name, the one parsed last wins; defining a name twice in one text is an error.
    /// </summary>
    /// <exception cref="TemplateException">The first parse error, in Go's format (<c>template: NAME:LINE: ...</c>).</exception>
    public static TemplateSet Parse(IEnumerable<(string Name, string Text)> templates, TemplateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        options ??= new TemplateOptions();
        var functions = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        if (options.IncludeBuiltins)
        {
            foreach (var (k, v) in BuiltinFunctions.Create())
                functions[k] = v;
        }

        foreach (var map in options.FunctionMaps)
        {
            foreach (var (k, v) in map)
                functions[k] = v;
        }

        var set = new TemplateSet(new Dictionary<string, TemplateTree>(StringComparer.Ordinal), functions, options);
        var texts = templates.ToDictionary(t => t.Name, t => t.Text, StringComparer.Ordinal);
        foreach (var name in HelmParseOrder(texts.Keys))
            set.AddParsed(name, texts[name]);
        return set;
    }

    /// <summary>Helm's parse order: names with more <c>/</c> first, then names of equal depth in reverse ordinal order.</summary>
    public static IReadOnlyList<string> HelmParseOrder(IEnumerable<string> names)
    {
        var list = names.ToList();
        list.Sort((a, b) =>
        {
            var da = a.Count(c => c == '/');
            var db = b.Count(c => c == '/');
            if (da != db)
                return db.CompareTo(da);
            return string.CompareOrdinal(b, a);
        });
        return list;
    }

    /// <summary>A copy of this set with <paramref name="text"/> parsed into it as <paramref name="name"/> (what Helm's <c>tpl</c> does).</summary>
    /// <exception cref="TemplateException">On a parse error.</exception>
    public TemplateSet WithText(string name, string text) => WithText(name, text, out _);

    /// <summary>
    /// As <see cref="WithText(string, string)"/>, also giving the tree parsed for <paramref name="name"/> itself. That
    /// tree is what Go executes (the new template's own tree), even when it is empty and so did not replace an older
    /// template of that name in the set: a nested <c>tpl</c> of "" or of nothing but <c>define</c>s writes nothing.
    /// </summary>
    internal TemplateSet WithText(string name, string text, out TemplateTree entry)
    {
        var copy = new TemplateSet(new Dictionary<string, TemplateTree>(_trees, StringComparer.Ordinal), Functions, Options);
        entry = copy.AddParsed(name, text);
        return copy;
    }

    /// <summary>True when the set has a template of that name.</summary>
    public bool Contains(string name) => _trees.ContainsKey(name);

    /// <summary>
    /// Executes the template <paramref name="entry"/> with <paramref name="data"/> as <c>.</c> and <c>$</c>
    /// (<c>missingkey=zero</c>). The text still holds <c>&lt;no value&gt;</c> where nil was printed; Helm's clean-up is
    /// <see cref="RenderResult.WithoutNoValue"/>.
    /// </summary>
    /// <exception cref="TemplateException">Go's execution error, or a safety limit.</exception>
    public RenderResult Execute(string entry, object? data, ExecutionOptions? options = null)
    {
        var executor = new Executor(this, options ?? new ExecutionOptions());
        return executor.Run(entry, data);
    }

    internal TemplateTree? Lookup(string name) => _trees.TryGetValue(name, out var t) ? t : null;

    internal bool HasFunction(string name) => Functions.ContainsKey(name);

    // Returns the tree parsed under name (Go's Parse always makes one).
    private TemplateTree AddParsed(string name, string text)
    {
        var trees = StackGuard.Run(() => Parser.Parse(name, text, HasFunction));
        foreach (var (treeName, tree) in trees)
        {
            // Go's associate: an empty template never replaces an existing one.
            if (_trees.ContainsKey(treeName) && TemplateTree.IsEmptyTree(tree.Root))
                continue;
            _trees[treeName] = tree;
        }

        return trees[name];
    }

    private static TemplateFunction? DefaultMapMethods(GoMap map, string name)
    {
        if (!GoMap.IsValuesType(map.GoTypeName))
            return null;
        return ChartutilValuesMethods.TryGetMethod(map, name, out var method) ? method : null;
    }
}

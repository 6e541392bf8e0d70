using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>Calls the Sprig extra functions directly, with a seeded random source and a fixed clock.</summary>
internal sealed class SprigExtraTestRuntime(int seed = 11) : ITemplateRuntime
{
    private static readonly IReadOnlyDictionary<string, TemplateFunction> Functions = SprigExtraFunctions.Create();

    public static readonly DateTimeOffset FixedNow = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public CancellationToken CancellationToken => CancellationToken.None;

    public Random Random { get; } = new(seed);

    public DateTimeOffset Now => FixedNow;

    public TrackedString ExecuteTemplate(string name, object? data) => throw new NotSupportedException();

    public TrackedString ExecuteText(string name, string text, object? data) => throw new NotSupportedException();

    public int ActiveCalls(string name) => 0;

    public object? Invoke(string name, params object?[] args) =>
        Functions[name].Body(new FunctionCall(args, new ValueOrigin?[args.Length], this));

    public static bool Has(string name) => Functions.ContainsKey(name);

    public static TemplateFunction Function(string name) => Functions[name];

    public static object? Call(string name, params object?[] args) => new SprigExtraTestRuntime().Invoke(name, args);

    /// <summary>The call's result as Go's <c>%v</c> prints it.</summary>
    public static string Print(string name, params object?[] args) => GoFormat.FormatValue(Call(name, args));

    public static string Error(string name, params object?[] args) =>
        Assert.Throws<TemplateFunctionException>(() => Call(name, args)).Message;

    public static object? Method(object? receiver, string method, params object?[] args)
    {
        var obj = Assert.IsAssignableFrom<IGoObject>(receiver);
        Assert.True(obj.TryGetMethod(method, out var fn));
        return fn!.Body(new FunctionCall(args, new ValueOrigin?[args.Length], new SprigExtraTestRuntime()));
    }

    public static GoList List(params object?[] items) => new(items);
}

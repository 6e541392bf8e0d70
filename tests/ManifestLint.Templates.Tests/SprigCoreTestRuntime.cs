using ManifestLint.Templates.Functions;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Provenance;
using ManifestLint.Templates.Values;

namespace ManifestLint.Templates.Tests;

/// <summary>Calls Sprig functions directly, with a runtime that offers no templates.</summary>
internal sealed class SprigCoreTestRuntime : ITemplateRuntime
{
    private static readonly IReadOnlyDictionary<string, TemplateFunction> Functions = SprigFunctions.Create();

    public CancellationToken CancellationToken => CancellationToken.None;

    public Random Random { get; } = new(7);

    public DateTimeOffset Now => new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public TrackedString ExecuteTemplate(string name, object? data) => throw new NotSupportedException();

    public TrackedString ExecuteText(string name, string text, object? data) => throw new NotSupportedException();

    public int ActiveCalls(string name) => 0;

    public static object? Call(string name, params object?[] args) =>
        Functions[name].Body(new FunctionCall(args, new ValueOrigin?[args.Length], new SprigCoreTestRuntime()));

    /// <summary>The call's result as Go's <c>%v</c> prints it.</summary>
    public static string Print(string name, params object?[] args) => GoFormat.FormatValue(Call(name, args));

    public static string Error(string name, params object?[] args) =>
        Assert.Throws<TemplateFunctionException>(() => Call(name, args)).Message;

    public static GoList List(params object?[] items) => new(items);

    public static GoMap Map(params (string Key, object? Value)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value)));
}

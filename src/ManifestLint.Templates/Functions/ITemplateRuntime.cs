using ManifestLint.Templates.Provenance;

namespace ManifestLint.Templates.Functions;

/// <summary>
/// What the executing template offers to functions that need the engine itself. Implemented by the
/// evaluator; Helm's <c>include</c> and <c>tpl</c> are written against it.
/// </summary>
public interface ITemplateRuntime
{
    /// <summary>Executes the named template of the current set with <paramref name="data"/>; the result keeps provenance.</summary>
    TrackedString ExecuteTemplate(string name, object? data);

    /// <summary>Parses <paramref name="text"/> as a new template (named <paramref name="name"/>) in a copy of the current set and executes it.</summary>
    TrackedString ExecuteText(string name, string text, object? data);

    /// <summary>How many calls of the named template are currently on the stack (for Helm's include recursion limit).</summary>
    int ActiveCalls(string name);

    /// <summary>Cancellation for long-running functions (e.g. key generation).</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Deterministic source of randomness: seeded by the caller so runs are reproducible.</summary>
    Random Random { get; }

    /// <summary>The current time as the caller fixes it (for <c>now</c>, <c>date</c>): UTC.</summary>
    DateTimeOffset Now { get; }
}

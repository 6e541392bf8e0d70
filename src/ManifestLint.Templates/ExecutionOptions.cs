namespace ManifestLint.Templates;

/// <summary>Limits and environment of one execution. Hostile templates end with a <see cref="TemplateException"/> of kind <see cref="TemplateErrorKind.Limit"/>.</summary>
public sealed record ExecutionOptions
{
    /// <summary>Deepest nesting of template calls (<c>template</c>, <c>include</c>, <c>tpl</c>) before execution stops.</summary>
    public int MaxTemplateDepth { get; init; } = 10000;

    /// <summary>Largest output, in UTF-16 code units, of the whole execution.</summary>
    public long MaxOutputLength { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Longest string (UTF-16 code units) a function may return. Without it a few lines that double a string in a loop
    /// exhaust memory long before the output limit is reached.
    /// </summary>
    public long MaxStringLength { get; init; } = 64L * 1024 * 1024;

    /// <summary>Longest list a function may return (Sprig's <c>until</c> refuses more than this many items too).</summary>
    public long MaxListLength { get; init; } = 1_000_000;

    /// <summary>Most evaluation steps (nodes walked plus loop iterations) of the whole execution.</summary>
    public long MaxSteps { get; init; } = 50_000_000;

    /// <summary>Wall-clock budget of the whole execution; null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Cancels a running execution.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Seed of the random source functions use (<c>randAlpha</c>, <c>uuidv4</c>, ...).</summary>
    public int RandomSeed { get; init; }

    /// <summary>The time functions see as "now" (UTC); null for the moment execution starts.</summary>
    public DateTimeOffset? Now { get; init; }
}

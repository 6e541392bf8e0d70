namespace ManifestLint.Templates;

/// <summary>What kind of failure a <see cref="TemplateException"/> reports.</summary>
public enum TemplateErrorKind
{
    /// <summary>The text is not a valid template.</summary>
    Parse,

    /// <summary>Execution failed (Go's <c>executing "name" at &lt;...&gt;</c> errors, failing functions).</summary>
    Execution,

    /// <summary>A safety limit (depth, output size, steps, time) stopped execution.</summary>
    Limit,
}

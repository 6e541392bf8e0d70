namespace ManifestLint.Admission.Cel;

/// <summary>A runtime error of an expression (no such key, no such overload, overflow, cost limit).</summary>
public sealed class CelEvalException : Exception
{
    public CelEvalException(string message)
        : base(message)
    {
    }

    public CelEvalException()
    {
    }

    public CelEvalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the expression was stopped by the cost budget rather than failing on its own.</summary>
    public bool CostLimitExceeded { get; init; }
}

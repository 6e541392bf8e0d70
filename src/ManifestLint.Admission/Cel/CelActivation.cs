namespace ManifestLint.Admission.Cel;

/// <summary>
/// The variables of one evaluation, its cost budget and the tracker of fields read. A variable may be
/// lazy (Kubernetes' <c>variables.x</c> are computed on first use and then cached).
/// </summary>
public sealed class CelActivation
{
    /// <summary>The API server's per-expression runtime cost limit (apiextensions <c>PerCallLimit</c>).</summary>
    public const long DefaultCostLimit = 1_000_000;

    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public CelActivation(long costLimit = DefaultCostLimit, CelReadTracker? tracker = null)
    {
        CostLimit = costLimit;
        Tracker = tracker;
    }

    public long CostLimit { get; }

    public long Cost { get; private set; }

    public CelReadTracker? Tracker { get; }

    /// <summary>Answers <c>authorizer</c> checks; null when no RBAC data is available.</summary>
    public ICelAuthorizer? Authorizer { get; init; }

    public CelActivation Set(string name, object? value)
    {
        _values[name] = value;
        return this;
    }

    public bool TryGet(string name, out object? value) => _values.TryGetValue(name, out value);

    public void ResetCost() => Cost = 0;

    internal void Charge(long units)
    {
        Cost += units;
        if (Cost > CostLimit)
            throw new CelEvalException("operation cancelled: actual cost limit exceeded") { CostLimitExceeded = true };
    }
}

namespace ManifestLint.Admission;

/// <summary>How admission policies are applied offline.</summary>
/// <param name="ApplyUnbound">Apply policies without a binding to every object they match, with <c>Deny</c> (<c>--policy-unbound</c>).</param>
/// <param name="CostLimit">Runtime cost budget of one expression (the API server's per-call limit by default).</param>
public sealed record AdmissionOptions(bool ApplyUnbound = false, long CostLimit = Cel.CelActivation.DefaultCostLimit);

namespace ManifestLint.Admission.Cel;

/// <summary>The result of <c>authorizer….check(verb)</c>: <c>allowed()</c>, <c>reason()</c>, <c>errored()</c>, <c>error()</c>.</summary>
public sealed record CelAuthorizerDecision(bool Allowed, string Reason, string? Error = null);

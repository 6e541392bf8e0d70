namespace ManifestLint.Admission.Cel;

/// <summary>The value built by <c>authorizer.serviceAccount(…).group(…).resource(…)…</c> before <c>check(verb)</c>.</summary>
public sealed record CelAuthorizerRequest(string? User, string Group = "", string Resource = "", string Subresource = "", string Namespace = "", string Name = "", string? Path = null);

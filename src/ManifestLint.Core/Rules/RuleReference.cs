namespace ManifestLint.Core.Rules;

/// <summary>A document that backs a rule (CIS, NSA/CISA, Pod Security Standards, Kubernetes docs).</summary>
public sealed record RuleReference(string Title, string Url);

using ManifestLint.Core.Rules;
using ManifestLint.Schemas;

namespace ManifestLint.Rules.Schema;

/// <summary>
/// The rules that report one kind of problem of the shared schema check (<see cref="SchemaAnalysis"/>, done once per
/// run): built-in resources for the <c>schema-*</c> rules, custom resources for <c>crd-schema-violation</c>.
/// </summary>
public abstract class SchemaProblemRule : Rule
{
    /// <summary>The problem this rule reports; null for every problem.</summary>
    protected abstract SchemaProblem? Problem { get; }

    /// <summary>True to report problems of custom resources (against their CRDs), false for built-in kinds.</summary>
    protected virtual bool Custom => false;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var f in SchemaAnalysis.For(context.Graph).Findings)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (f.Custom == Custom && (Problem is null || f.Violation.Problem == Problem))
                yield return context.Report(f.Subject, f.Violation.Node, f.Violation.Message);
        }
    }

    /// <summary>The references every schema rule shares.</summary>
    protected static RuleReference ApiConventions { get; } = new("Kubernetes API conventions", "https://github.com/kubernetes/community/blob/master/contributors/devel/sig-architecture/api-conventions.md");

    protected static RuleReference FieldValidation { get; } = new("Kubernetes: field validation (kubectl --validate=strict)", "https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation");
}

using System.Collections.Immutable;
using ManifestLint.Admission.Cel;
using ManifestLint.Core.Model;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Admission;

/// <summary>A ValidatingAdmissionPolicy with every expression compiled once; compile errors are kept for reporting.</summary>
internal sealed class CompiledPolicy
{
    public static readonly ImmutableArray<string> BaseVariables = ["object", "oldObject", "request", "params", "namespaceObject", "authorizer", "variables"];

    public CompiledPolicy(Resource resource)
    {
        Resource = resource;
        var spec = resource.Root.GetMapping("spec");
        Spec = spec;
        ParamKind = spec?.GetMapping("paramKind");
        FailurePolicyIgnore = spec?.GetString("failurePolicy") == "Ignore";
        MatchConstraints = new MatchResources(spec?.GetMapping("matchConstraints"));
        var errors = ImmutableArray.CreateBuilder<(YamlScalar Node, int Offset, string Message)>();
        PolicyExpression Compile(YamlScalar node, string? name = null)
        {
            try
            {
                return new PolicyExpression(node, CelProgram.Compile(node.Text, BaseVariables), name);
            }
            catch (CelSyntaxException e)
            {
                errors.Add((node, e.Position, e.Message));
                return new PolicyExpression(node, null, name);
            }
        }

        MatchConditions = [.. (spec?.GetSequence("matchConditions")?.Mappings() ?? [])
            .Where(m => m.GetScalar("expression") is not null)
            .Select(m => Compile(m.GetScalar("expression")!, m.GetString("name")))];
        Variables = [.. (spec?.GetSequence("variables")?.Mappings() ?? [])
            .Where(m => m.GetScalar("expression") is not null && m.GetString("name") is not null)
            .Select(m => Compile(m.GetScalar("expression")!, m.GetString("name")))];
        Validations = [.. (spec?.GetSequence("validations")?.Mappings() ?? [])
            .Where(m => m.GetScalar("expression") is not null)
            .Select(m => new PolicyValidation(
                Compile(m.GetScalar("expression")!),
                m.GetString("message"),
                m.GetScalar("messageExpression") is { IsNull: false } me ? Compile(me) : null,
                m.GetString("reason"),
                m))];
        CompileErrors = errors.ToImmutable();
    }

    public Resource Resource { get; }

    public string Name => Resource.Name;

    public YamlMapping? Spec { get; }

    public YamlMapping? ParamKind { get; }

    public bool FailurePolicyIgnore { get; }

    public MatchResources MatchConstraints { get; }

    public ImmutableArray<PolicyExpression> MatchConditions { get; }

    public ImmutableArray<PolicyExpression> Variables { get; }

    public ImmutableArray<PolicyValidation> Validations { get; }

    public ImmutableArray<(YamlScalar Node, int Offset, string Message)> CompileErrors { get; }
}

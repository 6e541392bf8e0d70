using System.Collections.Immutable;
using ManifestLint.Admission;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Discovery;

namespace ManifestLint.Linting;

/// <summary>
/// The admission-policy step of a run: reads the <c>--policy</c>/<c>policies:</c> files (policy sources only:
/// their resources are not linted, their YAML problems are reported) and evaluates every ValidatingAdmissionPolicy
/// of the input and of those files against the input's resources.
/// </summary>
internal static class AdmissionStage
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <param name="PolicyFiles">The policy files read (for code frames and their YAML problems); they carry no resources into the report.</param>
    /// <param name="Ran">Whether there were policies to evaluate; the report lists the <c>admission-policy</c> id only then.</param>
    public sealed record Result(ImmutableArray<LintPipeline.ParsedFile> PolicyFiles, ImmutableArray<Finding> Findings, bool Ran);

    public static Result Run(LintRequest request, ResourceGraph graph, ImmutableArray<LintPipeline.ParsedFile> parsed, CancellationToken cancellationToken)
    {
        var sources = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var p in parsed)
        {
            if (p.Source is not null)
                sources[p.Source.Path] = p.Source;
        }

        var files = ImmutableArray.CreateBuilder<LintPipeline.ParsedFile>();
        var policyResources = ImmutableArray.CreateBuilder<Resource>();
        foreach (var full in PolicyFilePaths(request.Policies))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.GetRelativePath(request.RepositoryRoot, full).Replace('\\', '/');
            if (sources.ContainsKey(path))
                continue;
            var file = LintPipeline.ParseFile(new ManifestInput(full, path), request.Namespace, cancellationToken);
            if (file.Source is not null)
                sources[path] = file.Source;
            policyResources.AddRange(file.Resources.Where(AdmissionEvaluator.IsPolicyObject));
            files.Add(file with { Resources = [], Documents = 0, Skipped = 0 });
        }

        var hasPolicies = policyResources.Count > 0 || graph.Resources.Any(AdmissionEvaluator.IsPolicyObject);
        if (!hasPolicies)
            return new Result(files.ToImmutable(), [], Ran: false);
        var findings = AdmissionEvaluator.Evaluate(
            graph.Resources,
            policyResources.ToImmutable(),
            new AdmissionOptions(ApplyUnbound: request.PolicyUnbound),
            graph.Rbac,
            path => sources.TryGetValue(path, out var s) ? s.Text : null,
            cancellationToken);
        return new Result(files.ToImmutable(), findings, Ran: true);
    }

    private static IEnumerable<string> PolicyFilePaths(ImmutableArray<string> paths)
    {
        foreach (var p in paths)
        {
            if (File.Exists(p))
            {
                yield return p;
            }
            else if (Directory.Exists(p))
            {
                foreach (var f in Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal))
                    yield return f;
            }
        }
    }
}

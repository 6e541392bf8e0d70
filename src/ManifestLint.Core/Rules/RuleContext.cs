using System.Collections.Immutable;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.Rules;

/// <summary>What a rule sees: the graph, its options, cancellation, and the way to report.</summary>
public sealed class RuleContext
{
    public RuleContext(Rule rule, ResourceGraph graph, object? options, CancellationToken cancellationToken)
    {
        Rule = rule;
        Graph = graph;
        Options = options;
        CancellationToken = cancellationToken;
    }

    public Rule Rule { get; }

    public ResourceGraph Graph { get; }

    public object? Options { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>A finding on <paramref name="subject"/> at <paramref name="node"/> (the most precise node available).</summary>
    public Finding Report(Resource subject, YamlNode node, string message, params RelatedLocation[] related) =>
        Report(subject, node, message, Rule.Info.Severity, related);

    /// <summary>As <see cref="Report(Resource, YamlNode, string, RelatedLocation[])"/> with a severity other than the rule's default (e.g. a sensitive hostPath is an error where others are warnings).</summary>
    public Finding Report(Resource subject, YamlNode node, string message, Severity severity, params RelatedLocation[] related)
    {
        var rel = related.Length == 0 ? ImmutableArray<RelatedLocation>.Empty : [.. related];
        if (node.Value is { } value)
            rel = rel.Add(new RelatedLocation(value.Span, value.Description ?? $"value `{value.ValuePath}` set here"));
        return new Finding(Rule.Info.Id, severity, message, node.Span, subject, node.Path, rel) { Scenario = subject.Origin.Scenario };
    }

    /// <summary>A related location for another node (the other end of a graph edge).</summary>
    public static RelatedLocation Related(YamlNode node, string message) => new(node.Span, message);

    /// <summary>A related location for a span.</summary>
    public static RelatedLocation Related(SourceSpan span, string message) => new(span, message);
}

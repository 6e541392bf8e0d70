using System.Collections.Immutable;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Testing;

/// <summary>
/// Reads the <c># expect: id[, id]</c> and <c># expect-next: id</c> markers of a fixture from the
/// comments our own loader keeps, so the harness and the product share one parser.
/// </summary>
public static class FixtureExpectations
{
    private const string Expect = "expect:";
    private const string ExpectNext = "expect-next:";

    public static ImmutableArray<FixtureExpectation> Parse(IEnumerable<YamlDocument> documents)
    {
        var result = ImmutableArray.CreateBuilder<FixtureExpectation>();
        foreach (var document in documents)
        {
            foreach (var comment in document.Comments)
                Add(comment, result);
        }

        return [.. result.OrderBy(e => e.Line).ThenBy(e => e.RuleId, StringComparer.Ordinal)];
    }

    /// <summary>True when the comment is a marker (so docs can render it as a plain comment).</summary>
    public static bool IsMarker(string commentText)
    {
        var text = commentText.TrimStart('#').Trim();
        return text.StartsWith(Expect, StringComparison.Ordinal) || text.StartsWith(ExpectNext, StringComparison.Ordinal);
    }

    private static void Add(YamlComment comment, ImmutableArray<FixtureExpectation>.Builder result)
    {
        var text = comment.Text.TrimStart('#').Trim();
        int line;
        string ids;
        if (text.StartsWith(ExpectNext, StringComparison.Ordinal))
        {
            line = comment.Line + 1;
            ids = text[ExpectNext.Length..];
        }
        else if (text.StartsWith(Expect, StringComparison.Ordinal))
        {
            line = comment.Line;
            ids = text[Expect.Length..];
        }
        else
        {
            return;
        }

        foreach (var id in ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            result.Add(new FixtureExpectation(line, id, comment.Line, comment.Column));
    }
}

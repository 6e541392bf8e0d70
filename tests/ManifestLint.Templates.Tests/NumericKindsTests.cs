using System.Text;
using System.Text.Json;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;
using ManifestLint.Testing;

namespace ManifestLint.Templates.Tests;

/// <summary>
/// Every numeric kind a function or value can produce (semver's uint64 fields, len's int, Unix's int64, time.Month,
/// values' float64, --set's int64, strings) through every function that converts numbers (Sprig's cast-based
/// conversions and arithmetic, typed int parameters, comparisons, printf, encoders), and time values through
/// comparisons and encoders. Expected results in Data/numeric-kinds.tsv and Data/expressions.tsv were produced by
/// helm v3.17.2.
/// </summary>
public sealed class NumericKindsTests
{
    private static readonly Lazy<List<Row>> Rows = new(() => Load("numeric-kinds.tsv", 2));
    private static readonly Lazy<List<Row>> ExpressionRows = new(() => Load("expressions.tsv", 1));

    public static TheoryData<string> Functions()
    {
        var data = new TheoryData<string>();
        foreach (var f in Rows.Value.Select(r => r.Function).Distinct(StringComparer.Ordinal))
            data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_gives_what_helm_gives_for_every_numeric_kind(string function)
    {
        var failures = new StringBuilder();
        foreach (var row in Rows.Value.Where(r => r.Function == function))
        {
            var expr = function.Replace("X", "(" + row.Source + ")", StringComparison.Ordinal);
            var actual = Run(expr);
            if (actual != row.Expected)
                failures.Append(expr).Append(": expected ").Append(row.Expected).Append(", got ").AppendLine(actual);
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    public static TheoryData<string> Expressions()
    {
        var data = new TheoryData<string>();
        foreach (var row in ExpressionRows.Value)
            data.Add(row.Function);
        return data;
    }

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Expression_over_times_and_integer_kinds_gives_what_helm_gives(string expr)
    {
        var row = ExpressionRows.Value.First(r => r.Function == expr);

        Assert.Equal(row.Expected, Run(expr));
    }

    private static string Run(string expr)
    {
        var options = new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] };
        var text = "{{ $r := " + expr + " }}{{ print $r }}|{{ typeOf $r }}";
        try
        {
            var set = TemplateSet.Parse([("main", text)], options);
            var result = set.Execute("main", Data()).WithoutNoValue().Text;
            var bar = result.LastIndexOf('|');
            return "ok " + JsonSerializer.Serialize(result[..bar]) + " " + result[(bar + 1)..];
        }
        catch (TemplateException ex)
        {
            var at = ex.Message.IndexOf(">: ", StringComparison.Ordinal);
            return "error " + JsonSerializer.Serialize(at >= 0 ? ex.Message[(at + 3)..] : ex.Message);
        }
    }

    private static GoMap Data()
    {
        var values = GoYaml.ParseValues("num: 3\nf: 2.5\nbig: 12345678901\ns: \"7\"\nneg: -2.5\n", "values.yaml");
        values.Set("i64", new GoInt64(3));
        var release = new GoMap();
        release.Set("Name", "r");
        release.Set("Revision", 1L);
        var data = new GoMap(GoMap.ValuesType);
        data.Set("Values", values);
        data.Set("Release", release);
        return data;
    }

    // Rows of a table: the key columns (function and source, or the expression), then ok|error, text and type.
    private static List<Row> Load(string file, int keys)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Templates.Tests", "Data", file);
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cols = line.Split('\t');
            var text = JsonSerializer.Serialize(JsonSerializer.Deserialize<string>(cols[keys + 1]));
            var expected = cols[keys] == "ok" ? "ok " + text + " " + cols[keys + 2] : "error " + text;
            rows.Add(new Row(cols[0], keys > 1 ? cols[1] : string.Empty, expected));
        }

        return rows;
    }

    private sealed record Row(string Function, string Source, string Expected);
}

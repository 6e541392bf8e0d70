using System.Globalization;
using System.Text.RegularExpressions;
using ManifestLint.Discovery;
using ManifestLint.Helm;

namespace ManifestLint.Linting;

/// <summary>
/// What a user can do about a chart that stopped on <c>required</c> or <c>fail</c>: for linting, a chart only needs
/// the values its authors demand, so the finding names the value (read from the failing action of the template)
/// and the three ways to supply it without touching the chart.
/// </summary>
internal static partial class RenderAdvice
{
    // Helm's cleanupExecError gives only required/fail messages this prefix; other execution errors keep Go's text.
    private const string ChartCheckPrefix = "execution error at (";

    /// <summary>
    /// The message of a render problem with advice appended when it is a chart's own check. The failing action is
    /// read from the template that Helm's message names (a check inside an included template is reported by Helm
    /// there, while the problem itself is located at the outermost template).
    /// </summary>
    public static string Append(string message, RenderProblem problem, IReadOnlyDictionary<string, string?> templatePaths, ChartInput chart)
    {
        if (!message.StartsWith(ChartCheckPrefix, StringComparison.Ordinal))
            return message;
        var (path, line, column) = (problem.Path, problem.Line, problem.Column);
        // The innermost template call of the full text is where the check is; Helm's message names the outermost.
        var at = problem.FullMessage is { } full && CallLocation().Matches(full) is { Count: > 0 } calls ? calls[^1] : CheckLocation().Match(message);
        if (at.Success && templatePaths.TryGetValue(at.Groups["name"].Value, out var named) && named is not null)
        {
            path = named;
            line = int.Parse(at.Groups["line"].Value, CultureInfo.InvariantCulture);
            column = int.Parse(at.Groups["column"].Value, CultureInfo.InvariantCulture) + 1;
        }

        string? text = null;
        if (path is not null && InChart(chart.Path, path) is { } inChart)
        {
            try
            {
                text = File.ReadAllText(Path.Combine(chart.FullPath, inChart));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Without the template text the advice is general.
            }
        }

        var advice = For(message, text, line, column, path is null ? "" : ValuesPrefix(chart.Path, path), chart.Path);
        if (advice is null)
            return message;
        return message + (message.EndsWith('.') || message.EndsWith('!') || message.EndsWith('?') ? " " : ". ") + advice;
    }

    /// <summary>
    /// The advice to append to a render problem's message, or null when the problem is not a chart's own check.
    /// </summary>
    /// <param name="message">Helm's message.</param>
    /// <param name="templateText">The text of the template the problem is located in, when it could be read.</param>
    /// <param name="line">1-based line of the failing action.</param>
    /// <param name="column">1-based column of the failing action.</param>
    /// <param name="valuesPrefix">Where the template's chart sits in the linted chart's values (<c>sub.</c> for a subchart), or "".</param>
    /// <param name="chartPath">The linted chart's repository path, for the configuration example.</param>
    public static string? For(string message, string? templateText, int line, int column, string valuesPrefix, string chartPath)
    {
        if (!message.StartsWith(ChartCheckPrefix, StringComparison.Ordinal))
            return null;
        var action = templateText is null ? null : ActionAt(templateText, line, column);
        var value = action is null ? null : RequiredValue(action);
        var key = chartPath.Length == 0 ? "." : chartPath;
        if (value is not null)
        {
            var full = valuesPrefix + value;
            return $"The chart requires the value `{full}`. To lint it, pass --set {full}=…, or add \"{full}=…\" to charts.\"{key}\".set in .manifestlint.yaml, or give it in a ci/*-values.yaml of the chart and lint with --chart-values-scenarios.";
        }

        var verb = action is not null && FailCall().IsMatch(action) ? "fail" : "required";
        return $"The chart stopped itself with `{verb}`. To lint it, give the values its message asks for with --set or --values, under charts.\"{key}\" (set or values) in .manifestlint.yaml, or in a ci/*-values.yaml of the chart linted with --chart-values-scenarios.";
    }

    /// <summary>The text between the <c>{{</c> and <c>}}</c> that enclose a 1-based position, or null.</summary>
    internal static string? ActionAt(string text, int line, int column)
    {
        if (line < 1)
            return null;
        var offset = 0;
        for (var l = 1; l < line; l++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
                return null;
            offset = next + 1;
        }

        var position = Math.Min(text.Length, offset + Math.Max(0, column - 1));
        var open = position + 2 <= text.Length ? text.LastIndexOf("{{", position + 1, StringComparison.Ordinal) : text.LastIndexOf("{{", StringComparison.Ordinal);
        if (open < 0)
            return null;
        var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
        if (close < 0 || close + 2 < position)
            return null;
        return text[(open + 2)..close];
    }

    /// <summary>The values path given to <c>required</c> in an action (<c>a.b</c> for <c>.Values.a.b</c>), or null.</summary>
    internal static string? RequiredValue(string action)
    {
        var m = RequiredCall().Match(action);
        if (!m.Success)
            m = RequiredPipe().Match(action);
        return m.Success ? m.Groups["path"].Value.TrimStart('.') : null;
    }

    /// <summary>The values prefix of a template inside the chart: <c>a.b.</c> for <c>charts/a/charts/b/templates/x.yaml</c>.</summary>
    internal static string ValuesPrefix(string chartPath, string templatePath)
    {
        if (InChart(chartPath, templatePath) is not { } inChart)
            return "";
        var parts = inChart.Split('/');
        var prefix = "";
        for (var i = 0; i + 1 < parts.Length && parts[i] == "charts"; i += 2)
            prefix += parts[i + 1] + ".";
        return prefix;
    }

    /// <summary>A repository path relative to the chart folder (the chart may be the repository root, path ""), or null.</summary>
    internal static string? InChart(string chartPath, string path) =>
        chartPath.Length == 0 ? path
        : path.StartsWith(chartPath + "/", StringComparison.Ordinal) ? path[(chartPath.Length + 1)..]
        : null;

    [GeneratedRegex(@"\brequired\s+(?:""(?:[^""\\]|\\.)*""|`[^`]*`)\s+\(?\s*\$?\w*\.Values(?<path>(?:\.[A-Za-z_][\w-]*)+)")]
    private static partial Regex RequiredCall();

    [GeneratedRegex(@"\$?\w*\.Values(?<path>(?:\.[A-Za-z_][\w-]*)+)\s*\|\s*required\b")]
    private static partial Regex RequiredPipe();

    // Go's column in these locations is 0-based.
    [GeneratedRegex(@"^execution error at \((?<name>[^()]+):(?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex CheckLocation();

    [GeneratedRegex(@"template: (?<name>[^:]+):(?<line>\d+):(?<column>\d+): executing ")]
    private static partial Regex CallLocation();

    [GeneratedRegex(@"\bfail\b")]
    private static partial Regex FailCall();
}

using System.Globalization;
using System.Text;

namespace ManifestLint.HelmDiff;

/// <summary>
/// known-differences.txt: cases whose difference is understood and accepted for now, one a line:
/// <c>helm3|helm4|any CASE-ID reason…</c> (CASE-ID as the table prints it, e.g. <c>kong-kong:ci/test1-values.yaml</c>);
/// <c>#</c> starts a comment. A listed case that passes is reported, so the list only shrinks.
/// </summary>
internal sealed class KnownDifferences(Dictionary<string, string> reasons)
{
    public static KnownDifferences Load(string path, string helmVersion)
    {
        var major = "helm" + helmVersion.TrimStart('v').Split('.')[0];
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Split('#')[0].Trim();
                if (line.Length == 0)
                    continue;
                var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 3)
                    throw new FormatException($"{path}: '{raw}' is not 'helm3|helm4|any CASE-ID reason'");
                if (parts[0] == "any" || parts[0] == major)
                    reasons[parts[1]] = parts[2];
            }
        }

        return new KnownDifferences(reasons);
    }

    public string? Reason(string id) => reasons.TryGetValue(id, out var r) ? r : null;
}

/// <summary>Prints the table, the details of each failing case and the summary; returns the exit code.</summary>
internal static class Report
{
    public static int Print(IReadOnlyList<CaseResult> results, KnownDifferences known, int details, TimeSpan elapsed)
    {
        var width = Math.Min(110, results.Max(r => r.Case.Id.Length));
        var header = string.Format(CultureInfo.InvariantCulture, "{0} | {1,-12} | {2,-12} | {3,5} {4,6} {5,6} {6,4} | {7}", "case".PadRight(width), "helm", "ours", "ident", "parsed", "random", "diff", "verdict");
        Console.WriteLine();
        Console.WriteLine(header);
        Console.WriteLine(new string('-', header.Length));
        var failing = new List<CaseResult>();
        var accepted = 0;
        var stale = new List<string>();
        foreach (var r in results)
        {
            var reason = known.Reason(r.Case.Id);
            var verdict = Describe(r.Verdict);
            if (!r.Passed && reason is not null)
            {
                verdict += " (known: " + reason + ")";
                accepted++;
            }
            else if (!r.Passed)
            {
                failing.Add(r);
            }
            else if (reason is not null)
            {
                stale.Add(r.Case.Id);
            }

            var docs = r.Documents.Count > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0,5} {1,6} {2,6} {3,4}", r.Count(DocumentVerdict.Identical), r.Count(DocumentVerdict.ParsedEqual), r.Count(DocumentVerdict.RandomOnly), r.Count(DocumentVerdict.Different))
                : new string(' ', 24);
            Console.WriteLine($"{Clip(r.Case.Id, width).PadRight(width)} | {Outcome(r.Helm),-12} | {Outcome(r.Ours),-12} | {docs} | {verdict}");
        }

        foreach (var r in failing)
        {
            Console.WriteLine();
            Console.WriteLine($"== {r.Case.Id}: {Describe(r.Verdict)}");
            switch (r.Verdict)
            {
                case CaseVerdict.Different:
                    foreach (var d in r.Documents.Where(d => d.Verdict == DocumentVerdict.Different).Take(details))
                        Console.Write($"-- {d.Key}: {d.Detail}\n");
                    var more = r.Count(DocumentVerdict.Different) - details;
                    if (more > 0)
                        Console.WriteLine($"-- … {more} more differing documents");
                    break;
                default:
                    Console.WriteLine("helm:  " + Indent(r.Helm.Ok ? "(renders)" : r.Helm.ErrorText));
                    Console.WriteLine("ours:  " + Indent(r.Ours.Ok ? "(renders)" : r.Ours.ErrorText));
                    break;
            }
        }

        var same = results.Count(r => r.Verdict == CaseVerdict.Same);
        var sameError = results.Count(r => r.Verdict == CaseVerdict.SameError);
        var helmTwice = results.Count(r => r.RanHelmTwice);
        var helmTime = TimeSpan.FromTicks(results.Sum(r => r.Helm.Elapsed.Ticks));
        var ourTime = TimeSpan.FromTicks(results.Sum(r => r.Ours.Elapsed.Ticks));
        Console.WriteLine();
        foreach (var id in stale)
            Console.WriteLine($"note: {id} passes now: remove it from known-differences.txt");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"helm-diff: {results.Count} cases: {same} same output, {sameError} same error, {accepted} known differences, {failing.Count} failing; helm ran twice for {helmTwice} (random values); helm {helmTime.TotalSeconds:0.0}s, ours {ourTime.TotalSeconds:0.0}s, wall {elapsed.TotalSeconds:0.0}s"));
        return failing.Count == 0 ? 0 : 1;
    }

    private static string Outcome(RenderResult r) => r.Ok ? "ok" : r.ExitCode == -1 ? "crash/timeout" : "error";

    private static string Describe(CaseVerdict v) => v switch
    {
        CaseVerdict.Same => "same",
        CaseVerdict.SameError => "same error",
        CaseVerdict.Different => "DIFFERENT",
        CaseVerdict.OursFails => "OURS FAILS",
        CaseVerdict.HelmFails => "HELM FAILS, OURS RENDERS",
        CaseVerdict.ErrorDiffers => "ERROR TEXT DIFFERS",
        _ => v.ToString(),
    };

    private static string Clip(string s, int width) => s.Length <= width ? s : "…" + s[^(width - 1)..];

    private static string Indent(string text)
    {
        var sb = new StringBuilder();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length && i < 20; i++)
            sb.Append(i == 0 ? string.Empty : "       ").Append(lines[i].Length > 300 ? lines[i][..300] + "…" : lines[i]).Append(i + 1 < lines.Length ? "\n" : string.Empty);
        return sb.ToString();
    }
}

using System.Diagnostics;
using System.Globalization;
using ManifestLint.Templates;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;

namespace ManifestLint.Benchmarks;

/// <summary>
/// Times hostile templates with the engine's default limits (those a chart render uses) and prints how each ends:
/// every one must stop with a clear error (or a finished result) well within a second.
/// </summary>
internal static class HostileBenchmark
{
    private static readonly (string Name, string Template)[] Cases =
    [
        ("infinite include recursion", "{{ define \"x\" }}{{ include \"x\" . }}{{ end }}{{ include \"x\" . }}"),
        ("infinite template recursion", "{{ define \"x\" }}{{ template \"x\" . }}{{ end }}{{ template \"x\" . }}"),
        ("tpl that includes itself", "{{ define \"t\" }}{{ tpl \"{{ include \\\"t\\\" . }}\" . }}{{ end }}{{ include \"t\" . }}"),
        ("range over until 100000000", "{{ range until 100000000 }}x{{ end }}"),
        ("len of until 100000000", "{{ until 100000000 | len }}"),
        ("range over 100000000", "{{ range 100000000 }}{{ end }}"),
        ("repeat 1000000000", "{{ repeat 1000000000 \"x\" }}"),
        ("output doubling", "{{ $s := \"xxxxxxxxxxxxxxxx\" }}{{ range until 40 }}{{ $s = print $s $s }}{{ end }}{{ $s | len }}"),
        ("list doubling", "{{ $l := list 1 }}{{ range until 40 }}{{ $l = concat $l $l }}{{ end }}{{ len $l }}"),
        ("toYaml of a shared-entry dict 2^40 wide", "{{ $d := dict }}{{ range until 40 }}{{ $d = dict \"a\" $d \"b\" $d }}{{ end }}{{ toYaml $d | len }}"),
        ("5,000 nested ifs", string.Concat(Enumerable.Repeat("{{ if true }}", 5000)) + "x" + string.Concat(Enumerable.Repeat("{{ end }}", 5000))),
        ("1,000 nested parentheses", "{{ " + new string('(', 1000) + "1" + new string(')', 1000) + " }}"),
        ("catastrophic regex (a+)+$", "{{ regexMatch \"(a+)+$\" \"" + new string('a', 5000) + "!\" }}"),
    ];

    public static int Run()
    {
        var options = new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] };
        var worst = TimeSpan.Zero;
        foreach (var (name, template) in Cases)
        {
            var clock = Stopwatch.StartNew();
            string outcome;
            try
            {
                var set = TemplateSet.Parse([("main", template)], options);
                var result = set.Execute("main", null, new ExecutionOptions { Timeout = TimeSpan.FromSeconds(30) });
                outcome = "finished: " + Shorten(result.Text);
            }
            catch (TemplateException ex)
            {
                outcome = ex.Kind + " error: " + Shorten(ex.Message);
            }

            clock.Stop();
            worst = clock.Elapsed > worst ? clock.Elapsed : worst;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMilliseconds,8:F0} ms  {name}: {outcome}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest: {worst.TotalMilliseconds:F0} ms"));
        return worst < TimeSpan.FromSeconds(1) ? 0 : 1;
    }

    private static string Shorten(string text) => text.Length <= 140 ? text : text[..140] + "…";
}

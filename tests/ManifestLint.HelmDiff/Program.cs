using System.Diagnostics;
using System.Globalization;
using ManifestLint.HelmDiff;

// The differential test: renders every chart of a corpus (and this repository's testdata/ charts) with real `helm template`
// and with `manifestlint render`, with default values and once per ci/*.yaml values file, and compares document by document.
// Exit 0 when every case matches (or is listed in known-differences.txt with a reason), 1 otherwise, 2 on a usage error.
const string Usage = """
    usage: ManifestLint.HelmDiff --helm PATH [options] | --self-test
      --helm PATH          the helm binary to compare against (required)
      --corpus DIR         chart corpus: one chart per subfolder [default: ../shared/charts-corpus beside the repository];
                           skipped with a message when absent
      --no-testdata        leave out this repository's testdata/ charts
      --no-ci              default values only (no ci/*.yaml values files)
      --chart NAME         only charts whose folder name contains NAME (repeatable)
      --ml-arg ARG         an extra argument for `manifestlint render` (repeatable), e.g. --ml-arg --helm-version=4
      --ml-exe PATH        run this manifestlint binary (e.g. a native AOT build) instead of rendering in-process
      --known FILE         known differences [default: tests/ManifestLint.HelmDiff/known-differences.txt]
      --jobs N             cases run at once [default: 2]
      --details N          print the first N differing documents of each failing case [default: 3]
      --self-test          check the comparison rules on made-up samples (no helm needed) and exit
    """;

string? helm = null;
string? corpus = null;
string? known = null;
string? ourExe = null;
var testdata = true;
var ciFiles = true;
var filters = new List<string>();
var mlArgs = new List<string>();
var jobs = 2;
var details = 3;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
    try
    {
        switch (args[i])
        {
            case "--helm": helm = Next(); break;
            case "--corpus": corpus = Next(); break;
            case "--known": known = Next(); break;
            case "--ml-exe": ourExe = Next(); break;
            case "--ml-arg": mlArgs.Add(Next()); break;
            case "--chart": filters.Add(Next()); break;
            case "--no-testdata": testdata = false; break;
            case "--no-ci": ciFiles = false; break;
            case "--jobs": jobs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--details": details = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "-h" or "--help": Console.WriteLine(Usage); return 0;
            case "--self-test": return SelfTest.Run();
            default: throw new ArgumentException("unknown argument " + args[i]);
        }
    }
    catch (Exception ex) when (ex is ArgumentException or FormatException)
    {
        Console.Error.WriteLine(ex.Message);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

if (helm is null || !File.Exists(helm))
{
    Console.Error.WriteLine(helm is null ? "--helm is required" : "helm binary not found: " + helm);
    Console.Error.WriteLine(Usage);
    return 2;
}

var root = FindRepositoryRoot();
corpus ??= Path.Combine(root, "..", "shared", "charts-corpus");
known ??= Path.Combine(root, "tests", "ManifestLint.HelmDiff", "known-differences.txt");
helm = Path.GetFullPath(helm);
if (ourExe is not null)
    ourExe = Path.GetFullPath(ourExe);

var charts = new List<string>();
if (Directory.Exists(corpus))
{
    charts.AddRange(Directory.GetDirectories(Path.GetFullPath(corpus)).Where(d => File.Exists(Path.Combine(d, "Chart.yaml"))).Order(StringComparer.Ordinal));
}
else
{
    Console.WriteLine($"skipped the corpus: {Path.GetFullPath(corpus)} not found (it is ../shared/charts-corpus beside the repository)");
}

if (testdata)
    charts.AddRange(TestdataCharts(Path.Combine(root, "testdata")));
if (filters.Count > 0)
    charts = [.. charts.Where(c => filters.Exists(f => Path.GetFileName(c).Contains(f, StringComparison.Ordinal)))];

var cases = new List<DiffCase>();
foreach (var chart in charts)
{
    var name = chart.StartsWith(root, StringComparison.Ordinal) ? Path.GetRelativePath(root, chart).Replace('\\', '/') : Path.GetFileName(chart);
    cases.Add(new DiffCase(name, chart, null));
    var ci = Path.Combine(chart, "ci");
    if (!ciFiles || !Directory.Exists(ci))
        continue;
    foreach (var f in Directory.GetFiles(ci).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        cases.Add(new DiffCase(name + ":ci/" + Path.GetFileName(f), chart, f));
}

var helmVersion = HelmVersion(helm);
Console.WriteLine($"helm {helmVersion} ({helm}) vs manifestlint render{(ourExe is null ? " (in-process)" : " (" + ourExe + ")")}{(mlArgs.Count > 0 ? " " + string.Join(' ', mlArgs) : string.Empty)}: {cases.Count} cases in {charts.Count} charts");
if (cases.Count == 0)
{
    Console.WriteLine("nothing to compare");
    return 0;
}

var knownDifferences = KnownDifferences.Load(known, helmVersion);
var work = Directory.CreateTempSubdirectory("helmdiff-");
var total = Stopwatch.StartNew();
try
{
    var renderers = new Renderers(helm, ourExe, mlArgs, work.FullName);
    var results = new CaseResult[cases.Count];
    await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, async (n, _) =>
    {
        results[n] = await CaseRunner.RunAsync(cases[n], renderers).ConfigureAwait(false);
    }).ConfigureAwait(false);

    return Report.Print(results, knownDifferences, details, total.Elapsed);
}
finally
{
    work.Delete(recursive: true);
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ManifestLint.sln")))
                return dir.FullName;
        }
    }

    return Environment.CurrentDirectory;
}

// Charts under testdata/, not counting subcharts (a chart inside another chart's charts/ folder).
static IEnumerable<string> TestdataCharts(string folder)
{
    if (!Directory.Exists(folder))
        return [];
    var all = Directory.GetFiles(folder, "Chart.yaml", SearchOption.AllDirectories).Select(f => Path.GetDirectoryName(f)!).Order(StringComparer.Ordinal).ToList();
    return all.Where(c => !all.Exists(p => p != c && c.StartsWith(p + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
}

static string HelmVersion(string helm)
{
    var start = new ProcessStartInfo(helm) { RedirectStandardOutput = true, UseShellExecute = false };
    start.ArgumentList.Add("version");
    start.ArgumentList.Add("--template");
    start.ArgumentList.Add("{{.Version}}");
    using var p = Process.Start(start)!;
    var v = p.StandardOutput.ReadToEnd().Trim();
    p.WaitForExit();
    return v;
}

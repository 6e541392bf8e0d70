using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;
using ManifestLint.Testing;
using Xunit.Abstractions;

namespace ManifestLint.Templates.Tests;

/// <summary>
/// Runs the conformance corpus (cases produced by Go's text/template with Sprig and Helm's functions) as a ratchet:
/// every case must behave as the corpus says unless it is listed in conformance-known-failures.txt, and a listed case
/// that passes fails the run too, so the list only shrinks. Set MANIFESTLINT_UPDATE_KNOWN_FAILURES=1 to rewrite the list.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private const string MissingCorpus = "<corpus missing>";
    private const string KnownFailuresFile = "conformance-known-failures.txt";
    private static readonly Lazy<Corpus> Loaded = new(Corpus.Load);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        var corpus = Loaded.Value;
        if (corpus.Cases.Count == 0)
        {
            data.Add(MissingCorpus);
            return data;
        }

        foreach (var c in corpus.Cases)
            data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case_behaves_as_the_reference_engine(string name)
    {
        var corpus = Loaded.Value;
        if (name == MissingCorpus)
        {
            output.WriteLine("conformance corpus not found: " + corpus.Missing);
            return;
        }

        var c = corpus.Cases.First(x => x.Name == name);
        var failure = ConformanceRunner.Run(c);
        var known = corpus.KnownFailures.Contains(name);
        if (known)
        {
            Assert.True(failure is not null, $"{name} passes now: remove it from {KnownFailuresFile}");
            return;
        }

        Assert.True(failure is null, $"{name}: {failure}");
    }

    [Fact]
    public void Summary_and_known_failures_are_consistent()
    {
        var corpus = Loaded.Value;
        if (corpus.Cases.Count == 0)
        {
            output.WriteLine("conformance corpus not found: " + corpus.Missing + " (set MANIFESTLINT_TEMPLATE_CASES to its folder)");
            return;
        }

        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(corpus.Cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c =>
        {
            var f = ConformanceRunner.Run(c);
            if (f is not null)
                failures[c.Name] = f;
        });

        var byCategory = corpus.Cases.GroupBy(c => c.Name.Split('/')[0], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var g in byCategory)
            output.WriteLine($"  {g.Key}: {g.Count(c => !failures.ContainsKey(c.Name))}/{g.Count()}");
        var passed = corpus.Cases.Count - failures.Count;
        output.WriteLine($"conformance: {passed} passed, {failures.Count} known failures");

        if (Environment.GetEnvironmentVariable("MANIFESTLINT_UPDATE_KNOWN_FAILURES") == "1")
        {
            var lines = failures.Keys.Order(StringComparer.Ordinal).ToList();
            File.WriteAllText(corpus.KnownFailuresPath, string.Join("\n", lines) + (lines.Count > 0 ? "\n" : string.Empty));
            output.WriteLine("rewrote " + corpus.KnownFailuresPath);
            return;
        }

        var unexpected = failures.Keys.Where(k => !corpus.KnownFailures.Contains(k)).Order(StringComparer.Ordinal).ToList();
        var fixedNow = corpus.KnownFailures.Where(k => corpus.Cases.Any(c => c.Name == k) && !failures.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var report = new StringBuilder();
        foreach (var u in unexpected.Take(30))
            report.Append("new failure ").Append(u).Append(": ").AppendLine(failures[u]);
        foreach (var f in fixedNow.Take(30))
            report.Append("passes now (remove from list): ").AppendLine(f);
        Assert.True(unexpected.Count == 0 && fixedNow.Count == 0, report.ToString());
    }

    internal sealed record ConformanceCase(
        string Name,
        string Entry,
        IReadOnlyDictionary<string, string> Templates,
        string Values,
        string? Output,
        byte[]? OutputBytes,
        string? Error);

    private sealed class Corpus
    {
        public List<ConformanceCase> Cases { get; } = [];

        public HashSet<string> KnownFailures { get; } = new(StringComparer.Ordinal);

        public string Missing { get; private set; } = string.Empty;

        public string KnownFailuresPath { get; private set; } = string.Empty;

        public static Corpus Load()
        {
            var corpus = new Corpus();
            var folder = Environment.GetEnvironmentVariable("MANIFESTLINT_TEMPLATE_CASES");
            if (string.IsNullOrEmpty(folder))
                folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "conformance", "templates"));
            var file = Path.Combine(folder, "cases.jsonl");
            corpus.KnownFailuresPath = Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Templates.Tests", KnownFailuresFile);
            if (!File.Exists(file))
            {
                corpus.Missing = file;
                return corpus;
            }

            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var templates = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var p in root.GetProperty("templates").EnumerateObject())
                    templates[p.Name] = p.Value.GetString() ?? string.Empty;
                corpus.Cases.Add(new ConformanceCase(
                    root.GetProperty("name").GetString()!,
                    root.TryGetProperty("entry", out var e) ? e.GetString()! : "main",
                    templates,
                    root.TryGetProperty("values", out var v) ? v.GetString() ?? string.Empty : string.Empty,
                    root.TryGetProperty("output", out var o) ? o.GetString() : null,
                    root.TryGetProperty("output_base64", out var b) ? Convert.FromBase64String(b.GetString()!) : null,
                    root.TryGetProperty("error", out var err) ? err.GetString() : null));
            }

            if (File.Exists(corpus.KnownFailuresPath))
            {
                foreach (var l in File.ReadAllLines(corpus.KnownFailuresPath))
                {
                    var t = l.Trim();
                    if (t.Length > 0 && !t.StartsWith('#'))
                        corpus.KnownFailures.Add(t);
                }
            }

            return corpus;
        }
    }

    /// <summary>Renders one case the way the corpus README describes; returns null when it matches, else what differed.</summary>
    internal static class ConformanceRunner
    {
        public static string? Run(ConformanceCase c)
        {
            try
            {
                var task = Task.Run(() => Render(c));
                if (!task.Wait(TimeSpan.FromSeconds(20)))
                    return "timed out";
                var (text, error) = task.Result;
                if (c.Error is not null)
                {
                    if (error is null)
                        return $"expected error {Show(c.Error)}, got output {Show(text ?? string.Empty)}";
                    return error == c.Error ? null : $"expected error {Show(c.Error)}, got error {Show(error)}";
                }

                if (error is not null)
                    return $"expected output {Show(c.Output ?? string.Empty)}, got error {Show(error)}";
                if (c.OutputBytes is not null)
                    return Functions.Sprig.SprigExtraGoBytes.ToBytes(text!).AsSpan().SequenceEqual(c.OutputBytes) ? null : "output bytes differ";
                return text == c.Output ? null : $"expected {Show(c.Output ?? string.Empty)}, got {Show(text!)}";
            }
            catch (Exception ex)
            {
                return "crashed: " + ex.GetBaseException().GetType().Name + ": " + ex.GetBaseException().Message;
            }
        }

        private static string Show(string s) => JsonSerializer.Serialize(s.Length > 300 ? s[..300] + "…" : s);

        private static (string? Text, string? Error) Render(ConformanceCase c)
        {
            var options = new TemplateOptions
            {
                FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()],
            };
            TemplateSet set;
            try
            {
                set = TemplateSet.Parse(c.Templates.Select(kv => (kv.Key, kv.Value)), options);
            }
            catch (TemplateException ex)
            {
                return (null, ex.Message);
            }

            var data = new GoMap(GoMap.ValuesType);
            data["Values"] = GoYaml.ParseValues(c.Values, "values.yaml");
            var release = new GoMap();
            release["Name"] = "rel";
            release["Namespace"] = "ns";
            release["Service"] = "Helm";
            release["IsInstall"] = true;
            release["IsUpgrade"] = false;
            release["Revision"] = 1L;
            data["Release"] = release;
            data["Chart"] = new ChartMetadata { Name = "demo", Version = "1.2.3", AppVersion = "4.5.6" };
            var template = new GoMap(GoMap.ValuesType);
            template["Name"] = c.Entry;
            template["BasePath"] = "demo/templates";
            data["Template"] = template;
            try
            {
                var result = set.Execute(c.Entry, data, new ExecutionOptions { Timeout = TimeSpan.FromSeconds(10) });
                return (result.WithoutNoValue().Text, null);
            }
            catch (TemplateException ex)
            {
                return (null, ex.Message);
            }
        }
    }
}

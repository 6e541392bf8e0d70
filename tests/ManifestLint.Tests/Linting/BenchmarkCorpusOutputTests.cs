using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ManifestLint.Benchmarks;
using ManifestLint.Cli;
using ManifestLint.Linting;
using ManifestLint.Reporting.Sarif;

namespace ManifestLint.Tests.Linting;

/// <summary>
/// The performance work of issue #14 (YAML loading, the node model, parallel stages, the streamed SARIF writer) must not
/// change a byte of output: the SARIF of the 10,000-resource benchmark corpus is compared with the log written before
/// it, and the output is the same whatever the number of threads.
/// </summary>
public sealed class BenchmarkCorpusOutputTests : IDisposable
{
    /// <summary>
    /// Pinned SHA-256 of the benchmark corpus's SARIF. The #14 performance work was proven byte-identical against the SARIF that
    /// manifestlint 0.1.0 at commit 2370355 (before #14) wrote; the hash was re-pinned when the schema, reliability and
    /// admission rules and the kustomize-build id joined the catalogue, and again for cronjob-concurrency-allow,
    /// cronjob-history-limit-large and service-target-port-invalid-name (rule metadata only: the corpus gets no finding from
    /// them; it has no CronJob and its only targetPort name, <c>http</c>, is valid). It was the SARIF written for <c>lint c10000 --format sarif</c>
    /// run in the folder holding the corpus (10,000 resources in 200 files from <see cref="ManifestCorpus"/>), with that
    /// folder's URI in <c>originalUriBaseIds</c> replaced by <c>file:///ROOT/</c>. The log is 11.5 MB with 10,000 results.
    /// </summary>
    private const string PreChangeSarifSha256 = "3b393fd92e5793db4f3ed685da7988e83044f86f47497566ffd15a0938791258";

    private readonly string _root = Directory.CreateTempSubdirectory("manifestlint-bench-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Corpus_generator_is_deterministic()
    {
        ManifestCorpus.Write(1000, Path.Combine(_root, "a"), fileCount: null);
        ManifestCorpus.Write(1000, Path.Combine(_root, "b"), fileCount: null);
        var a = Directory.GetFiles(Path.Combine(_root, "a")).Order(StringComparer.Ordinal).ToArray();
        var b = Directory.GetFiles(Path.Combine(_root, "b")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(a.Select(Path.GetFileName), b.Select(Path.GetFileName));
        for (var i = 0; i < a.Length; i++)
            Assert.True(File.ReadAllBytes(a[i]).AsSpan().SequenceEqual(File.ReadAllBytes(b[i])), $"{a[i]} differs between two runs of the generator");
    }

    [Fact]
    public void Sarif_of_the_10k_benchmark_corpus_is_byte_identical_to_the_output_before_the_performance_work()
    {
        ManifestCorpus.Write(10_000, Path.Combine(_root, "c10000"), fileCount: null);
        var run = CliRun.Invoke(["lint", "c10000", "--format", "sarif", "--output", "out.sarif", "--fail-on", "none", "--quiet"], _root);
        Assert.True(run.ExitCode == 0, run.ToString());

        var bytes = File.ReadAllBytes(Path.Combine(_root, "out.sarif"));
        var rootUri = Encoding.UTF8.GetBytes(new Uri(_root.TrimEnd('/') + "/").AbsoluteUri);
        var normalised = Replace(bytes, rootUri, "file:///ROOT/"u8.ToArray());
        var actual = Convert.ToHexStringLower(SHA256.HashData(normalised));
        Assert.True(
            actual == PreChangeSarifSha256,
            $"The SARIF of the benchmark corpus changed: SHA-256 {actual}. If a rule change made it change on purpose (new rules in the catalogue, "
            + "new findings), check the difference and pin the new hash; a performance change must never change it.");
    }

    [Fact]
    public void Output_is_the_same_at_every_degree_of_parallelism()
    {
        ManifestCorpus.Write(2_000, Path.Combine(_root, "corpus"), fileCount: 7);
        var outputs = new[] { 1, 2, 3, 8 }.Select(threads => Sarif(threads)).ToList();
        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
        Assert.Contains("\"ruleId\": \"privileged-container\"", outputs[0], StringComparison.Ordinal);
    }

    private string Sarif(int threads)
    {
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, _root, ImmutableDictionary<string, string>.Empty, OutputIsTerminal: false);
        var invocation = new LintInvocation(
            Paths: ["corpus"], Format: OutputFormat.Sarif, OutputPath: null, FailOn: null, Namespace: null, ConfigPath: null,
            Include: [], Exclude: [], Enable: [], Disable: [], Quiet: true, Complete: false,
            NoColor: true, ShowSuppressed: false, SarifCategory: null);
        var setup = LintSetup.Resolve(invocation, environment, RuleCatalog.BuiltIn);
        var report = LintPipeline.Run(setup.Request with { MaxParallelism = threads }, _root, progress: null, CancellationToken.None);
        using var output = new StringWriter { NewLine = "\n" };
        new SarifReporter().Write(report, output);
        return output.ToString();
    }

    private static byte[] Replace(byte[] bytes, byte[] find, byte[] replacement)
    {
        var at = bytes.AsSpan().IndexOf(find);
        Assert.True(at >= 0, "the SARIF does not name the corpus folder as %SRCROOT%");
        return [.. bytes.AsSpan(0, at), .. replacement, .. bytes.AsSpan(at + find.Length)];
    }
}

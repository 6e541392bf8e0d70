using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Policy;
using ManifestLint.Core.Reports;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Discovery;
using ManifestLint.Helm;

namespace ManifestLint.Linting;

/// <summary>
/// Composes the layers for one run: discovery → parse (files in parallel) → resources → graph → rules →
/// policy → report. Each stage consumes only the previous stage's output.
/// </summary>
public static partial class LintPipeline
{
    /// <summary>Files larger than this are reported, not read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static LintReport Run(LintRequest request, CancellationToken cancellationToken) =>
        Run(request, Environment.CurrentDirectory, progress: null, cancellationToken);

    public static LintReport Run(LintRequest request, string workingDirectory, IProgress<LintProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var discovery = FileDiscovery.Find(
            new DiscoveryRequest(request.Paths, workingDirectory, request.RepositoryRoot, request.Include, request.Exclude),
            cancellationToken);

        var kustomize = BuildKustomizations(discovery.Kustomizations, request, cancellationToken);
        var parsed = ParseAll([.. discovery.Files.Where(f => !kustomize.Consumed.Contains(f.Path))], request, progress, cancellationToken)
            .AddRange(RenderCharts([.. discovery.Charts.Where(c => !kustomize.Consumed.Contains(c.Path + "/Chart.yaml"))], request, cancellationToken))
            .AddRange(kustomize.Parsed);
        var crds = LoadCrds(request.Crds, request.RepositoryRoot, cancellationToken);
        parsed = parsed.Add(crds);
        var graphOptions = new GraphOptions(request.Complete)
        {
            AssumedPodSecurityLevel = request.PodSecurityLevel,
            KubeVersion = request.Helm.KubeVersion,
            PodTemplatePaths = request.PodTemplatePaths,
            Crds = [.. parsed.SelectMany(p => p.Crds)],
        };
        var graph = BuildGraph([.. parsed.SelectMany(p => p.Resources)], graphOptions, out var graphProblems);
        parsed = parsed.Add(new ParsedFile(null, [], graphProblems, 0, 0));

        var ruleFindings = NameOverlays(RuleRunner.Run(graph, request.Rules, request.MaxParallelism, cancellationToken));
        var admission = AdmissionStage.Run(request, graph, parsed, cancellationToken);
        parsed = parsed.AddRange(admission.PolicyFiles);
        ruleFindings = ruleFindings.AddRange(admission.Findings);
        var all = discovery.Problems.Concat(parsed.SelectMany(p => p.Problems)).Concat(ruleFindings).ToImmutableArray();
        var findings = SuppressionPolicy.Apply(all, request.SeverityOverrides, graph.Resources, Cli.RuleCatalog.BuiltIn.AllIds, Cli.RuleCatalog.BuiltIn.PeerChecks);
        if (!request.ReportOnly.IsDefaultOrEmpty)
            findings = [.. findings.Where(ReportOnlyFilter(request.ReportOnly, discovery.Charts))];

        var sources = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var p in parsed)
        {
            if (p.Source is not null)
                sources[p.Source.Path] = p.Source;
        }

        if (request.KeepSources)
            LoadReferencedSources(findings, request.RepositoryRoot, sources);

        var rules = request.Rules.Select(r => r.Rule.Info).Concat(Cli.RuleCatalog.BuiltIn.Reserved.Where(r => admission.Ran || r.Id != AdmissionProblems.AdmissionPolicy.Id))
            .DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToImmutableArray();
        var stats = new LintStatistics(
            Files: discovery.Files.Length,
            Charts: discovery.Charts.Length,
            Documents: parsed.Sum(p => p.Documents),
            Resources: graph.Resources.Length,
            SkippedDocuments: parsed.Sum(p => p.Skipped),
            Elapsed: clock.Elapsed);
        return new LintReport(findings, rules, sources, stats, ToolVersion, Path.GetFullPath(request.RepositoryRoot))
        {
            SeverityOverrides = request.SeverityOverrides,
        };
    }

    /// <summary>Findings in charts point at templates and values files, which were not read as manifests; load them for code frames.</summary>
    private static void LoadReferencedSources(ImmutableArray<Finding> findings, string repositoryRoot, Dictionary<string, SourceFile> sources)
    {
        var paths = findings.Select(f => f.Span.Path).Concat(findings.SelectMany(f => f.Related.Select(r => r.Span.Path)));
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            if (sources.ContainsKey(path))
                continue;
            var full = Path.Combine(repositoryRoot, path);
            try
            {
                if (File.Exists(full) && new FileInfo(full).Length <= MaxFileBytes)
                    sources[path] = new SourceFile(path, File.ReadAllText(full));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A missing code frame is not worth failing the run for.
            }
        }
    }

    /// <summary>
    /// Which findings a partial report keeps: those located in the given files, and every finding of a chart
    /// when any file of that chart is given (a changed value or helper can move findings in any template).
    /// </summary>
    internal static Func<Finding, bool> ReportOnlyFilter(ImmutableArray<string> files, ImmutableArray<ChartInput> charts)
    {
        var only = files.ToHashSet(StringComparer.Ordinal);
        var chartRoots = charts
            .Where(c => files.Any(f => f.StartsWith(c.Path + "/", StringComparison.Ordinal)))
            .Select(c => c.Path + "/")
            .ToArray();
        return f => only.Contains(f.Span.Path) || chartRoots.Any(root => f.Span.Path.StartsWith(root, StringComparison.Ordinal));
    }

    /// <summary>The product version (the assembly's informational version without build metadata).</summary>
    public static string ToolVersion { get; } =
        (typeof(LintPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    private static ImmutableArray<ParsedFile> ParseAll(ImmutableArray<ManifestInput> files, LintRequest request, IProgress<LintProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new ParsedFile[files.Length];
        var done = 0;
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = request.MaxParallelism }, i =>
        {
            results[i] = Isolated(files[i].Path, "reading this file", () => ParseFile(files[i], request.Namespace, cancellationToken), cancellationToken);
            if (!request.KeepSources)
                results[i] = results[i] with { Source = null };
            var n = Interlocked.Increment(ref done);
            progress?.Report(new LintProgress(n, files.Length));
        });
        return [.. results];
    }

    /// <summary>
    /// Renders each chart as <c>helm template</c> would and reads its manifests through the chart's source map,
    /// so every node carries its template (and values) position. Library charts are not installable and are
    /// linted through the charts that use them. A chart that fails keeps its other templates.
    /// </summary>
    private static ImmutableArray<ParsedFile> RenderCharts(ImmutableArray<ChartInput> charts, LintRequest request, CancellationToken cancellationToken)
    {
        var results = new ParsedFile[charts.Length];
        Parallel.For(0, charts.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = request.MaxParallelism }, i =>
            results[i] = Isolated(charts[i].Path + "/Chart.yaml", "rendering this chart", () => RenderChart(charts[i], request, cancellationToken), cancellationToken));
        return [.. results];
    }

    private static ParsedFile RenderChart(ChartInput chart, LintRequest request, CancellationToken cancellationToken)
    {
        var options = request.ChartOverrides.TryGetValue(chart.Path, out var configured)
            ? configured
            : request.Helm with { Namespace = request.Namespace };
        var scenarios = request.ChartValuesScenarios ? ScenarioFiles(chart) : [];
        if (scenarios.IsEmpty)
            return RenderScenario(chart, options, scenario: null, request, cancellationToken);

        // chart-testing's convention: each ci/*-values.yaml is one install of the chart, linted on its own.
        var parts = scenarios.Select(s => Isolated(s.Path, "rendering the chart with this values file", () => RenderScenario(
            chart,
            options with { ValuesFiles = options.ValuesFiles.Add(new ValuesFile(s.Path, s.Text)) },
            s.Path,
            request,
            cancellationToken), cancellationToken)).ToList();
        return new ParsedFile(null, [.. parts.SelectMany(p => p.Resources)], [.. parts.SelectMany(p => p.Problems)], parts.Sum(p => p.Documents), parts.Sum(p => p.Skipped))
        {
            Crds = [.. parts.SelectMany(p => p.Crds)],
        };
    }

    private static ImmutableArray<(string Path, string Text)> ScenarioFiles(ChartInput chart)
    {
        var ci = Path.Combine(chart.FullPath, "ci");
        if (!Directory.Exists(ci))
            return [];
        return [.. Directory.GetFiles(ci, "*-values.yaml").Order(StringComparer.Ordinal)
            .Select(f => (chart.Path + "/ci/" + Path.GetFileName(f), File.ReadAllText(f)))];
    }

    private static ParsedFile RenderScenario(ChartInput chart, RenderOptions options, string? scenario, LintRequest request, CancellationToken cancellationToken)
    {
        var render = HelmRenderer.Render(new ChartSource(chart.FullPath, chart.Path), options, cancellationToken);
        if (render.Chart is { IsLibrary: true })
            return new ParsedFile(null, [], [], 0, 0);
        var problems = ImmutableArray.CreateBuilder<Finding>();
        foreach (var p in render.Problems)
        {
            var rule = p.Kind == RenderProblemKind.Chart ? InputProblems.HelmChartInvalid : InputProblems.HelmRender;
            // A problem with the chart as a whole (no file named, or the chart's folder) is located at its Chart.yaml.
            var path = p.Path is null || p.Path == chart.Path ? (chart.Path.Length == 0 ? "Chart.yaml" : chart.Path + "/Chart.yaml") : p.Path;
            var message = p.Kind == RenderProblemKind.Template ? RenderAdvice.Append(Abbreviate(p.Message), p, render.TemplatePaths, chart) : p.Message;
            problems.Add(new Finding(rule.Id, rule.Severity, message, SourceSpan.At(path, Math.Max(1, p.Line), Math.Max(1, p.Column)), null, null, []) { Scenario = scenario });
        }

        var resources = ImmutableArray.CreateBuilder<Resource>();
        var documents = 0;
        var skipped = 0;
        foreach (var manifest in render.Manifests.Concat(render.Hooks))
        {
            cancellationToken.ThrowIfCancellationRequested();
            YamlLoadResult load;
            try
            {
                var map = render.SourceMapFor(manifest);
                load = YamlLoader.Load(new SourceFile(manifest.Name, manifest.Content), map, options: null, cancellationToken);
            }
            catch (Exception e) when (IsUnexpected(e, cancellationToken))
            {
                problems.Add(InputProblems.InternalErrorAt(SourceSpan.At(manifest.Name, 1, 1), "reading the output of this template", e) with { Scenario = scenario });
                continue;
            }

            problems.AddRange(scenario is null ? load.Problems : load.Problems.Select(f => f with { Scenario = scenario }));
            foreach (var doc in load.Documents)
            {
                documents++;
                var path = doc.Root?.Span.Path ?? manifest.Name;
                resources.AddRange(ReadResources(doc, request.Namespace, new ResourceOrigin(path, doc.Index, chart.Path, scenario), problems, ref skipped, cancellationToken));
            }
        }

        return new ParsedFile(null, resources.ToImmutable(), problems.ToImmutable(), documents, skipped)
        {
            Crds = [.. render.Crds.SelectMany(c => CrdDocuments(new SourceFile(c.Item1, c.Item3), cancellationToken))],
        };
    }

    /// <summary>The root mappings of a CRD file's documents (syntax errors leave a document out; the file is not linted).</summary>
    private static IEnumerable<YamlMapping> CrdDocuments(SourceFile file, CancellationToken cancellationToken)
    {
        YamlLoadResult load;
        try
        {
            load = YamlLoader.Load(file, map: null, options: null, cancellationToken);
        }
        catch (Exception e) when (IsUnexpected(e, cancellationToken))
        {
            return [];
        }

        return load.Documents.Select(d => d.Root).OfType<YamlMapping>();
    }

    /// <summary>
    /// <c>--crd</c> and <c>crds:</c> files (or every YAML file of a folder): CustomResourceDefinitions that validate custom
    /// resources. A file that cannot be read or parsed is reported like any input.
    /// </summary>
    private static ParsedFile LoadCrds(ImmutableArray<string> paths, string repositoryRoot, CancellationToken cancellationToken)
    {
        var crds = ImmutableArray.CreateBuilder<YamlMapping>();
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var files = paths.SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [p]);
        foreach (var full in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.GetRelativePath(repositoryRoot, full).Replace('\\', '/');
            string text;
            try
            {
                text = File.ReadAllText(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.AddRange(ParsedFile.Failed(path, $"CRD file cannot be read: {e.Message}").Problems);
                continue;
            }

            var load = YamlLoader.Load(new SourceFile(path, text), map: null, options: null, cancellationToken);
            problems.AddRange(load.Problems);
            crds.AddRange(load.Documents.Select(d => d.Root).OfType<YamlMapping>());
        }

        return new ParsedFile(null, [], problems.ToImmutable(), 0, 0) { Crds = crds.ToImmutable() };
    }

    /// <summary>
    /// Helm wraps an error once per template call it passes through, so endless recursion makes a message of
    /// hundreds of kilobytes. A finding keeps the outermost call and the cause, and says how much is left out;
    /// <c>manifestlint render</c> still prints Helm's full text.
    /// </summary>
    internal static string Abbreviate(string message)
    {
        const int Keep = 500;
        if (message.Length <= 8 * Keep)
            return message;
        var head = message[..Keep];
        var tail = message[^Keep..];
        if (char.IsHighSurrogate(head[^1]))
            head = head[..^1];
        if (char.IsLowSurrogate(tail[0]))
            tail = tail[1..];
        var omitted = message.Length - head.Length - tail.Length;
        return head + " … (" + omitted.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters of nested calls left out) … " + tail;
    }

    internal static ParsedFile ParseFile(ManifestInput input, string defaultNamespace, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            var info = new FileInfo(input.FullPath);
            if (info.Length > MaxFileBytes)
                return ParsedFile.Failed(input.Path, $"File is {info.Length / (1024 * 1024)} MiB, over the {MaxFileBytes / (1024 * 1024)} MiB limit; it was not read");
            text = StrictUtf8.GetString(File.ReadAllBytes(input.FullPath));
        }
        catch (DecoderFallbackException)
        {
            return ParsedFile.Failed(input.Path, "File is not valid UTF-8 text; it was not read");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParsedFile.Failed(input.Path, $"File could not be read: {e.Message}");
        }

        var source = new SourceFile(input.Path, text);
        var load = YamlLoader.Load(source, map: null, options: null, cancellationToken);
        var resources = ImmutableArray.CreateBuilder<Resource>();
        var skipped = 0;
        var problems = load.Problems.ToBuilder();
        foreach (var doc in load.Documents)
            resources.AddRange(ReadResources(doc, defaultNamespace, new ResourceOrigin(input.Path, doc.Index), problems, ref skipped, cancellationToken));

        return new ParsedFile(source, resources.ToImmutable(), problems.ToImmutable(), load.Documents.Length, skipped);
    }

    /// <summary>The resources of one document; a document they cannot be read from is an <c>internal-error</c> finding at its first line.</summary>
    private static ImmutableArray<Resource> ReadResources(YamlDocument doc, string defaultNamespace, ResourceOrigin origin, ImmutableArray<Finding>.Builder problems, ref int skipped, CancellationToken cancellationToken)
    {
        try
        {
            var resources = ResourceReader.Read(doc, defaultNamespace, origin, out var s);
            skipped += s;
            return resources;
        }
        catch (Exception e) when (IsUnexpected(e, cancellationToken))
        {
            var span = doc.Root?.Span is { } root ? SourceSpan.At(root.Path, root.StartLine, root.StartColumn) : SourceSpan.At(origin.Path, Math.Max(1, doc.StartLine), 1);
            problems.Add(InputProblems.InternalErrorAt(span, "reading the resources of this document", e) with { Scenario = origin.Scenario });
            return [];
        }
    }

    /// <summary>
    /// Runs the work of one input (a file, a chart, a scenario): a read failure becomes an <c>input-unreadable</c>
    /// finding and any other exception an <c>internal-error</c> one, located at the input, so one bad input never ends the run. Cancellation still ends it.
    /// </summary>
    private static ParsedFile Isolated(string path, string what, Func<ParsedFile> work, CancellationToken cancellationToken)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParsedFile.Failed(path, $"Input could not be read while {what}: {e.Message}");
        }
        catch (Exception e) when (IsUnexpected(e, cancellationToken))
        {
            return new ParsedFile(null, [], [InputProblems.InternalErrorAt(SourceSpan.At(path, 1, 1), what, e)], 0, 0);
        }
    }

    private static bool IsUnexpected(Exception e, CancellationToken cancellationToken) =>
        e is not OutOfMemoryException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>
    /// Indexes the resources. Should one of them break indexing, each is tried alone and those that fail are left
    /// out, each with an <c>internal-error</c> finding, so the others are still checked.
    /// </summary>
    private static ResourceGraph BuildGraph(ImmutableArray<Resource> resources, GraphOptions options, out ImmutableArray<Finding> problems)
    {
        problems = [];
        try
        {
            return ResourceGraph.Build(resources, options);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            var kept = ImmutableArray.CreateBuilder<Resource>();
            var failed = ImmutableArray.CreateBuilder<Finding>();
            foreach (var r in resources)
            {
                try
                {
                    _ = ResourceGraph.Build([r], options);
                    kept.Add(r);
                }
                catch (Exception one) when (one is not OutOfMemoryException and not OperationCanceledException)
                {
                    failed.Add(InputProblems.InternalErrorAt(r.AnchorNode.Span, $"indexing {r.Key}; it was left out of every rule", one, r) with { Scenario = r.Origin.Scenario });
                }
            }

            problems = failed.ToImmutable();
            if (problems.IsEmpty)
                throw new InvalidOperationException("Indexing the resources failed, though each resource indexes on its own", e);
            return ResourceGraph.Build(kept, options);
        }
    }

    internal sealed record ParsedFile(SourceFile? Source, ImmutableArray<Resource> Resources, ImmutableArray<Finding> Problems, int Documents, int Skipped)
    {
        /// <summary>CustomResourceDefinitions that validate custom resources without being linted (a chart's crds/, --crd).</summary>
        public ImmutableArray<YamlMapping> Crds { get; init; } = [];

        public static ParsedFile Failed(string path, string message) =>
            new(null, [], [new Finding(InputProblems.InputUnreadable.Id, InputProblems.InputUnreadable.Severity, message, SourceSpan.At(path, 1, 1), null, null, [])], 0, 0);
    }
}

using System.Collections.Immutable;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using ManifestLint.Cli;
using ManifestLint.Configuration;
using ManifestLint.Core.Model;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Helm;
using ManifestLint.Linting;
using ManifestLint.Reporting;
using ManifestLint.Reporting.GitHub;
using ManifestLint.Reporting.Json;
using ManifestLint.Reporting.Sarif;
using ManifestLint.Reporting.Text;
using ManifestLint.Templates;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;

namespace ManifestLint.Fuzz;

/// <summary>
/// One fuzz target: feeds an input to one component and returns normally when the component either succeeded or
/// rejected the input with one of its documented input errors. Any other exception escapes and is a crash.
/// </summary>
internal sealed record FuzzTarget(string Name, string Description, Action<byte[]> Run);

internal static class Targets
{
    public static readonly ImmutableArray<FuzzTarget> All =
    [
        new("yaml", "YAML loader: bytes → documents with positions, then resources (never throws on bad input)", Yaml),
        new("yaml-block", "YAML block reader against YamlDotNet: wherever the fast reader accepts a text, its documents, nodes, spans and comments must equal YamlDotNet's (a difference is a crash)", YamlBlock),
        new("template", "template lexer/parser/executor with Sprig+Helm functions: main NUL values.yaml [NUL helpers NUL sub/template]", Template),
        new("values", "values: chart NUL user NUL subchart values, NUL import-values YAML, NUL --set lines (--set, --set-string, --set-json by turn)", Values),
        new("chart", "chart loader: first byte 'z' = raw .tgz bytes; else Chart.yaml NUL values.yaml NUL template NUL .helmignore packed as .tgz (odd first byte) or written to a folder (even)", Chart),
        new("config", ".manifestlint.yaml reader", Config),
        new("lint", "whole lint of a temporary folder: first byte picks the layout and report format, then 1-3 files split at NUL", Lint),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    // ---- 1. YAML loader ---------------------------------------------------------------------------------------

    /// <summary>Documented: problems are findings; no exception for any input.</summary>
    private static void Yaml(byte[] input)
    {
        var file = new SourceFile("fuzz.yaml", FuzzInput.Text(input));
        var result = YamlLoader.Load(file, options: new YamlLoadOptions(MaxAliasExpansion: 10_000, MaxDepth: 200, MaxNodes: 200_000));
        foreach (var document in result.Documents)
        {
            _ = ResourceReader.Read(document, "default", new ResourceOrigin(file.Path, document.Index), out _);
        }

        foreach (var problem in result.Problems)
            _ = file.GetLine(problem.Span.StartLine);
    }

    /// <summary>Differential: the block reader either gives up or gives exactly what the YamlDotNet path gives.</summary>
    private static void YamlBlock(byte[] input)
    {
        var file = new SourceFile("fuzz.yaml", FuzzInput.Text(input));
        var options = new YamlLoadOptions(MaxAliasExpansion: 10_000, MaxDepth: 200, MaxNodes: 200_000);
        var chunks = YamlLoader.SplitDocuments(file.Text).ToList();
        if (YamlLoader.TryLoadBlock(file, map: null, options, chunks, new StringPool(), CancellationToken.None) is not { } block)
            return;
        var reference = YamlLoader.LoadWithParser(file, map: null, options, chunks, new StringPool(), CancellationToken.None);
        var expected = YamlLoadResultText.Describe(reference);
        var actual = YamlLoadResultText.Describe(block);
        if (expected != actual)
            throw new InvalidOperationException("block reader differs from YamlDotNet:\n--- YamlDotNet\n" + expected + "\n--- block reader\n" + actual);
    }

    // ---- 2. Template engine -----------------------------------------------------------------------------------

    // Lazy: product code must not run before SharpFuzz has set up the coverage map (instrumented code would write
    // through a null pointer), so nothing here is built in a static initializer.
    private static readonly Lazy<TemplateOptions> TemplateSetOptions = new(() => new TemplateOptions
    {
        FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()],
    });

    /// <summary>Small limits: a hostile template must end with a <see cref="TemplateException"/> of kind Limit, quickly.</summary>
    private static readonly Lazy<ExecutionOptions> SmallLimits = new(() => new ExecutionOptions
    {
        MaxTemplateDepth = 100,
        MaxOutputLength = 1 << 20,
        MaxStringLength = 1 << 18,
        MaxListLength = 10_000,
        MaxSteps = 200_000,
        Timeout = TimeSpan.FromSeconds(2),
        Now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
    });

    /// <summary>Documented: <see cref="TemplateException"/> (parse, execution, limit); <see cref="GoYamlException"/> for the values text.</summary>
    private static void Template(byte[] input)
    {
        var parts = FuzzInput.Split(input, 4);
        GoMap values;
        try
        {
            values = GoYaml.ParseValues(parts.Count > 1 ? parts[1] : string.Empty, "values.yaml");
        }
        catch (GoYamlException)
        {
            values = new GoMap(GoMap.ValuesType);
        }

        var texts = new List<(string Name, string Text)> { ("demo/templates/main.yaml", parts[0]) };
        if (parts.Count > 2)
            texts.Add(("demo/templates/_helpers.tpl", parts[2]));
        if (parts.Count > 3)
            texts.Add(("demo/charts/sub/templates/x.yaml", parts[3]));
        try
        {
            var set = TemplateSet.Parse(texts, TemplateSetOptions.Value);
            var result = set.Execute("demo/templates/main.yaml", DataObject(values), SmallLimits.Value);
            _ = result.WithoutNoValue().Text;
        }
        catch (TemplateException)
        {
        }
    }

    private static GoMap DataObject(GoMap values)
    {
        var data = new GoMap(GoMap.ValuesType);
        data["Values"] = values;
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
        template["Name"] = "demo/templates/main.yaml";
        template["BasePath"] = "demo/templates";
        data["Template"] = template;
        return data;
    }

    // ---- 3. Values: coalescer and --set ---------------------------------------------------------------------

    /// <summary>
    /// Mirrors how a render composes values: values files merged, then <c>--set-json</c>/<c>--set</c>/<c>--set-string</c>
    /// applied, dependencies enabled by condition/tags with import-values, then coalesced over the chart defaults.
    /// Documented: <see cref="GoYamlException"/> (a values text), <see cref="FormatException"/> (a --set line),
    /// <see cref="ChartLoadException"/> (dependency processing).
    /// </summary>
    private static void Values(byte[] input)
    {
        var parts = FuzzInput.Split(input, 8);
        string Part(int i) => i < parts.Count ? parts[i] : string.Empty;

        var chartValues = ParseValuesOrEmpty(Part(0), "values.yaml");
        var subValues = ParseValuesOrEmpty(Part(2), "charts/sub/values.yaml");
        ImmutableArray<object?> imports = [];
        try
        {
            if (GoYaml.Parse(Part(3)) is GoList list)
                imports = [.. list];
        }
        catch (GoYamlException)
        {
        }

        var sub = new HelmChart
        {
            Metadata = new ChartMetadata { Name = "sub", Version = "1.0.0", ApiVersion = "v2" },
            Values = subValues,
            SourcePath = "demo/charts/sub",
        };
        var chart = new HelmChart
        {
            Metadata = new ChartMetadata { Name = "demo", Version = "1.0.0", ApiVersion = "v2" },
            Values = chartValues,
            Dependencies = [new ChartDependency("sub", "1.0.0", string.Empty, "sub.enabled,global.sub", ["backend"], string.Empty, imports)],
            Subcharts = [sub],
            SourcePath = "demo",
        };

        var user = new GoMap(GoMap.ValuesType);
        user = ValuesCoalescer.MergeMaps(user, ParseValuesOrEmpty(Part(1), "user.yaml"));
        for (var i = 4; i < parts.Count; i++)
        {
            try
            {
                switch (i % 3)
                {
                    case 0:
                        SetValuesParser.ParseJsonInto(parts[i], user);
                        break;
                    case 1:
                        SetValuesParser.ParseInto(parts[i], user, stringsOnly: false);
                        break;
                    default:
                        SetValuesParser.ParseInto(parts[i], user, stringsOnly: true);
                        break;
                }
            }
            catch (FormatException)
            {
            }
        }

        try
        {
            var processed = DependencyProcessor.Process(chart, user);
            var coalesced = ValuesCoalescer.CoalesceValues(processed, user);
            _ = ValuesCoalescer.MergeValues(processed, user);
            _ = ValuesCoalescer.Table(coalesced, "sub.global");
            _ = ValuesCoalescer.TryPathValue(coalesced, "sub.enabled", out _);
        }
        catch (ChartLoadException)
        {
        }
    }

    private static GoMap ParseValuesOrEmpty(string text, string name)
    {
        try
        {
            return GoYaml.ParseValues(text, name);
        }
        catch (GoYamlException)
        {
            return new GoMap(GoMap.ValuesType);
        }
    }

    // ---- 4. Chart loader ----------------------------------------------------------------------------------------

    /// <summary>Documented: <see cref="ChartLoadException"/>.</summary>
    private static void Chart(byte[] input)
    {
        try
        {
            HelmChart chart;
            if (input.Length > 0 && input[0] == (byte)'z')
            {
                chart = ChartLoader.LoadArchive(input[1..], "fuzz.tgz");
            }
            else
            {
                var parts = FuzzInput.Split(input.AsSpan(Math.Min(1, input.Length)), 4);
                var files = ChartFiles(parts);
                if (input.Length > 0 && (input[0] & 1) == 1)
                {
                    chart = ChartLoader.LoadArchive(PackArchive(files), "fuzz.tgz");
                }
                else
                {
                    var dir = Scratch.Reset("chart");
                    foreach (var (name, text) in files)
                        Scratch.Write(dir, name, text);
                    chart = ChartLoader.LoadDirectory(dir, "chart");
                }
            }

            _ = ValuesCoalescer.CoalesceValues(chart, null);
            _ = DependencyProcessor.Missing(chart);
        }
        catch (ChartLoadException)
        {
        }
    }

    private static List<(string Name, string Text)> ChartFiles(List<string> parts)
    {
        var files = new List<(string, string)> { ("Chart.yaml", parts[0]) };
        if (parts.Count > 1)
            files.Add(("values.yaml", parts[1]));
        if (parts.Count > 2)
            files.Add(("templates/main.yaml", parts[2]));
        if (parts.Count > 3)
            files.Add((".helmignore", parts[3]));
        return files;
    }

    internal static byte[] PackArchive(IEnumerable<(string Name, string Text)> files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, "fuzz/" + name)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                };
                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    // ---- 5. Configuration ----------------------------------------------------------------------------------------

    /// <summary>Documented: <see cref="UsageException"/> listing every problem.</summary>
    private static void Config(byte[] input)
    {
        var file = new SourceFile(".manifestlint.yaml", FuzzInput.Text(input));
        try
        {
            _ = ConfigLoader.Parse(file, Scratch.Root, RuleCatalog.BuiltIn.RulesById, RuleCatalog.BuiltIn.ReservedIds);
        }
        catch (UsageException)
        {
        }
    }

    // ---- 6. Whole lint -------------------------------------------------------------------------------------------

    private static readonly string[][] Layouts =
    [
        ["a.yaml", "b.yaml", "c.yaml"],
        ["chart/Chart.yaml", "chart/values.yaml", "chart/templates/main.yaml"],
        [".manifestlint.yaml", "a.yaml", "b.yaml"],
        ["chart/templates/main.yaml", "chart/templates/_helpers.tpl", "chart/values.yaml"],
    ];

    private const string FixedChartYaml = "apiVersion: v2\nname: fuzz\nversion: 0.1.0\n";

    /// <summary>
    /// The lint command's path from setup to report, in a scratch folder. Documented: <see cref="UsageException"/>
    /// (bad configuration). Everything else in the input must become findings.
    /// </summary>
    private static void Lint(byte[] input)
    {
        var mode = input.Length > 0 ? input[0] : (byte)0;
        var layout = Layouts[mode % Layouts.Length];
        var parts = FuzzInput.Split(input.AsSpan(Math.Min(1, input.Length)), layout.Length);
        var dir = Scratch.Reset("lint");
        for (var i = 0; i < parts.Count; i++)
            Scratch.Write(dir, layout[i], parts[i]);
        if (mode % Layouts.Length == 3)
            Scratch.Write(dir, "chart/Chart.yaml", FixedChartYaml);

        var output = new StringWriter();
        var environment = new CliEnvironment(output, output, dir, ImmutableDictionary<string, string>.Empty, OutputIsTerminal: false);
        var format = (OutputFormat)(mode / Layouts.Length % 4);
        var invocation = new LintInvocation(
            Paths: ["."], Format: format, OutputPath: null, FailOn: null, Namespace: null, ConfigPath: null,
            Include: [], Exclude: [], Enable: [], Disable: [], Quiet: true, Complete: (mode & 0x10) != 0,
            NoColor: true, ShowSuppressed: (mode & 0x20) != 0, SarifCategory: null);
        try
        {
            var setup = LintSetup.Resolve(invocation, environment, RuleCatalog.BuiltIn);
            var helm = setup.Request.Helm with { TemplateTimeout = TimeSpan.FromSeconds(3) };
            var request = setup.Request with
            {
                Helm = helm,
                ChartOverrides = setup.Request.ChartOverrides.ToImmutableDictionary(p => p.Key, p => p.Value with { TemplateTimeout = helm.TemplateTimeout }),
                MaxParallelism = 1,
            };
            var report = LintPipeline.Run(request, dir, progress: null, CancellationToken.None);
            IReporter reporter = format switch
            {
                OutputFormat.Json => new JsonReporter(),
                OutputFormat.Sarif => new SarifReporter(SarifReporterOptions.Default),
                OutputFormat.GitHub => new GitHubReporter(),
                _ => new TextReporter(new TextReporterOptions(ShowSuppressed: invocation.ShowSuppressed)),
            };
            reporter.Write(report, output);
            _ = LintApplication.CountFailing(report, setup.FailOn);
        }
        catch (UsageException)
        {
        }
    }
}

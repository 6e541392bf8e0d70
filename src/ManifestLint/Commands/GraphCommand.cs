using System.CommandLine;
using System.Globalization;
using ManifestLint.Cli;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Discovery;

namespace ManifestLint.Commands;

/// <summary>
/// <c>manifestlint graph PATH --format dot|mermaid|json</c>: the resource graph (who runs as which ServiceAccount,
/// what each Service, NetworkPolicy and PodDisruptionBudget selects, what Ingresses and autoscalers point at) as
/// Graphviz, Mermaid or JSON, read from the manifests the way <c>lint</c> reads them.
/// </summary>
public static class GraphCommand
{
    private const string DefaultNamespace = "default";

    public static Command Create() => Create(null);

    /// <summary>The command; with no <paramref name="environment"/> it writes to the invocation's output and reads the process's working directory.</summary>
    public static Command Create(CliEnvironment? environment)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: dot (Graphviz), mermaid or json.",
            DefaultValueFactory = _ => "dot",
        }.AcceptOnlyFromAmong([.. GraphExport.Formats]);
        var ns = new Option<string?>("--namespace", "-n")
        {
            Description = "The namespace of manifests that name none (default: default).",
        };
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and folders to read (default: .).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("graph", "Export the resource graph (workloads, Services, Ingresses, policies, references) as DOT, Mermaid or JSON.")
        {
            format, ns, paths,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = environment?.Out ?? parseResult.InvocationConfiguration.Output;
            var error = environment?.Error ?? parseResult.InvocationConfiguration.Error;
            var workingDirectory = environment?.WorkingDirectory ?? Environment.CurrentDirectory;
            try
            {
                var graph = Load(error, workingDirectory, parseResult.GetValue(paths) ?? [], parseResult.GetValue(ns) ?? DefaultNamespace, cancellationToken);
                output.Write(GraphExport.Build(graph, cancellationToken).Write(parseResult.GetValue(format) ?? "dot"));
                return Task.FromResult(ExitCodes.Success);
            }
            catch (UsageException e)
            {
                error.Write($"manifestlint: error: {e.Message}\n");
                return Task.FromResult(ExitCodes.UsageError);
            }
            finally
            {
                output.Flush();
            }
        });
        return command;
    }

    /// <summary>Reads the manifests under <paramref name="paths"/> with the lint pipeline's discovery and loaders and builds the graph.</summary>
    private static ResourceGraph Load(TextWriter error, string workingDirectory, string[] paths, string defaultNamespace, CancellationToken cancellationToken)
    {
        var root = LintSetup.FindRepositoryRoot(workingDirectory);
        foreach (var p in paths)
        {
            var full = Path.GetFullPath(p, workingDirectory);
            if (!File.Exists(full) && !Directory.Exists(full))
                throw new UsageException($"no such file or folder: {p}");
        }

        var discovery = FileDiscovery.Find(
            new DiscoveryRequest(paths.Length == 0 ? ["."] : [.. paths], workingDirectory, root, [], []),
            cancellationToken);
        foreach (var problem in discovery.Problems)
            error.Write($"manifestlint: {problem.Span.Path}: {problem.Message}\n");
        if (!discovery.Charts.IsEmpty)
            error.Write($"manifestlint: {discovery.Charts.Length} Helm chart(s) not rendered by graph; pass rendered manifests to include them\n");

        var resources = new List<Resource>();
        foreach (var file in discovery.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string text;
            try
            {
                text = File.ReadAllText(file.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.Write($"manifestlint: {file.Path}: could not be read: {e.Message}\n");
                continue;
            }

            var loaded = YamlLoader.Load(new SourceFile(file.Path, text), map: null, options: null, cancellationToken);
            foreach (var problem in loaded.Problems)
                error.Write(string.Create(CultureInfo.InvariantCulture, $"manifestlint: {problem.Span}: {problem.Message}\n"));
            foreach (var document in loaded.Documents)
                resources.AddRange(ResourceReader.Read(document, defaultNamespace, new ResourceOrigin(file.Path, document.Index), out _));
        }

        return ResourceGraph.Build(resources);
    }
}

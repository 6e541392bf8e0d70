using System.Collections.Immutable;
using System.Text;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Kustomize;

/// <summary>
/// Builds a Kustomize root offline with kustomize v5's semantics, as <c>kubectl kustomize</c> prints it: resources,
/// components, generators, then the transformers in kustomize's fixed order (strategic merge patches, patches,
/// namespace, prefix/suffix, labels, annotations, JSON 6902 patches, replicas, images, replacements); at the top, hash
/// suffixes, name reference fix-up and the legacy sort. Every node keeps the line that set it.
/// Nothing is fetched: a remote resource is a problem, and what is not implemented is an "unsupported" problem,
/// never a wrong build.
/// </summary>
public sealed partial class KustomizeBuilder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _repositoryRoot;
    private readonly CancellationToken _cancellationToken;
    private readonly SortedSet<string> _filesRead = new(StringComparer.Ordinal);
    private readonly List<string> _building = [];
    private readonly List<Vars.Var> _vars = [];

    private KustomizeBuilder(string repositoryRoot, CancellationToken cancellationToken)
    {
        _repositoryRoot = Path.GetFullPath(repositoryRoot);
        _cancellationToken = cancellationToken;
    }

    /// <summary>Builds the root in <paramref name="directory"/> (absolute, or relative to the repository root).</summary>
    public static KustomizeBuildResult Build(string directory, string repositoryRoot, CancellationToken cancellationToken = default)
    {
        var builder = new KustomizeBuilder(repositoryRoot, cancellationToken);
        var full = Path.GetFullPath(Path.Combine(builder._repositoryRoot, directory));
        var root = builder.Relative(full);
        try
        {
            var resources = builder.BuildDirectory(full, null, SourceSpan.At(root.Length == 0 ? "." : root, 1, 1));
            AddHashes(resources);
            NameReferences.Fix(resources);
            Vars.Resolve(builder._vars, resources);
            var documents = LegacyOrder.Sort(resources).Select(KustomizeOutput.Write).ToImmutableArray();
            return new KustomizeBuildResult(root, documents, [], [.. builder._filesRead]);
        }
        catch (KustomizeException e)
        {
            return new KustomizeBuildResult(root, [], [new KustomizeProblem(e.Span, e.Message, e.Unsupported)], [.. builder._filesRead]);
        }
    }

    private string Relative(string full)
    {
        var rel = Path.GetRelativePath(_repositoryRoot, full).Replace('\\', '/');
        return rel == "." ? string.Empty : rel;
    }

    private string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    private KustomizationFile Load(string fullDirectory, SourceSpan referencedAt)
    {
        var file = KustomizationFile.Find(fullDirectory)
            ?? throw new KustomizeException(referencedAt, $"unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '{Relative(fullDirectory)}'");
        var rel = Relative(file);
        _filesRead.Add(rel);
        var source = new SourceFile(rel, ReadText(file, referencedAt));
        var load = YamlLoader.Load(source, null, null, _cancellationToken);
        if (load.Problems.FirstOrDefault() is { } p)
            throw new KustomizeException(p.Span, "invalid kustomization: " + p.Message);
        if (load.Documents.Length != 1 || load.Documents[0].Root is not YamlMapping map)
        {
            if (load.Documents.Length == 1 && load.Documents[0].Root is null)
                return new KustomizationFile(fullDirectory, Relative(fullDirectory), rel, source, new YamlMapping(SourceSpan.At(rel, 1, 1), []));
            throw new KustomizeException(SourceSpan.At(rel, 1, 1), "invalid kustomization: expected one YAML mapping");
        }

        return new KustomizationFile(fullDirectory, Relative(fullDirectory), rel, source, map);
    }

    private string ReadText(string full, SourceSpan referencedAt)
    {
        try
        {
            return StrictUtf8.GetString(File.ReadAllBytes(full));
        }
        catch (DecoderFallbackException)
        {
            throw new KustomizeException(referencedAt, $"file '{Relative(full)}' is not UTF-8 text");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KustomizeException(referencedAt, $"file '{Relative(full)}' could not be read: {e.Message}");
        }
    }

    /// <summary>Builds one kustomization; a component starts from (and transforms) the resources it is given.</summary>
    private List<KResource> BuildDirectory(string fullDirectory, List<KResource>? componentInput, SourceSpan referencedAt)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var real = Path.GetFullPath(fullDirectory);
        if (_building.Contains(real, StringComparer.Ordinal))
            throw new KustomizeException(referencedAt, $"cycle: '{Relative(real)}' includes itself");
        if (_building.Count > 50)
            throw new KustomizeException(referencedAt, "kustomizations nest more than 50 deep");
        _building.Add(real);
        try
        {
            var k = Load(real, referencedAt);
            if (componentInput is null && k.IsComponent && _building.Count > 1)
                throw new KustomizeException(referencedAt, $"'{k.Directory}' is a Component; it must be listed under 'components', not 'resources'");
            if (componentInput is not null && !k.IsComponent)
                throw new KustomizeException(referencedAt, $"'{k.Directory}' is not a Component (kind: Component); it must be listed under 'resources'");
            CheckFields(k);
            var resources = componentInput ?? [];
            AccumulateResources(k, resources);
            AccumulateComponents(k, resources);
            Generate(k, resources);
            InflateCharts(k, resources);
            Transform(k, resources);
            _vars.AddRange(Vars.Read(k.Root));
            return resources;
        }
        finally
        {
            _building.RemoveAt(_building.Count - 1);
        }
    }

    private static readonly string[] Known =
    [
        "apiVersion", "kind", "metadata", "resources", "bases", "components", "namespace", "namePrefix", "nameSuffix",
        "commonLabels", "labels", "commonAnnotations", "images", "replicas", "patches", "patchesStrategicMerge",
        "patchesJson6902", "configMapGenerator", "secretGenerator", "generatorOptions", "replacements", "buildMetadata",
        "sortOptions", "helmCharts", "helmGlobals", "vars",
    ];

    private static readonly string[] NotImplemented =
    [
        "helmChartInflationGenerator", "openapi", "crds", "configurations",
        "transformers", "generators", "validators",
    ];

    private static void CheckFields(KustomizationFile k)
    {
        foreach (var e in k.Root.Entries)
        {
            var key = e.Key.Text;
            if (NotImplemented.Contains(key, StringComparer.Ordinal))
                throw new KustomizeException(e.Key.Span, $"kustomization field '{key}' is not supported by this offline build; the root was not built", unsupported: true);
            if (!Known.Contains(key, StringComparer.Ordinal))
                throw new KustomizeException(e.Key.Span, $"invalid kustomization: unknown field \"{key}\"");
        }

        if (k.Root.GetString("apiVersion") is { } api && api is not ("kustomize.config.k8s.io/v1beta1" or "kustomize.config.k8s.io/v1alpha1"))
            throw new KustomizeException(k.KeySpan("apiVersion"), $"apiVersion '{api}' is not a kustomization apiVersion");
        if (k.Root.GetString("kind") is { } kind && kind is not ("Kustomization" or "Component"))
            throw new KustomizeException(k.KeySpan("kind"), $"kind '{kind}' is not Kustomization or Component");
        if (k.Root.GetMapping("sortOptions") is { } sort && sort.GetString("order") is { } order && order != "legacy")
            throw new KustomizeException(k.KeySpan("sortOptions"), $"sortOptions order '{order}' is not supported by this offline build", unsupported: true);
        if (k.Root.GetSequence("buildMetadata") is { Count: > 0 })
            throw new KustomizeException(k.KeySpan("buildMetadata"), "buildMetadata is not supported by this offline build", unsupported: true);
    }

    /// <summary>Each item of a string list field, with its node (for positions); a field of the wrong shape is an error.</summary>
    private static IEnumerable<YamlScalar> Strings(KustomizationFile k, string key)
    {
        if (k.Root[key] is null or YamlScalar { IsNull: true })
            yield break;
        if (k.Root[key] is not YamlSequence seq)
            throw new KustomizeException(k.KeySpan(key), $"invalid kustomization: '{key}' must be a list of strings");
        foreach (var item in seq.Items)
        {
            if (item is not YamlScalar { IsNull: false } s)
                throw new KustomizeException(item.Span, $"invalid kustomization: '{key}' must be a list of strings");
            yield return s;
        }
    }

    private static IEnumerable<YamlMapping> Mappings(KustomizationFile k, string key)
    {
        if (k.Root[key] is null or YamlScalar { IsNull: true })
            yield break;
        if (k.Root[key] is not YamlSequence seq)
            throw new KustomizeException(k.KeySpan(key), $"invalid kustomization: '{key}' must be a list");
        foreach (var item in seq.Items)
        {
            if (item is not YamlMapping m)
                throw new KustomizeException(item.Span, $"invalid kustomization: each item of '{key}' must be a mapping");
            yield return m;
        }
    }

    internal static bool IsRemote(string target) =>
        target.Contains("://", StringComparison.Ordinal) || target.StartsWith("git@", StringComparison.Ordinal)
        || target.StartsWith("github.com/", StringComparison.Ordinal) || target.StartsWith("gitlab.com/", StringComparison.Ordinal)
        || target.StartsWith("bitbucket.org/", StringComparison.Ordinal);

    private void AccumulateResources(KustomizationFile k, List<KResource> resources)
    {
        foreach (var item in Strings(k, "bases").Concat(Strings(k, "resources")))
        {
            var target = item.Text;
            if (IsRemote(target))
                throw new KustomizeException(item.Span, $"remote resource '{target}' is not fetched (ManifestLint builds offline); the root was not built");
            var full = Path.GetFullPath(Path.Combine(k.FullDirectory, target));
            if (Directory.Exists(full))
            {
                foreach (var r in BuildDirectory(full, null, item.Span))
                    Add(resources, r, item.Span);
            }
            else if (File.Exists(full))
            {
                foreach (var r in ReadResources(k, full, item.Span))
                    Add(resources, r, item.Span);
            }
            else
            {
                throw new KustomizeException(item.Span, $"accumulating resources: '{target}' is neither a file nor a folder");
            }
        }
    }

    private void AccumulateComponents(KustomizationFile k, List<KResource> resources)
    {
        foreach (var item in Strings(k, "components"))
        {
            if (IsRemote(item.Text))
                throw new KustomizeException(item.Span, $"remote component '{item.Text}' is not fetched (ManifestLint builds offline); the root was not built");
            var full = Path.GetFullPath(Path.Combine(k.FullDirectory, item.Text));
            if (!Directory.Exists(full))
                throw new KustomizeException(item.Span, $"component '{item.Text}' is not a folder");
            var result = BuildDirectory(full, resources, item.Span);
            if (!ReferenceEquals(result, resources))
            {
                resources.Clear();
                resources.AddRange(result);
            }
        }
    }

    private static void Add(List<KResource> resources, KResource r, SourceSpan at)
    {
        if (resources.Any(x => SameId(x, r)))
            throw new KustomizeException(at, $"may not add resource with an already registered id: {r.Kind}/{r.Name}" + (r.Namespace.Length > 0 ? " in namespace " + r.Namespace : string.Empty));
        resources.Add(r);
    }

    internal static bool SameId(KResource a, KResource b) =>
        a.Kind == b.Kind && a.Group == b.Group && a.Name == b.Name && a.Namespace == b.Namespace;

    /// <summary>A file must lie in or below the kustomization's folder (kustomize's default load restrictor).</summary>
    private string CheckInside(KustomizationFile k, string full, SourceSpan at)
    {
        var dir = k.FullDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(dir, StringComparison.Ordinal))
            throw new KustomizeException(at, $"security; file '{Relative(full)}' is not in or below '{(k.Directory.Length == 0 ? "." : k.Directory)}'");
        var rel = Relative(full);
        _filesRead.Add(rel);
        return rel;
    }

    private IEnumerable<KResource> ReadResources(KustomizationFile k, string full, SourceSpan at)
    {
        var rel = CheckInside(k, full, at);
        var load = YamlLoader.Load(new SourceFile(rel, ReadText(full, at)), null, null, _cancellationToken);
        if (load.Problems.FirstOrDefault() is { } p)
            throw new KustomizeException(p.Span, "invalid resource: " + p.Message);
        foreach (var doc in load.Documents)
        {
            if (doc.Root is null)
                continue;
            if (doc.Root is not YamlMapping m)
                throw new KustomizeException(doc.Root.Span, "invalid resource: a document must be a mapping");
            var value = (KMap)KYaml.From(m)!;
            if (value.String("kind") is "List" && value["items"] is KList items && value.String("apiVersion") is "v1" or null)
            {
                foreach (var item in items.Items)
                {
                    if (item.Value is KMap im)
                        yield return Check(new KResource(im, item.Origin ?? KYaml.OriginOf(m)), doc.Root.Span);
                }

                continue;
            }

            yield return Check(new KResource(value, KYaml.OriginOf(m)), doc.Root.Span);
        }
    }

    private static KResource Check(KResource r, SourceSpan at)
    {
        if (r.Kind.Length == 0)
            throw new KustomizeException(at, "invalid resource: missing 'kind'");
        if (r.Name.Length == 0 && r.Root.Map("metadata")?.String("generateName") is null)
            throw new KustomizeException(at, $"invalid resource: {r.Kind} has no metadata.name");
        return r;
    }

    /// <summary>A YAML text that is a file (path) or inline (the scalar's own text), read with positions in its real place.</summary>
    private YamlLoadResult LoadPatchText(KustomizationFile k, YamlScalar? path, YamlScalar? inline, SourceSpan at)
    {
        if (path is { IsNull: false })
        {
            var full = Path.GetFullPath(Path.Combine(k.FullDirectory, path.Text));
            if (!File.Exists(full))
                throw new KustomizeException(path.Span, $"patch file '{path.Text}' not found");
            var rel = CheckInside(k, full, path.Span);
            return YamlLoader.Load(new SourceFile(rel, ReadText(full, path.Span)), null, null, _cancellationToken);
        }

        if (inline is { IsNull: false })
            return YamlLoader.Load(new SourceFile(k.Path, inline.Text), InlineMap(k, inline), null, _cancellationToken);
        throw new KustomizeException(at, "a patch needs 'path' or 'patch'");
    }

    /// <summary>Where the text of a block or quoted scalar starts in the kustomization, so an inline patch's lines point at themselves.</summary>
    private static ISourceMap InlineMap(KustomizationFile k, YamlScalar scalar)
    {
        var lines = k.Source.Text.Split('\n');
        var start = scalar.Span.StartLine;
        if (start - 1 < lines.Length && lines[start - 1].Length >= scalar.Span.StartColumn && lines[start - 1][scalar.Span.StartColumn - 1] is '|' or '>')
        {
            for (var l = start; l < lines.Length; l++)
            {
                if (lines[l].Trim().Length == 0)
                    continue;
                var indent = lines[l].Length - lines[l].TrimStart(' ').Length;
                return new LineShiftMap(k.Path, l + 1, indent);
            }
        }

        return new LineShiftMap(k.Path, start, scalar.Span.StartColumn);
    }

    /// <summary>The replacement documents of a <c>replacements: - path: file</c> entry.</summary>
    internal IEnumerable<YamlMapping> LoadReplacementFile(KustomizationFile k, YamlScalar path)
    {
        var load = LoadPatchText(k, path, null, path.Span);
        if (load.Problems.FirstOrDefault() is { } p)
            throw new KustomizeException(p.Span, "invalid replacement file: " + p.Message);
        foreach (var doc in load.Documents)
        {
            switch (doc.Root)
            {
                case YamlMapping m:
                    yield return m;
                    break;
                case YamlSequence s:
                    foreach (var m in s.Items.OfType<YamlMapping>())
                        yield return m;
                    break;
            }
        }
    }
}

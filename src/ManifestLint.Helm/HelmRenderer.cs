using System.Collections.Immutable;
using System.Globalization;
using ManifestLint.Helm.Objects;
using ManifestLint.Templates;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm;

/// <summary>
/// Renders a chart as <c>helm template</c> (Helm 3.21) does: values merged and coalesced, dependencies enabled,
/// aliased and imported, every template executed with Helm's built-in objects, documents split and sorted.
/// Unlike Helm it keeps going after a failing template, so linting still sees the others.
/// </summary>
public static class HelmRenderer
{
    private const string NotesSuffix = "NOTES.txt";

    /// <summary>Loads and renders the chart at <paramref name="source"/>.</summary>
    public static ChartRender Render(ChartSource source, RenderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        HelmChart chart;
        try
        {
            chart = ChartLoader.LoadDirectory(source.FullPath, source.RepositoryPath, cancellationToken);
        }
        catch (ChartLoadException ex)
        {
            return Failed(options, RenderProblemKind.Chart, ex.Message, ex.Path ?? source.RepositoryPath, ex.Line);
        }
        catch (IOException ex)
        {
            return Failed(options, RenderProblemKind.Chart, ex.Message, source.RepositoryPath);
        }

        return Render(chart, options, cancellationToken);
    }

    /// <summary>Renders an already loaded chart.</summary>
    public static ChartRender Render(HelmChart chart, RenderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(options);
        if (chart.IsLibrary)
            return Failed(options, RenderProblemKind.Chart, "library charts are not installable", chart.SourcePath);
        var missing = DependencyProcessor.Missing(chart);
        if (missing.Count > 0)
        {
            return Failed(
                options,
                RenderProblemKind.Chart,
                (options.IsHelm4 ? "an" : "An") + " error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: " + string.Join(", ", missing),
                ChartLoader.Join(chart.SourcePath, "Chart.yaml"));
        }

        GoMap userValues;
        try
        {
            userValues = UserValues(options);
        }
        catch (ValuesException ex)
        {
            return Failed(options, RenderProblemKind.Values, ex.Message, ex.Path, ex.Line);
        }

        string releaseName;
        try
        {
            releaseName = ReleaseName(options);
        }
        catch (TemplateException ex)
        {
            return Failed(options, RenderProblemKind.Values, ex.Message, null);
        }

        HelmChart processed;
        GoMap values;
        try
        {
            processed = DependencyProcessor.Process(chart, userValues);
            values = ValuesCoalescer.CoalesceValues(processed, userValues, options.DropsNullDefaults);
        }
        catch (ChartLoadException ex)
        {
            return Failed(options, RenderProblemKind.Values, ex.Message, chart.SourcePath);
        }

        // Helm 4 moved chartutil.Values to pkg/chart/common: typeOf .Values and $ print common.Values.
        var valuesType = options.IsHelm4 ? GoMap.Helm4ValuesType : GoMap.ValuesType;
        values.GoTypeName = valuesType;
        var schemaProblem = options.SkipSchemaValidation ? null : ValuesSchemaValidator.Validate(processed, values);
        KubeVersionObject kube;
        try
        {
            kube = ParseKubeVersion(options.KubeVersion, options.IsHelm4);
        }
        catch (FormatException ex)
        {
            return Failed(options, RenderProblemKind.Values, ex.Message, null);
        }

        if (chart.Metadata.KubeVersion.Length > 0 && !new SemverRange().IsCompatible(chart.Metadata.KubeVersion, kube.Normalized))
        {
            return Failed(
                options,
                RenderProblemKind.Chart,
                $"chart requires kubeVersion: {chart.Metadata.KubeVersion} which is incompatible with Kubernetes {kube.Version}",
                ChartLoader.Join(chart.SourcePath, "Chart.yaml"));
        }

        var apis = (options.BaseApiVersions ?? HelmDefaults.ApiVersions).AddRange(options.ApiVersions);
        var capabilities = new CapabilitiesObject(kube, new ApiVersionsObject(apis), options.IsHelm4 ? HelmVersionObject.Helm4(options.HelmVersion) : new HelmVersionObject(options.HelmVersion), options.IsHelm4);
        var release = new GoMap();
        release.Set("Name", releaseName);
        release.Set("Namespace", options.Namespace);
        release.Set("IsUpgrade", options.IsUpgrade);
        release.Set("IsInstall", !options.IsUpgrade);
        release.Set("Revision", options.Revision);
        release.Set("Service", "Helm");

        var renderables = new Dictionary<string, (string Text, GoMap Data, string BasePath, string? RepositoryPath)>(StringComparer.Ordinal);
        var crds = ImmutableArray.CreateBuilder<(string, string?, string)>();
        var top = new GoMap();
        top.Set("Values", values);
        top.Set("Release", release);
        top.Set("Capabilities", capabilities);
        Collect(processed, null, processed.Name, top, renderables, crds, options.IsHelm4);

        // Helm stops here on a schema violation; the templates are still rendered so the rest can be linted.
        var problems = new List<RenderProblem>();
        if (schemaProblem is not null)
            problems.Add(schemaProblem);
        var pathMap = renderables.ToDictionary(kv => kv.Key, kv => kv.Value.RepositoryPath, StringComparer.Ordinal);
        var set = Parse(renderables, pathMap, problems, cancellationToken);
        var rendered = new List<RenderedTemplate>();
        string? notes = null;
        var executionOptions = new ExecutionOptions { CancellationToken = cancellationToken, Timeout = options.TemplateTimeout };
        foreach (var name in TemplateSet.HelmParseOrder(renderables.Keys))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var baseName = name[(name.LastIndexOf('/') + 1)..];
            if (baseName.StartsWith('_') || set is null || !set.Contains(name))
                continue;
            var (_, data, basePath, repoPath) = renderables[name];

            // As Helm does, the chart's one top-level map is handed to each of its templates in turn, with .Template
            // set on it: what a template sets on $ (Istio's `set $ "Values" ...`) or on .Values, later ones see.
            var template = new GoMap(valuesType);
            template.Set("Name", name);
            template.Set("BasePath", basePath);
            data.Set("Template", template);
            RenderResult result;
            try
            {
                result = set.Execute(name, data, executionOptions).WithoutNoValue();
            }
            catch (TemplateException ex)
            {
                problems.Add(TemplateProblem(ex, CleanExecError(ex.Message, options.IsHelm4), pathMap, repoPath) with { FullMessage = ex.Message });
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An engine defect must cost one template, not the chart.
                problems.Add(new RenderProblem(RenderProblemKind.Template, $"execution error in ({name}): {ex.Message}", repoPath, 0, 0));
                continue;
            }

            if (name.EndsWith(NotesSuffix, StringComparison.Ordinal))
            {
                if (name == processed.Name + "/templates/" + NotesSuffix)
                    notes = result.Text;
                continue;
            }

            rendered.Add(new RenderedTemplate(name, repoPath, result.Text, result.Segments));
        }

        var (manifests, hooks, yamlProblems) = ManifestSorter.Sort(rendered, pathMap, options.KeepsTrailingBlankLines, options.IsHelm4 ? HelmDefaults.InstallOrderHelm4 : HelmDefaults.InstallOrder);
        problems.AddRange(yamlProblems);
        return new ChartRender
        {
            Chart = processed,
            Options = options,
            Templates = [.. rendered],
            Manifests = [.. manifests],
            Hooks = [.. hooks],
            Crds = crds.ToImmutable(),
            Notes = notes,
            Problems = [.. problems],
            ReleaseName = releaseName,
            TemplatePaths = pathMap.ToImmutableDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>Helm's name for a template position, mapped to a repository path (null inside archives).</summary>
    internal static string? RepositoryPathOf(IReadOnlyDictionary<string, string?> pathMap, string helmName) =>
        pathMap.TryGetValue(helmName, out var p) ? p : null;

    private static ChartRender Failed(RenderOptions options, RenderProblemKind kind, string message, string? path, int line = 0) =>
        new() { Options = options, Problems = [new RenderProblem(kind, message, path, line, line > 0 ? 1 : 0)] };

    private static GoMap UserValues(RenderOptions options)
    {
        var merged = new GoMap(GoMap.ValuesType);
        foreach (var file in options.ValuesFiles)
        {
            GoMap current;
            try
            {
                current = GoYaml.ParseValues(file.Text, file.Path);
            }
            catch (GoYamlException ex)
            {
                throw new ValuesException($"failed to parse {file.Path}: {ex.Message}", file.Path) { Line = ex.Line ?? 0 };
            }

            merged = ValuesCoalescer.MergeMaps(merged, current);
        }

        foreach (var set in options.SetJsonValues)
        {
            try
            {
                SetValuesParser.ParseJsonInto(set, merged);
            }
            catch (FormatException ex)
            {
                throw new ValuesException("failed parsing --set-json data " + set + ": " + ex.Message, null);
            }
        }

        foreach (var set in options.SetValues)
        {
            try
            {
                SetValuesParser.ParseInto(set, merged, stringsOnly: false);
            }
            catch (FormatException ex)
            {
                throw new ValuesException("failed parsing --set data: " + ex.Message, null);
            }
        }

        foreach (var set in options.SetStringValues)
        {
            try
            {
                SetValuesParser.ParseInto(set, merged, stringsOnly: true);
            }
            catch (FormatException ex)
            {
                throw new ValuesException("failed parsing --set-string data: " + ex.Message, null);
            }
        }

        foreach (var set in options.SetFileValues)
        {
            try
            {
                SetValuesParser.ParseFileInto(set, merged, File.ReadAllText);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                throw new ValuesException("failed parsing --set-file data: " + ex.Message, null);
            }
        }

        return merged;
    }

    private static string ReleaseName(RenderOptions options)
    {
        if (string.IsNullOrEmpty(options.NameTemplate))
            return options.ReleaseName;
        var set = TemplateSet.Parse([("name-template", options.NameTemplate)], new TemplateOptions { FunctionMaps = [SprigFunctions.Create()] });
        return set.Execute("name-template", null).Text;
    }

    private static KubeVersionObject ParseKubeVersion(string text, bool helm4)
    {
        var v = text.StartsWith('v') ? text[1..] : text;
        var core = v.Split('-', '+')[0].Split('.');
        if (core.Length is < 1 or > 3 || core.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
            throw new FormatException($"invalid kube version '{text}': Invalid Semantic Version");
        var parts = core.Select(p => ulong.Parse(p, CultureInfo.InvariantCulture)).Concat([0UL, 0UL]).Take(3).ToArray();
        var suffix = v[string.Join('.', core).Length..];
        var version = "v" + parts[0].ToString(CultureInfo.InvariantCulture) + "." + parts[1].ToString(CultureInfo.InvariantCulture) + "." + parts[2].ToString(CultureInfo.InvariantCulture) + suffix;
        var major = parts[0].ToString(CultureInfo.InvariantCulture);
        var minor = parts[1].ToString(CultureInfo.InvariantCulture);
        if (helm4)
        {
            // Helm 4 keeps the version as given (with a leading v) and normalizes it for constraint checks.
            var given = text.StartsWith('v') ? text : "v" + text;
            return new Helm4KubeVersionObject(given, "v" + major + "." + minor + "." + parts[2].ToString(CultureInfo.InvariantCulture), major, minor);
        }

        return new KubeVersionObject(version, major, minor);
    }

    // Helm's recAllTpls: one scope per chart (values narrowed to the chart), templates keyed by their full path.
    private static GoMap Collect(
        HelmChart chart,
        GoMap? parentScope,
        string fullPath,
        GoMap top,
        Dictionary<string, (string Text, GoMap Data, string BasePath, string? RepositoryPath)> renderables,
        ImmutableArray<(string, string?, string)>.Builder crds,
        bool helm4)
    {
        var subcharts = new GoMap();
        var valuesType = helm4 ? GoMap.Helm4ValuesType : GoMap.ValuesType;
        var next = new GoMap(valuesType);
        next.Set("Chart", helm4
            ? Helm4ChartMap.Create(chart, parentScope is null, [.. chart.Subcharts.Select(s => s.Name)])
            : new ChartObject(chart.Metadata, parentScope is null));
        next.Set("Files", FilesObject.From(chart.Files));
        next.Set("Release", top["Release"]);
        next.Set("Capabilities", top["Capabilities"]);
        var values = new GoMap(valuesType);
        if (parentScope is null)
        {
            values = (GoMap)top["Values"]!;
        }
        else if (parentScope["Values"] is GoMap parentValues && ValuesCoalescer.Table(parentValues, chart.Name) is { } table)
        {
            // Not a copy: the parent's .Values.<child> itself (Values.Table), so what a parent template sets in it
            // is seen by the subchart's templates executed later.
            values = table.SharedAs(valuesType);
        }

        next.Set("Values", values);
        next.Set("Subcharts", subcharts);
        foreach (var f in chart.Files)
        {
            if (f.Name.StartsWith("crds/", StringComparison.Ordinal)
                && (f.Name.EndsWith(".yaml", StringComparison.Ordinal) || f.Name.EndsWith(".yml", StringComparison.Ordinal) || f.Name.EndsWith(".json", StringComparison.Ordinal)))
                crds.Add((fullPath + "/" + f.Name, chart.FromArchive ? null : ChartLoader.Join(chart.SourcePath, f.Name), f.Text));
        }

        foreach (var child in chart.Subcharts)
            subcharts.Set(child.Name, Collect(child, next, fullPath + "/charts/" + child.Name, top, renderables, crds, helm4).SharedAs(GoMap.InterfaceMapType));

        foreach (var t in chart.Templates)
        {
            if (chart.IsLibrary && !t.Name[(t.Name.LastIndexOf('/') + 1)..].StartsWith('_'))
                continue;
            renderables[fullPath + "/" + t.Name] = (t.Text, next, fullPath + "/templates", chart.FromArchive ? null : ChartLoader.Join(chart.SourcePath, t.Name));
        }

        return next;
    }

    // Helm fails on the first parse error; to keep linting the rest, the failing file is dropped and the set parsed again.
    private static TemplateSet? Parse(
        Dictionary<string, (string Text, GoMap Data, string BasePath, string? RepositoryPath)> renderables,
        Dictionary<string, string?> pathMap,
        List<RenderProblem> problems,
        CancellationToken cancellationToken)
    {
        var options = new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] };
        var names = new HashSet<string>(renderables.Keys, StringComparer.Ordinal);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return TemplateSet.Parse(names.Select(n => (n, renderables[n].Text)), options);
            }
            catch (TemplateException ex)
            {
                problems.Add(TemplateProblem(ex, CleanParseError(ex.Message), pathMap, null));
                if (!names.Remove(ex.Template))
                    return null;
            }
        }
    }

    private static RenderProblem TemplateProblem(TemplateException ex, string message, Dictionary<string, string?> pathMap, string? fallback)
    {
        var path = RepositoryPathOf(pathMap, ex.Template) ?? fallback;
        return new RenderProblem(RenderProblemKind.Template, message, path, ex.Line, ex.Line > 0 ? ex.Column + 1 : 0);
    }

    // Helm's cleanupParseError: "parse error at (LOCATION): LAST-MESSAGE".
    internal static string CleanParseError(string message)
    {
        var tokens = message.Split(": ");
        if (tokens.Length == 1)
            return message;
        return $"parse error at ({tokens[1]}): {tokens[^1]}";
    }

    // Helm's cleanupExecError: only required/fail messages (which Helm wraps in markers) are reworded; Helm 4 prints the others as a trace.
    internal static string CleanExecError(string message, bool helm4 = false)
    {
        var tokens = message.Split(": ", 3);
        if (tokens.Length != 3)
            return message;
        foreach (var marker in new[] { "error calling required: ", "error calling fail: " })
        {
            var at = message.LastIndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
                return $"execution error at ({tokens[1]}): {message[(at + marker.Length)..]}";
        }

        return helm4 ? Helm4ErrorText.Trace(message) ?? message : message;
    }
}

using System.Collections.Immutable;
using System.Text;
using ManifestLint.Cli;
using ManifestLint.Core.Policy;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Configuration;

/// <summary>
/// Reads <c>.manifestlint.yaml</c> with the product's own YAML loader, so every mistake is reported
/// as <c>file:line:col</c>. Unknown keys and unknown rule ids are errors, not warnings: a misspelled
/// setting that is silently ignored leaves a rule running that the user believes is off.
/// </summary>
public static class ConfigLoader
{
    private static readonly string[] TopLevelKeys = ["rules", "include", "exclude", "namespace", "complete", "failOn", "charts", "policies", "crds", "podTemplates", "kustomize"];

    private static readonly string[] ChartKeys = ["values", "set", "setString", "releaseName", "namespace", "apiVersions", "helmVersion"];

    private static readonly string[] RuleKeys = ["enabled", "severity", "options"];

    /// <summary>Reads and validates a configuration file; throws <see cref="UsageException"/> listing every problem.</summary>
    /// <param name="fullPath">Absolute path of the file.</param>
    /// <param name="displayPath">The path as messages name it.</param>
    /// <param name="rules">Built-in rules by id (may be enabled, disabled and given options).</param>
    /// <param name="reservedIds">Ids of input and suppression problems (only their severity can be set).</param>
    public static ManifestLintConfig Load(string fullPath, string displayPath, IReadOnlyDictionary<string, Rule> rules, IReadOnlySet<string> reservedIds)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{displayPath}: cannot read the configuration file: {e.Message}");
        }

        return Parse(new SourceFile(displayPath, text), Path.GetDirectoryName(fullPath) ?? fullPath, rules, reservedIds);
    }

    /// <summary>Parses configuration text; <paramref name="directory"/> is the folder its globs are relative to.</summary>
    public static ManifestLintConfig Parse(SourceFile file, string directory, IReadOnlyDictionary<string, Rule> rules, IReadOnlySet<string> reservedIds)
    {
        var errors = new List<string>();
        var load = YamlLoader.Load(file);
        foreach (var problem in load.Problems)
            errors.Add($"{problem.Span}: {problem.Message}");
        if (errors.Count > 0)
            throw Fail(errors);

        var documents = load.Documents.Where(d => d.Root is not null).ToArray();
        var config = ManifestLintConfig.Empty with { Path = file.Path, Directory = directory };
        if (documents.Length == 0)
            return config;
        if (documents.Length > 1)
            throw Fail([$"{documents[1].Root!.Span}: the configuration must be a single YAML document"]);
        if (documents[0].Root is not YamlMapping root)
            throw Fail([$"{documents[0].Root!.Span}: the configuration must be a mapping (keys such as rules:, exclude:)"]);

        var ruleConfigs = ImmutableSortedDictionary.CreateBuilder<string, RuleConfig>(StringComparer.Ordinal);
        foreach (var entry in root.Entries)
        {
            switch (entry.Key.Text)
            {
                case "rules":
                    ReadRules(entry, rules, reservedIds, ruleConfigs, errors);
                    break;
                case "include":
                    config = config with { Include = ReadGlobs(entry, errors) };
                    break;
                case "exclude":
                    config = config with { Exclude = ReadGlobs(entry, errors) };
                    break;
                case "namespace":
                    config = config with { Namespace = ReadString(entry, errors) };
                    break;
                case "complete":
                    config = config with { Complete = ReadBool(entry, errors) };
                    break;
                case "failOn":
                    config = config with { FailOn = ReadChoice(entry, CliNames.FailOnLevels, errors) is { } level ? CliNames.ParseFailOn(level) : null };
                    break;
                case "charts":
                    config = config with { Charts = ReadCharts(entry, directory, errors) };
                    break;
                case "policies":
                    config = config with { Policies = ReadGlobs(entry, errors) };
                    break;
                case "crds":
                    config = config with { Crds = [.. ReadGlobs(entry, errors).Select(p => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, p)))] };
                    break;
                case "podTemplates":
                    config = config with { PodTemplates = ReadPodTemplates(entry, errors) };
                    break;
                case "kustomize":
                    config = config with { KustomizeRoots = ReadKustomize(entry, errors) };
                    break;
                default:
                    errors.Add(UnknownKey(entry.Key, TopLevelKeys, "top-level key"));
                    break;
            }
        }

        if (errors.Count > 0)
            throw Fail(errors);
        return config with { Rules = ruleConfigs.ToImmutable() };
    }

    /// <summary><c>kustomize: { roots: [glob, ...] }</c>.</summary>
    private static ImmutableArray<string> ReadKustomize(YamlEntry entry, List<string> errors)
    {
        if (entry.Value is YamlScalar { IsNull: true })
            return [];
        if (entry.Value is not YamlMapping map)
        {
            errors.Add($"{entry.Value.Span}: 'kustomize' must be a mapping (roots:)");
            return [];
        }

        var roots = ImmutableArray<string>.Empty;
        foreach (var setting in map.Entries)
        {
            if (setting.Key.Text == "roots")
                roots = ReadGlobs(setting, errors);
            else
                errors.Add($"{setting.Key.Span}: unknown kustomize setting '{setting.Key.Text}' (roots)");
        }

        return roots;
    }

    private static void ReadRules(YamlEntry entry, IReadOnlyDictionary<string, Rule> rules, IReadOnlySet<string> reservedIds, ImmutableSortedDictionary<string, RuleConfig>.Builder result, List<string> errors)
    {
        if (entry.Value is YamlScalar { IsNull: true })
            return;
        if (entry.Value is not YamlMapping map)
        {
            errors.Add($"{entry.Value.Span}: 'rules' must be a mapping of rule id to settings");
            return;
        }

        foreach (var ruleEntry in map.Entries)
        {
            var id = ruleEntry.Key.Text;
            var isReserved = reservedIds.Contains(id);
            rules.TryGetValue(id, out var rule);
            if (rule is null && !isReserved)
            {
                var suggestions = RuleIdSuggestions.For(id, rules.Keys.Concat(reservedIds));
                var hint = suggestions.Count > 0 ? $"; did you mean '{suggestions[0]}'?" : "; `manifestlint rules` lists the ids";
                errors.Add($"{ruleEntry.Key.Span}: unknown rule '{id}'{hint}");
                continue;
            }

            bool? enabled = null;
            Severity? severity = null;
            object? options = null;
            if (ruleEntry.Value is YamlMapping settings)
            {
                foreach (var setting in settings.Entries)
                {
                    switch (setting.Key.Text)
                    {
                        case "enabled":
                            enabled = ReadBool(setting, errors);
                            if (enabled == false && isReserved)
                                errors.Add($"{setting.Key.Span}: '{id}' reports a problem with the input itself and cannot be disabled; exclude the file or lower its severity instead");
                            break;
                        case "severity":
                            severity = ReadChoice(setting, CliNames.Severities, errors) is { } s ? CliNames.ParseSeverity(s) : null;
                            break;
                        case "options":
                            options = BindOptions(id, rule, setting, errors);
                            break;
                        default:
                            errors.Add(UnknownKey(setting.Key, RuleKeys, $"setting of rule '{id}'"));
                            break;
                    }
                }
            }
            else if (ruleEntry.Value is not YamlScalar { IsNull: true })
            {
                errors.Add($"{ruleEntry.Value.Span}: the settings of rule '{id}' must be a mapping (enabled, severity, options)");
                continue;
            }

            result[id] = new RuleConfig(id, enabled, severity, options, ruleEntry.Key.Span);
        }
    }

    private static object? BindOptions(string id, Rule? rule, YamlEntry setting, List<string> errors)
    {
        if (setting.Value is YamlScalar { IsNull: true })
            return null;
        if (rule is null || rule.OptionsType is null)
        {
            errors.Add($"{setting.Key.Span}: rule '{id}' takes no options");
            return null;
        }

        if (setting.Value is not YamlMapping options)
        {
            errors.Add($"{setting.Value.Span}: the options of rule '{id}' must be a mapping");
            return null;
        }

        try
        {
            return rule.BindOptions(options);
        }
        catch (RuleOptionsException e)
        {
            errors.Add($"{options.Span}: invalid options for rule '{id}': {e.Message}");
            return null;
        }
    }

    /// <summary><c>charts: { path/to/chart: { values: [..], set: [..], setString: [..], releaseName, namespace, apiVersions: [..], helmVersion: 3|4|4.1|4.2 } }</c>; paths relative to the file.</summary>
    private static ImmutableArray<ChartConfig> ReadCharts(YamlEntry entry, string directory, List<string> errors)
    {
        if (entry.Value is YamlScalar { IsNull: true })
            return [];
        if (entry.Value is not YamlMapping charts)
        {
            errors.Add($"{entry.Value.Span}: charts must be a mapping from a chart folder to its settings");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ChartConfig>();
        foreach (var chart in charts.Entries)
        {
            var folder = Path.GetFullPath(Path.Combine(directory, chart.Key.Text));
            if (!File.Exists(Path.Combine(folder, "Chart.yaml")))
                errors.Add($"{chart.Key.Span}: no chart (Chart.yaml) at '{chart.Key.Text}'");
            if (chart.Value is not YamlMapping settings)
            {
                if (chart.Value is not YamlScalar { IsNull: true })
                    errors.Add($"{chart.Value.Span}: the settings of chart '{chart.Key.Text}' must be a mapping");
                continue;
            }

            ImmutableArray<string> values = [], set = [], setString = [], apiVersions = [];
            string? releaseName = null, ns = null;
            Helm.HelmLine? helmLine = null;
            foreach (var setting in settings.Entries)
            {
                switch (setting.Key.Text)
                {
                    case "values":
                        values = [.. ReadGlobs(setting, errors).Select(v => Path.GetFullPath(Path.Combine(directory, v)))];
                        foreach (var missing in values.Where(v => !File.Exists(v)))
                            errors.Add($"{setting.Value.Span}: values file not found: {missing}");

                        break;
                    case "set":
                        set = ReadGlobs(setting, errors);
                        break;
                    case "setString":
                        setString = ReadGlobs(setting, errors);
                        break;
                    case "releaseName":
                        releaseName = ReadString(setting, errors);
                        break;
                    case "namespace":
                        ns = ReadString(setting, errors);
                        break;
                    case "apiVersions":
                        apiVersions = ReadGlobs(setting, errors);
                        break;
                    case "helmVersion":
                        // A number or a string: 4.2 reads as a float in YAML, "4.2" as a string.
                        helmLine = setting.Value is YamlScalar { IsNull: false } version ? Helm.RenderOptions.ParseHelmLine(version.Text) : null;
                        if (helmLine is null)
                            errors.Add($"{setting.Value.Span}: helmVersion must be {Helm.RenderOptions.AcceptedHelmVersions}");
                        break;
                    default:
                        errors.Add(UnknownKey(setting.Key, ChartKeys, "chart setting"));
                        break;
                }
            }

            result.Add(new ChartConfig(folder, values, set, setString, releaseName, ns, apiVersions, helmLine));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<string> ReadGlobs(YamlEntry entry, List<string> errors)
    {
        if (entry.Value is YamlScalar { IsNull: true })
            return [];
        if (entry.Value is not YamlSequence seq)
        {
            errors.Add($"{entry.Value.Span}: '{entry.Key.Text}' must be a list of glob patterns");
            return [];
        }

        var globs = ImmutableArray.CreateBuilder<string>();
        foreach (var item in seq.Items)
        {
            if (item is YamlScalar { IsNull: false } s && !string.IsNullOrWhiteSpace(s.Text))
                globs.Add(s.Text.Trim());
            else
                errors.Add($"{item.Span}: each entry of '{entry.Key.Text}' must be a non-empty glob pattern");
        }

        return globs.ToImmutable();
    }

    private static string? ReadString(YamlEntry entry, List<string> errors)
    {
        if (entry.Value is YamlScalar { IsNull: false, Kind: ScalarKind.String } s && !string.IsNullOrWhiteSpace(s.Text))
            return s.Text.Trim();
        errors.Add($"{entry.Value.Span}: '{entry.Key.Text}' must be a non-empty string");
        return null;
    }

    /// <summary><c>podTemplates:</c> maps a kind (<c>Kind</c> or <c>group/Kind</c>) to the dotted path of its pod template.</summary>
    private static ImmutableSortedDictionary<string, string> ReadPodTemplates(YamlEntry entry, List<string> errors)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (entry.Value is not YamlMapping map)
        {
            errors.Add($"{entry.Value.Span}: 'podTemplates' must be a mapping of kind to the path of its pod template (MyApp: spec.template)");
            return result.ToImmutable();
        }

        foreach (var item in map.Entries)
        {
            if (item.Value is YamlScalar { IsNull: false, Kind: ScalarKind.String } path && path.Text.Trim() is { Length: > 0 } text
                && text.Split('.').All(k => k.Length > 0))
                result[item.Key.Text] = text;
            else
                errors.Add($"{item.Value.Span}: the pod template path of '{item.Key.Text}' must be dotted keys such as spec.template");
        }

        return result.ToImmutable();
    }

    private static bool? ReadBool(YamlEntry entry, List<string> errors)
    {
        if (entry.Value is YamlScalar s && s.AsBool() is { } b)
            return b;
        errors.Add($"{entry.Value.Span}: '{entry.Key.Text}' must be true or false");
        return null;
    }

    private static string? ReadChoice(YamlEntry entry, string[] allowed, List<string> errors)
    {
        if (entry.Value is YamlScalar { IsNull: false } s && allowed.Contains(s.Text, StringComparer.Ordinal))
            return s.Text;
        var got = entry.Value is YamlScalar { IsNull: false } v ? $" (got '{v.Text}')" : string.Empty;
        errors.Add($"{entry.Value.Span}: '{entry.Key.Text}' must be one of {string.Join(", ", allowed)}{got}");
        return null;
    }

    private static string UnknownKey(YamlScalar key, string[] allowed, string what)
    {
        var suggestions = RuleIdSuggestions.For(key.Text, allowed, max: 1);
        var hint = suggestions.Count > 0 ? $"; did you mean '{suggestions[0]}'?" : string.Empty;
        return $"{key.Span}: unknown {what} '{key.Text}'{hint} (allowed: {string.Join(", ", allowed)})";
    }

    private static UsageException Fail(IEnumerable<string> errors) =>
        new("invalid configuration:\n" + string.Join('\n', errors.Select(e => "  " + e)));
}

using System.CommandLine;
using System.Text;
using ManifestLint.Cli;
using ManifestLint.Core.Policy;
using ManifestLint.Core.Rules;

namespace ManifestLint.Commands;

/// <summary><c>manifestlint explain &lt;id&gt;</c>: everything about one rule, from its metadata.</summary>
internal static class ExplainCommand
{
    public static readonly Argument<string> Id = new("rule-id")
    {
        Description = "The rule id, as printed in findings (e.g. privileged-container).",
    };

    public static readonly Option<string[]> Crd = new("--crd")
    {
        Description = "With crd-schema-violation: CustomResourceDefinition files whose x-kubernetes-validations (CEL) rules are listed as not evaluated (repeatable).",
        HelpName = "path",
    };

    public static Command GetCommand(CliEnvironment environment, RuleCatalog catalog)
    {
        var command = new Command("explain", "Explain a rule: why it matters, how to fix it, how to suppress it.")
        {
            Id,
            Crd,
        };
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetValue(Id)!.Trim();
            return CommandGuard.Run(environment, () =>
            {
                var info = catalog.Find(id) ?? throw new UsageException(catalog.UnknownRuleMessage(id));
                environment.Out.Write(Render(info, catalog.RulesById.GetValueOrDefault(id), catalog.ReservedIds.Contains(id)));
                if (info.Id == "crd-schema-violation")
                    environment.Out.Write(CelRules(parseResult.GetValue(Crd) ?? [], environment));
                environment.Out.Flush();
                return ExitCodes.Success;
            });
        });
        return command;
    }

    public static string Render(RuleInfo info, Rule? rule, bool reserved)
    {
        var sb = new StringBuilder();
        sb.Append(info.Id).Append(": ").Append(info.Summary).Append("\n\n");
        sb.Append("  severity:  ").Append(CliNames.Of(info.Severity)).Append('\n');
        sb.Append("  category:  ").Append(CliNames.Of(info.Category)).Append('\n');
        sb.Append("  default:   ").Append(reserved ? "always on (a problem with the input)" : info.EnabledByDefault ? "on" : "off (turn on with --enable or the config file)").Append('\n');
        sb.Append("  since:     ").Append(info.Since).Append('\n');
        if (rule?.OptionsType is not null)
            sb.Append("  options:   yes (rules.").Append(info.Id).Append(".options in .manifestlint.yaml; see the doc)\n");
        sb.Append("  doc:       ").Append(info.HelpUri).Append("\n\n");

        Section(sb, "Why", info.Rationale);
        Section(sb, "How to fix", info.Remediation);
        if (!info.References.IsDefaultOrEmpty)
        {
            sb.Append("References\n");
            foreach (var reference in info.References)
                sb.Append("  - ").Append(reference.Title).Append(": ").Append(reference.Url).Append('\n');
            sb.Append('\n');
        }

        if (info.Id is "suppression-without-reason" or "suppression-unknown-rule" || info.Category == Category.Input)
        {
            sb.Append("Suppress\n  Problems with the input and with suppression annotations cannot be suppressed; fix the file or exclude it\n  (--exclude or exclude: in .manifestlint.yaml). The severity can be changed in .manifestlint.yaml.\n");
            return sb.ToString();
        }

        sb.Append("Suppress\n");
        sb.Append("  On one resource, with the reason (required; an empty reason suppresses nothing):\n\n");
        sb.Append("    metadata:\n      annotations:\n        ");
        sb.Append(SuppressionPolicy.AnnotationPrefix).Append(info.Id).Append(": \"<why this does not apply>\"\n\n");
        if (info.Category == Category.Admission)
        {
            sb.Append("  Everywhere: remove the policy's binding, or lower the severity in .manifestlint.yaml:\n\n");
            sb.Append("    rules:\n      ").Append(info.Id).Append(":\n        severity: note\n");
            return sb.ToString();
        }

        sb.Append("  Everywhere: `--disable ").Append(info.Id).Append("`, or in .manifestlint.yaml:\n\n");
        sb.Append("    rules:\n      ").Append(info.Id).Append(":\n        enabled: false\n");
        return sb.ToString();
    }

    /// <summary>The CEL rules of the given CRD files, each listed as not evaluated (ManifestLint has no CEL engine).</summary>
    internal static string CelRules(IReadOnlyList<string> paths, CliEnvironment environment)
    {
        var sb = new StringBuilder("\nCEL validation rules (x-kubernetes-validations)\n");
        if (paths.Count == 0)
            return sb.Append("  Not evaluated. Give --crd FILE to list the rules of a CustomResourceDefinition.\n").ToString();
        var documents = new List<Core.Yaml.YamlMapping>();
        foreach (var path in paths)
        {
            var full = environment.FullPath(path);
            if (!File.Exists(full))
                throw new UsageException($"--crd file not found: {path}");
            var load = Core.Yaml.YamlLoader.Load(new Core.Text.SourceFile(path, File.ReadAllText(full)));
            documents.AddRange(load.Documents.Select(d => d.Root).OfType<Core.Yaml.YamlMapping>());
        }

        var count = 0;
        foreach (var crd in Schemas.CrdIndex.Build(documents).Definitions.OrderBy(d => d.Group, StringComparer.Ordinal).ThenBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Version, StringComparer.Ordinal))
        {
            foreach (var rule in crd.CelRules)
            {
                count++;
                sb.Append("  not evaluated: ").Append(crd.Kind).Append('.').Append(crd.Group).Append('/').Append(crd.Version).Append(" at ")
                  .Append(rule.Rule.Span.Path).Append(':').Append(rule.Rule.Span.StartLine).Append(": ").Append(rule.Rule.Text);
                if (rule.Message is { } message)
                    sb.Append(" (").Append(message).Append(')');
                sb.Append('\n');
            }
        }

        if (count == 0)
            sb.Append("  none in the given files\n");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, string text)
    {
        sb.Append(title).Append('\n');
        foreach (var line in text.Trim().Split('\n'))
            sb.Append(line.Length == 0 ? string.Empty : "  " + line.TrimEnd('\r')).Append('\n');
        sb.Append('\n');
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ManifestLint.Cli;
using ManifestLint.Core.Rules;

namespace ManifestLint.Commands;

/// <summary><c>manifestlint rules</c>: the table of rules; <c>rules docs</c> writes their documentation.</summary>
internal static class RulesCommand
{
    public static readonly Option<string> Format = new Option<string>("--format", "-f")
    {
        Description = "Table format.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json|markdown",
    }.AcceptOnlyFromAmong("text", "json", "markdown");

    public static Command GetCommand(CliEnvironment environment, RuleCatalog catalog)
    {
        var command = new Command("rules", "List the rules: id, severity, category, whether on by default, summary.")
        {
            Format,
            RulesDocsCommand.GetCommand(environment, catalog),
        };
        command.SetAction(parseResult =>
        {
            var format = parseResult.GetValue(Format);
            return CommandGuard.Run(environment, () =>
            {
                environment.Out.Write(format switch
                {
                    "json" => Json(catalog),
                    "markdown" => Markdown(catalog),
                    _ => Table(catalog),
                });
                environment.Out.Flush();
                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>A plain-text table; input and suppression problems follow the rules, marked "always".</summary>
    public static string Table(RuleCatalog catalog)
    {
        var rows = new List<string[]> { new[] { "ID", "SEVERITY", "CATEGORY", "DEFAULT", "SUMMARY" } };
        rows.AddRange(catalog.Rules.Select(r => Row(r.Info, r.Info.EnabledByDefault ? "on" : "off")));
        rows.AddRange(catalog.Reserved.Select(r => Row(r, "always")));
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < 4; c++)
                sb.Append(row[c].PadRight(widths[c])).Append("  ");
            sb.Append(row[4]).Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"\n{catalog.Rules.Length} rules ({catalog.Rules.Count(r => r.Info.EnabledByDefault)} on by default), {catalog.Reserved.Length} input and suppression checks. `manifestlint explain <id>` shows one in full.\n");
        return sb.ToString();
    }

    /// <summary>
    /// The table as GitHub-flavoured markdown for docs sites: each id links to its doc page, pipes in text are
    /// escaped, and input and suppression checks follow, marked "always".
    /// </summary>
    public static string Markdown(RuleCatalog catalog)
    {
        var sb = new StringBuilder("| Rule | Severity | Category | Default | Summary |\n| --- | --- | --- | --- | --- |\n");
        foreach (var (info, enabled) in catalog.Rules.Select(r => (r.Info, r.Info.EnabledByDefault ? "on" : "off")).Concat(catalog.Reserved.Select(r => (r, "always"))))
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| [`{info.Id}`]({info.HelpUri}) | {CliNames.Of(info.Severity)} | {CliNames.Of(info.Category)} | {enabled} | {info.Summary.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\n{catalog.Rules.Length} rules ({catalog.Rules.Count(r => r.Info.EnabledByDefault)} on by default), {catalog.Reserved.Length} input and suppression checks.\n");
        return sb.ToString();
    }

    /// <summary>The table as JSON: <c>{"rules":[{id, summary, severity, category, enabledByDefault, reserved, since, helpUri}]}</c>.</summary>
    public static string Json(RuleCatalog catalog)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteStartArray("rules");
            foreach (var rule in catalog.Rules)
                WriteRule(w, rule.Info, reserved: false);
            foreach (var info in catalog.Reserved)
                WriteRule(w, info, reserved: true);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string[] Row(RuleInfo info, string enabled) =>
        [info.Id, CliNames.Of(info.Severity), CliNames.Of(info.Category), enabled, info.Summary];

    private static void WriteRule(Utf8JsonWriter w, RuleInfo info, bool reserved)
    {
        w.WriteStartObject();
        w.WriteString("id", info.Id);
        w.WriteString("summary", info.Summary);
        w.WriteString("severity", CliNames.Of(info.Severity));
        w.WriteString("category", CliNames.Of(info.Category));
        w.WriteBoolean("enabledByDefault", reserved || info.EnabledByDefault);
        w.WriteBoolean("reserved", reserved);
        w.WriteString("since", info.Since);
        w.WriteString("helpUri", info.HelpUri);
        w.WriteEndObject();
    }
}

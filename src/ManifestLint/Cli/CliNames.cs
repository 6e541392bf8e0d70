using ManifestLint.Core.Rules;

namespace ManifestLint.Cli;

/// <summary>The spellings of enum values on the command line and in the configuration file (lowercase, stable).</summary>
public static class CliNames
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github"];

    public static readonly string[] FailOnLevels = ["error", "warning", "note", "none"];

    public static readonly string[] Severities = ["error", "warning", "note"];

    public static string Of(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A category as users read it: <c>PodSecurity</c> → <c>pod-security</c>.</summary>
    public static string Of(Category category)
    {
        var name = category.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    public static Severity? ParseSeverity(string text) => text switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "note" => Severity.Note,
        _ => null,
    };

    public static FailOn? ParseFailOn(string text) => text switch
    {
        "error" => FailOn.Error,
        "warning" => FailOn.Warning,
        "note" => FailOn.Note,
        "none" => FailOn.None,
        _ => null,
    };
}

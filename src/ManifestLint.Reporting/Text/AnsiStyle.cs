namespace ManifestLint.Reporting.Text;

/// <summary>ANSI SGR sequences; every method returns the text unchanged when colour is off.</summary>
internal sealed class AnsiStyle(bool enabled)
{
    private const string Reset = "\u001b[0m";

    public string Bold(string text) => Wrap("\u001b[1m", text);

    public string Dim(string text) => Wrap("\u001b[2m", text);

    public string Gutter(string text) => Wrap("\u001b[1;34m", text);

    public string Fix(string text) => Wrap("\u001b[1;32m", text);

    public string Severity(Core.Rules.Severity severity, string text) => severity switch
    {
        Core.Rules.Severity.Error => Wrap("\u001b[1;31m", text),
        Core.Rules.Severity.Warning => Wrap("\u001b[1;33m", text),
        _ => Wrap("\u001b[1;36m", text),
    };

    private string Wrap(string code, string text) => enabled && text.Length > 0 ? code + text + Reset : text;
}

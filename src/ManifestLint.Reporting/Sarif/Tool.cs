namespace ManifestLint.Reporting.Sarif;

public sealed record Tool(ToolComponent Driver);

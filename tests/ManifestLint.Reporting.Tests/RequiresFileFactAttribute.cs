namespace ManifestLint.Reporting.Tests;

/// <summary>
/// A fact that is skipped, with the reason shown in the test output, when a file from the shared folder beside the
/// repository (the SARIF schema, the validator script) is not there — as in a checkout without <c>../shared</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresFileFactAttribute : FactAttribute
{
    public RequiresFileFactAttribute(string what)
    {
        var path = what switch
        {
            "sarif-schema" => RepositoryFiles.SarifSchema,
            "sarif-validate" => RepositoryFiles.SarifValidate,
            _ => null,
        };
        if (path is null)
            Skip = $"Skipped: {what} not found under ../shared beside the repository root ({RepositoryFiles.Root ?? "repository root not found"}).";
        else if (what == "sarif-validate" && !SarifValidateUsable())
            Skip = "Skipped: sarif-validate needs npm (to install the SARIF Multitool) or an installed multitool; neither was found.";
    }

    private static bool SarifValidateUsable()
    {
        var home = Environment.GetEnvironmentVariable("SARIF_MULTITOOL_HOME")
            ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "sarif-multitool");
        if (File.Exists(Path.Combine(home, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")))
            return true;
        var pathVariable = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "npm")));
    }
}

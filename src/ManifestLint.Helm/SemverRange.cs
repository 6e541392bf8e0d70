using ManifestLint.Templates;
using ManifestLint.Templates.Functions.Sprig;
using ManifestLint.Templates.Values;

namespace ManifestLint.Helm;

/// <summary>
/// chartutil.IsCompatibleRange: does a version satisfy a Masterminds/semver constraint? Answered by Sprig's
/// <c>semverCompare</c>, which is the same library Helm calls; an invalid constraint or version is "no".
/// </summary>
internal sealed class SemverRange
{
    private const string Entry = "check";
    private readonly TemplateSet _set = TemplateSet.Parse([(Entry, "{{ semverCompare .C .V }}")], new TemplateOptions { FunctionMaps = [SprigFunctions.Create()] });

    public bool IsCompatible(string constraint, string version)
    {
        var data = new GoMap();
        data.Set("C", constraint);
        data.Set("V", version);
        try
        {
            return _set.Execute(Entry, data).Text == "true";
        }
        catch (TemplateException)
        {
            return false;
        }
    }
}

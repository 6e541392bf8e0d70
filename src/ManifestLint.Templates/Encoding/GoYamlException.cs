namespace ManifestLint.Templates.Encoding;

/// <summary>
/// A YAML or JSON text could not be decoded. The message is worded as Helm (sigs.k8s.io/yaml over
/// gopkg.in/yaml.v2) words it, e.g. <c>error converting YAML to JSON: yaml: line 2: did not find expected key</c>.
/// </summary>
public sealed class GoYamlException : Exception
{
    public GoYamlException(string message)
        : base(message)
    {
    }

    public GoYamlException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GoYamlException()
    {
    }

    /// <summary>1-based line of the problem in the source text, when known.</summary>
    public int? Line { get; init; }
}

namespace ManifestLint.Core.Rules;

/// <summary>
/// A check. Rules are stateless: <see cref="Check"/> reads the graph through the context and yields
/// findings made with <see cref="RuleContext.Report(Model.Resource, Yaml.YamlNode, string, RelatedLocation[])"/>.
/// </summary>
public abstract class Rule
{
    public abstract RuleInfo Info { get; }

    /// <summary>The rule's options type, or null for rules without parameters.</summary>
    public virtual Type? OptionsType => null;

    /// <summary>Options used when the configuration sets none.</summary>
    public virtual object? DefaultOptions => null;

    /// <summary>Reads options from the configuration file's <c>rules.&lt;id&gt;.options</c> mapping; throws <see cref="RuleOptionsException"/> on bad input.</summary>
    public virtual object? BindOptions(Yaml.YamlMapping options) =>
        throw new RuleOptionsException($"Rule '{Info.Id}' takes no options");

    public abstract IEnumerable<Finding> Check(RuleContext context);
}

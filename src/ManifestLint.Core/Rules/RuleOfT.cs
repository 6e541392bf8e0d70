namespace ManifestLint.Core.Rules;

/// <summary>A rule with typed parameters.</summary>
public abstract class Rule<TOptions> : Rule
    where TOptions : class
{
    public override Type? OptionsType => typeof(TOptions);

    public override object? DefaultOptions => Defaults;

    /// <summary>The options used when the configuration sets none.</summary>
    protected abstract TOptions Defaults { get; }

    public override object? BindOptions(Yaml.YamlMapping options) => Bind(options);

    /// <summary>Reads the options from configuration, starting from <see cref="Defaults"/>.</summary>
    protected abstract TOptions Bind(Yaml.YamlMapping options);

    /// <summary>The options in force for this run.</summary>
    protected static TOptions OptionsOf(RuleContext context) => (TOptions)context.Options!;
}

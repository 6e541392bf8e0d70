namespace ManifestLint.Rules.ControlPlane;

/// <summary>What a control requires of one setting's value.</summary>
public enum Expectation
{
    /// <summary>The value equals the expected one (case-insensitive, as Go parses booleans).</summary>
    MustEqual,

    /// <summary>The value is unset or differs from the given one.</summary>
    MustNotEqual,

    /// <summary>The setting has a non-empty value.</summary>
    MustBeSet,

    /// <summary>The setting is absent or empty.</summary>
    MustNotBeSet,

    /// <summary>The comma-separated value lists the item.</summary>
    MustContain,

    /// <summary>The comma-separated value does not list the item.</summary>
    MustNotContain,

    /// <summary>The value is an integer at least the given one.</summary>
    AtLeast,
}

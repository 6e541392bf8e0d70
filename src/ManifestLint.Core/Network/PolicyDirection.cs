namespace ManifestLint.Core.Network;

/// <summary>The two policy types of a NetworkPolicy.</summary>
public enum PolicyDirection
{
    Ingress,
    Egress,
}

namespace ManifestLint.Core.Model.Views;

public enum ContainerKind
{
    Container,
    InitContainer,
    EphemeralContainer,
}

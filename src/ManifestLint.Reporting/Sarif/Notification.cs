using System.Collections.Immutable;

namespace ManifestLint.Reporting.Sarif;

/// <summary>A message about the run itself: an input problem, or a warning that the log exceeds code scanning's limits.</summary>
public sealed record Notification(
    string Level,
    Message Message,
    ImmutableArray<Location> Locations,
    ReportingDescriptorReference? AssociatedRule);

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ManifestLint.Reporting.Sarif;

/// <summary>How the run went. Input problems (unparseable YAML, charts that do not render) are tool execution notifications as well as results.</summary>
public sealed record Invocation(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool ExecutionSuccessful,
    ImmutableArray<Notification> ToolExecutionNotifications);

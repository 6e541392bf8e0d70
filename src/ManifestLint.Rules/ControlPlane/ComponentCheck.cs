using System.Collections.Immutable;
using ManifestLint.Core.Model.ControlPlane;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.ControlPlane;

/// <summary>
/// One CIS control judged from configuration files: its metadata and the conditions on the component's
/// settings. Instances live in <see cref="ControlPlaneChecks"/>; <see cref="ComponentCheckRule"/> runs them.
/// </summary>
/// <param name="Cis">The CIS Kubernetes Benchmark control (e.g. <c>1.2.1</c>).</param>
/// <param name="KubeBench">What kube-bench checks on a live node for the same control.</param>
public sealed record ComponentCheck(
    string Id,
    ComponentKind Component,
    string Summary,
    Severity Severity,
    double SecuritySeverity,
    string Cis,
    string Rationale,
    string Remediation,
    string KubeBench,
    ImmutableArray<SettingCondition> Conditions);

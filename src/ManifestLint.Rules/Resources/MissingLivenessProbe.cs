using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Resources;

public sealed class MissingLivenessProbe : ProbeRequirements
{
    public override RuleInfo Info { get; } = new(
        Id: "missing-liveness-probe",
        Summary: "Long-running containers should define a liveness probe",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            A liveness probe lets the kubelet notice a container that is still running but no longer doing
            its work (a deadlock, an exhausted connection pool, a wedged event loop) and restart it. Without
            one, such a container stays in service until a human notices.

            The rule checks the regular containers of long-running workloads: Deployments, StatefulSets,
            DaemonSets, ReplicaSets, Argo Rollouts and Pods that restart. It does not apply to Jobs, CronJobs
            or Pods with `restartPolicy: Never` or `OnFailure`, which are meant to finish; nor to init
            containers, which run to completion before the pod starts (native sidecars, init containers with
            `restartPolicy: Always`, may have probes but are not required to); nor to ephemeral debugging
            containers, which cannot have probes. A startup probe does not replace a liveness probe: it only delays it.
            Keep the probe cheap and local (it must not fail because a dependency is down, or every replica
            restarts at once).
            """,
        Remediation: "Add a `livenessProbe` (an `httpGet`, `tcpSocket`, `grpc` or `exec` check of the process itself) to the container.",
        References:
        [
            new("Kubernetes: Configure liveness, readiness and startup probes", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"),
            new("Kubernetes: Container probes", "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes"),
        ],
        SecuritySeverity: 2.0,
        PeerChecks:
        [
            PeerCheck.Score("pod-probes"),
            PeerCheck.Fairwinds("livenessProbeMissing"),
            PeerCheck.Linter("no-liveness-probe"),
            PeerCheck.Ckv("CKV_K8S_8"),
        ]);

    protected override string ProbeName => "livenessProbe";
}

using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Resources;

public sealed class MissingReadinessProbe : ProbeRequirements
{
    public override RuleInfo Info { get; } = new(
        Id: "missing-readiness-probe",
        Summary: "Long-running containers should define a readiness probe",
        Category: Category.Resources,
        Severity: Severity.Warning,
        EnabledByDefault: true,
        Since: "0.1.0",
        Rationale: """
            Without a readiness probe a pod counts as ready as soon as its containers start, so Services send
            it traffic before it can answer, and a rolling update moves on to the next replica while the new
            one is still warming up; requests fail during every deploy. A readiness probe also takes a pod
            out of rotation while it is temporarily overloaded, without restarting it.

            The rule checks the regular containers of long-running workloads: Deployments, StatefulSets,
            DaemonSets, ReplicaSets, Argo Rollouts and Pods that restart. It does not apply to Jobs, CronJobs
            or Pods with `restartPolicy: Never` or `OnFailure`, which are meant to finish; nor to init
            containers, which run to completion before the pod starts (native sidecars, init containers with
            `restartPolicy: Always`, may have probes but are not required to); nor to ephemeral debugging
            containers, which cannot have probes.
            """,
        Remediation: "Add a `readinessProbe` that succeeds only when the container can serve requests.",
        References:
        [
            new("Kubernetes: Configure liveness, readiness and startup probes", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"),
            new("Kubernetes: Container probes", "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes"),
        ],
        SecuritySeverity: 2.0,
        PeerChecks:
        [
            PeerCheck.Fairwinds("readinessProbeMissing"),
            PeerCheck.Linter("no-readiness-probe"),
            PeerCheck.Ckv("CKV_K8S_9"),
        ]);

    protected override string ProbeName => "readinessProbe";
}

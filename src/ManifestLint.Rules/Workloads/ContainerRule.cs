using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Workloads;

/// <summary>
/// A rule that judges each container of each pod template: a rule is its metadata and
/// <see cref="CheckContainer"/> (a predicate and a message), with <see cref="CheckPodLevel"/> for the
/// pod-level field the containers inherit.
/// </summary>
public abstract class ContainerRule : PodTemplateRule
{
    protected sealed override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        // Runs for every pod and every container rule: the common pod (one judged container, no pod-level check) gets
        // the container's own findings with no enumerator around them.
        var podLevel = CheckPodLevel(context, pod);
        ContainerView? single = null;
        var judged = 0;
        foreach (var container in pod.AllContainers)
        {
            if (Judges(container))
            {
                single = container;
                judged++;
            }
        }

        if (podLevel is ICollection<Finding> { Count: 0 })
            return judged switch { 0 => [], 1 => CheckContainer(context, single!), _ => CheckContainers(context, pod) };
        return CheckAll(context, pod, podLevel);
    }

    private IEnumerable<Finding> CheckAll(RuleContext context, PodTemplateView pod, IEnumerable<Finding> podLevel)
    {
        foreach (var finding in podLevel)
            yield return finding;
        foreach (var finding in CheckContainers(context, pod))
            yield return finding;
    }

    private IEnumerable<Finding> CheckContainers(RuleContext context, PodTemplateView pod)
    {
        foreach (var container in pod.AllContainers)
        {
            if (!Judges(container))
                continue;
            foreach (var finding in CheckContainer(context, container))
                yield return finding;
        }
    }

    /// <summary>Whether the rule judges <paramref name="container"/>: all containers (regular, init, ephemeral) unless the rule says otherwise.</summary>
    protected virtual bool Judges(ContainerView container) => true;

    /// <summary>Findings on the pod's own fields, reported before its containers'.</summary>
    protected virtual IEnumerable<Finding> CheckPodLevel(RuleContext context, PodTemplateView pod) => [];

    protected abstract IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container);

    /// <summary>A finding about <paramref name="container"/>, on the workload that owns it.</summary>
    protected static Finding Report(RuleContext context, ContainerView container, YamlNode node, string message) =>
        context.Report(container.Pod.Owner, node, message);
}

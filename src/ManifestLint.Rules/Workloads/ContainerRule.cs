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
        foreach (var finding in CheckPodLevel(context, pod))
            yield return finding;
        foreach (var container in Containers(pod))
        {
            foreach (var finding in CheckContainer(context, container))
                yield return finding;
        }
    }

    /// <summary>The containers judged: all of them (regular, init, ephemeral) unless the rule says otherwise.</summary>
    protected virtual IEnumerable<ContainerView> Containers(PodTemplateView pod) => pod.AllContainers;

    /// <summary>Findings on the pod's own fields, reported before its containers'.</summary>
    protected virtual IEnumerable<Finding> CheckPodLevel(RuleContext context, PodTemplateView pod) => [];

    protected abstract IEnumerable<Finding> CheckContainer(RuleContext context, ContainerView container);

    /// <summary>A finding about <paramref name="container"/>, on the workload that owns it.</summary>
    protected static Finding Report(RuleContext context, ContainerView container, YamlNode node, string message) =>
        context.Report(container.Pod.Owner, node, message);
}

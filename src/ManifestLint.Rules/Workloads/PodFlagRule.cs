using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Workloads;

/// <summary>A rule that reports a pod-spec boolean set to true (<c>hostPID</c>, <c>hostIPC</c>, ...), at the value.</summary>
public abstract class PodFlagRule : PodTemplateRule
{
    /// <summary>The field of the pod spec.</summary>
    protected abstract string Field { get; }

    protected abstract string Message(PodTemplateView pod);

    protected sealed override IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod)
    {
        if (pod.Spec.GetScalar(Field) is { IsTrue: true } flag)
            yield return context.Report(pod.Owner, flag, Message(pod));
    }
}

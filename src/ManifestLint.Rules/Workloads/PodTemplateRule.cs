using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Rules;

namespace ManifestLint.Rules.Workloads;

/// <summary>
/// A rule that judges each pod template on its own (every workload kind the graph reads a template
/// from): the walk, cancellation and the Windows filter live here, so a rule is its metadata and
/// <see cref="CheckPod"/>.
/// </summary>
public abstract class PodTemplateRule : Rule
{
    /// <summary>False for rules about Linux kernel features, which Windows pods (<c>spec.os.name: windows</c>) do not have.</summary>
    protected virtual bool AppliesToWindows => true;

    public sealed override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var pod in context.Graph.PodTemplates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!AppliesToWindows && pod.IsWindows)
                continue;
            if (!AppliesTo(pod))
                continue;
            foreach (var finding in CheckPod(context, pod))
                yield return finding;
        }
    }

    /// <summary>Whether the rule judges <paramref name="pod"/> at all (e.g. only long-running workloads).</summary>
    protected virtual bool AppliesTo(PodTemplateView pod) => true;

    protected abstract IEnumerable<Finding> CheckPod(RuleContext context, PodTemplateView pod);
}

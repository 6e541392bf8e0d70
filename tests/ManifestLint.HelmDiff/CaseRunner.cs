namespace ManifestLint.HelmDiff;

/// <summary>The outcome of one case.</summary>
internal enum CaseVerdict
{
    /// <summary>Every document identical, equal as YAML, or equal but for random values.</summary>
    Same,

    /// <summary>Helm fails and so do we, with the same error text.</summary>
    SameError,

    /// <summary>At least one document differs (or is only on one side).</summary>
    Different,

    /// <summary>Helm renders, we fail.</summary>
    OursFails,

    /// <summary>Helm fails, we render.</summary>
    HelmFails,

    /// <summary>Both fail, with different error texts.</summary>
    ErrorDiffers,
}

internal sealed record CaseResult(DiffCase Case, RenderResult Helm, RenderResult Ours, bool RanHelmTwice, IReadOnlyList<DocumentComparison> Documents, CaseVerdict Verdict)
{
    public int Count(DocumentVerdict v) => Documents.Count(d => d.Verdict == v);

    public bool Passed => Verdict is CaseVerdict.Same or CaseVerdict.SameError;
}

/// <summary>
/// Runs one case: helm once and ours (at the same time), then compares. Helm runs a second time only when a document of
/// ours is neither byte- nor YAML-equal to Helm's first output: values that differ between Helm's two runs are the random ones
/// (and, as the second run starts in a later second, those made from the clock at a one-second or finer grain).
/// </summary>
internal static class CaseRunner
{
    public static async Task<CaseResult> RunAsync(DiffCase c, Renderers renderers)
    {
        var helmTask = renderers.HelmAsync(c);
        var ours = await renderers.OursAsync(c).ConfigureAwait(false);
        var helm = await helmTask.ConfigureAwait(false);
        var helmDone = DateTime.UtcNow;

        if (!helm.Ok)
        {
            var verdict = ours.Ok ? CaseVerdict.HelmFails : helm.ErrorText == ours.ErrorText ? CaseVerdict.SameError : CaseVerdict.ErrorDiffers;
            return new CaseResult(c, helm, ours, false, [], verdict);
        }

        if (!ours.Ok)
            return new CaseResult(c, helm, ours, false, [], CaseVerdict.OursFails);

        var second = new Lazy<Dictionary<string, string>?>(() =>
        {
            // Values made from the clock (now | date …, e.g. a base64 password timestamp) count as random only when the
            // two helm runs fall in different seconds: start the second run after the second the first one ended in.
            var nextSecond = new DateTime(helmDone.Ticks - (helmDone.Ticks % TimeSpan.TicksPerSecond) + TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            var wait = nextSecond - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
                Thread.Sleep(wait);
            var again = renderers.HelmAsync(c).GetAwaiter().GetResult();
            return again.Ok ? RenderedDocument.Split(again.Out).ToDictionary(d => d.Key, d => d.Text, StringComparer.Ordinal) : null;
        });

        var theirs = RenderedDocument.Split(helm.Out);
        var mine = RenderedDocument.Split(ours.Out).ToDictionary(d => d.Key, d => d.Text, StringComparer.Ordinal);
        var docs = new List<DocumentComparison>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in theirs)
        {
            seen.Add(d.Key);
            if (!mine.TryGetValue(d.Key, out var text))
            {
                docs.Add(new DocumentComparison(d.Key, DocumentVerdict.Different, "missing in ours\n" + DocumentComparer.LineDiff(d.Text, string.Empty)));
                continue;
            }

            docs.Add(DocumentComparer.Compare(d.Key, d.Text, text, () => second.Value is { } s && s.TryGetValue(d.Key, out var t) ? t : null));
        }

        foreach (var d in RenderedDocument.Split(ours.Out).Where(d => !seen.Contains(d.Key)))
            docs.Add(new DocumentComparison(d.Key, DocumentVerdict.Different, "only in ours\n" + DocumentComparer.LineDiff(string.Empty, d.Text)));

        // Helm's document order is part of its output: the same documents in another order is a difference too.
        var order = theirs.Select(d => d.Key).Where(mine.ContainsKey).ToList();
        var ourOrder = RenderedDocument.Split(ours.Out).Select(d => d.Key).Where(seen.Contains).ToList();
        if (!order.SequenceEqual(ourOrder, StringComparer.Ordinal))
        {
            var at = order.Zip(ourOrder).TakeWhile(p => p.First == p.Second).Count();
            docs.Add(new DocumentComparison("(document order)", DocumentVerdict.Different, $"document {at + 1}: helm has {order[at]}, ours {ourOrder[at]}"));
        }

        var result = docs.Exists(d => d.Verdict == DocumentVerdict.Different) ? CaseVerdict.Different : CaseVerdict.Same;
        return new CaseResult(c, helm, ours, second.IsValueCreated, docs, result);
    }
}

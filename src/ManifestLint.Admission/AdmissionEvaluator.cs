using System.Collections.Immutable;
using ManifestLint.Admission.Cel;
using ManifestLint.Admission.Matching;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rbac;
using ManifestLint.Core.Rules;
using ManifestLint.Core.Selectors;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Admission;

/// <summary>
/// Runs the ValidatingAdmissionPolicies and bindings of the input (and of <c>--policy</c> files) against every
/// object as the API server would on CREATE, and reports each denial as an <c>admission-policy</c> finding.
/// </summary>
public static class AdmissionEvaluator
{
    public const string Group = "admissionregistration.k8s.io";

    public static bool IsPolicyObject(Resource r) =>
        r.Group == Group && r.Kind is "ValidatingAdmissionPolicy" or "ValidatingAdmissionPolicyBinding";

    /// <param name="objects">The linted resources (policies and bindings among them are used too).</param>
    /// <param name="policySources">Resources read from policy-only files.</param>
    /// <param name="sourceText">The text of a repository-relative file, for expression columns; null when unknown.</param>
    public static ImmutableArray<Finding> Evaluate(
        ImmutableArray<Resource> objects,
        ImmutableArray<Resource> policySources,
        AdmissionOptions options,
        RbacIndex? rbac,
        Func<string, string?> sourceText,
        CancellationToken cancellationToken = default)
    {
        var all = objects.AddRange(policySources);
        var policies = all.Where(r => r.Group == Group && r.Kind == "ValidatingAdmissionPolicy")
            .Select(r => new CompiledPolicy(r)).ToArray();
        if (policies.Length == 0)
            return [];
        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var p in policies)
        {
            foreach (var (node, offset, message) in p.CompileErrors)
            {
                findings.Add(new Finding(AdmissionProblems.AdmissionPolicy.Id, Severity.Error,
                    $"ValidatingAdmissionPolicy '{p.Name}': expression does not compile: {message}",
                    ExpressionSpan.Of(node, offset, sourceText), p.Resource, node.Path, []));
            }
        }

        var byName = policies.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var bindings = all.Where(r => r.Group == Group && r.Kind == "ValidatingAdmissionPolicyBinding")
            .Select(b => (Binding: b, Policy: b.Root.GetMapping("spec")?.GetString("policyName")))
            .Where(b => b.Policy is not null && byName.ContainsKey(b.Policy))
            .Select(b => new BoundPolicy(byName[b.Policy!], b.Binding))
            .ToList();
        if (options.ApplyUnbound)
        {
            var bound = bindings.Select(b => b.Policy.Name).ToHashSet(StringComparer.Ordinal);
            bindings.AddRange(policies.Where(p => !bound.Contains(p.Name)).Select(p => new BoundPolicy(p, null)));
        }

        var catalog = new ApiResourceCatalog(all);
        var namespaces = objects.Where(r => r.Kind == "Namespace" && r.Group.Length == 0)
            .GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> NamespaceLabels(string ns) =>
            namespaces.TryGetValue(ns, out var n)
                ? n.Labels.SetItem(Core.Selectors.NamespaceLabels.NameLabel, ns)
                : ImmutableSortedDictionary<string, string>.Empty.Add(Core.Selectors.NamespaceLabels.NameLabel, ns);
        var authorizer = rbac is null ? null : new RbacAuthorizer(rbac);
        var run = new Run(options, sourceText, authorizer, findings, all, namespaces);

        foreach (var obj in objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsPolicyObject(obj))
                continue;
            var api = catalog.Find(obj.Group, obj.Version, obj.Kind)
                ?? new ApiResourceInfo(obj.Group, obj.Version, obj.Kind, obj.Kind.ToLowerInvariant() + "s", obj.Namespace is not null);
            AdmissionSubject? subject = null;
            foreach (var b in bindings)
            {
                if (!b.Policy.MatchConstraints.Matches(obj, api, NamespaceLabels, requireRules: true))
                    continue;
                if (b.MatchResources is { } mr && !mr.Matches(obj, api, NamespaceLabels, requireRules: false))
                    continue;
                subject ??= run.Subject(obj, api);
                run.Admit(b, subject);
            }
        }

        return findings.ToImmutable();
    }

    private static readonly CelType Authorizer = new("authorizer");

    private sealed record AdmissionSubject(Resource Resource, CelReadTracker Tracker, YamlCelMap Object, YamlCelMap? NamespaceObject, CelDictionary Request);

    private sealed class BoundPolicy
    {
        public BoundPolicy(CompiledPolicy policy, Resource? binding)
        {
            Policy = policy;
            Binding = binding;
            var spec = binding?.Root.GetMapping("spec");
            MatchResources = spec?.GetMapping("matchResources") is { } m ? new MatchResources(m) : null;
            ParamRef = spec?.GetMapping("paramRef");
            var actions = spec?.GetSequence("validationActions")?.Scalars().Select(s => s.Text).ToHashSet(StringComparer.Ordinal) ?? ["Deny"];
            Severity = actions.Contains("Deny") ? Severity.Error : actions.Contains("Warn") ? Severity.Warning : Severity.Note;
        }

        public CompiledPolicy Policy { get; }

        public Resource? Binding { get; }

        public MatchResources? MatchResources { get; }

        public YamlMapping? ParamRef { get; }

        public Severity Severity { get; }

        public string BindingName => Binding?.Name ?? "(unbound)";
    }

    private sealed class Run(
        AdmissionOptions options,
        Func<string, string?> sourceText,
        ICelAuthorizer? authorizer,
        ImmutableArray<Finding>.Builder findings,
        ImmutableArray<Resource> all,
        Dictionary<string, Resource> namespaces)
    {
        private readonly ILookup<(string ApiVersion, string Kind), Resource> byKind = all.ToLookup(r => (r.ApiVersion, r.Kind));

        /// <summary>What every policy sees of one object; built once per object, not per binding.</summary>
        public AdmissionSubject Subject(Resource obj, ApiResourceInfo api)
        {
            var tracker = new CelReadTracker();
            var namespaceObject = obj.Namespace is { } ns && namespaces.TryGetValue(ns, out var nso) ? new YamlCelMap(nso.Root, null) : null;
            return new AdmissionSubject(obj, tracker, new YamlCelMap(obj.Root, tracker), namespaceObject, Request(obj, api));
        }

        public void Admit(BoundPolicy b, AdmissionSubject subject)
        {
            var obj = subject.Resource;
            var p = b.Policy;
            IEnumerable<object?> paramSets = [null];
            if (p.ParamKind is { } pk)
            {
                var found = ResolveParams(b, pk, obj);
                if (found is null)
                    return;
                paramSets = found;
            }

            foreach (var param in paramSets)
                AdmitWith(b, subject, param);
        }

        private List<object?>? ResolveParams(BoundPolicy b, YamlMapping paramKind, Resource obj)
        {
            var apiVersion = paramKind.GetString("apiVersion") ?? string.Empty;
            var kind = paramKind.GetString("kind") ?? string.Empty;
            var r = b.ParamRef;
            if (r is null)
            {
                Report(b, obj, b.Binding?.AnchorNode ?? b.Policy.Resource.AnchorNode, $"ValidatingAdmissionPolicy '{b.Policy.Name}' has paramKind {kind} but binding '{b.BindingName}' sets no paramRef", policyError: true);
                return null;
            }

            var name = r.GetString("name");
            var ns = r.GetString("namespace");
            var selector = LabelSelector.Read(r["selector"]);
            var candidates = byKind[(apiVersion, kind)].ToList();
            var namespaced = candidates.Any(c => c.Namespace is not null);
            if (namespaced)
            {
                var inNs = ns ?? obj.Namespace;
                candidates = [.. candidates.Where(c => c.Namespace == inNs)];
            }

            if (name is not null)
                candidates = [.. candidates.Where(c => c.Name == name)];
            else if (selector is not null && !selector.IsEmpty)
                candidates = [.. candidates.Where(c => selector.Matches(c.Labels))];

            if (candidates.Count > 0)
                return [.. candidates.Select(c => (object?)new YamlCelMap(c.Root, null))];
            if (r.GetString("parameterNotFoundAction") == "Allow")
                return null;
            var what = name is not null ? $"{kind} '{name}'" : $"a {kind} matching the selector";
            Report(b, obj, r.GetScalar("name") ?? (YamlNode?)r["selector"] ?? r, $"ValidatingAdmissionPolicy '{b.Policy.Name}' with binding '{b.BindingName}' denied request: failed to configure binding: no params found ({what}{(namespaced ? $" in namespace '{ns ?? obj.Namespace}'" : string.Empty)})", policyError: true);
            return null;
        }

        private void AdmitWith(BoundPolicy b, AdmissionSubject subject, object? param)
        {
            var p = b.Policy;
            var obj = subject.Resource;
            var tracker = subject.Tracker;
            tracker.Reset();
            var act = new CelActivation(options.CostLimit, tracker) { Authorizer = authorizer };
            act.Set("object", subject.Object)
                .Set("oldObject", null)
                .Set("params", param)
                .Set("namespaceObject", subject.NamespaceObject)
                .Set("authorizer", Authorizer)
                .Set("request", subject.Request);
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
            var lazy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var v in p.Variables)
            {
                var name = v.Name!;
                lazy[name] = (Func<object?>)(() =>
                {
                    if (variables.TryGetValue(name, out var cached))
                        return cached;
                    if (v.Program is null)
                        throw new CelEvalException($"variable '{name}' did not compile");
                    var value = v.Program.Evaluate(act);
                    variables[name] = value;
                    return value;
                });
            }

            act.Set("variables", new LazyMap(lazy));

            foreach (var mc in p.MatchConditions)
            {
                if (mc.Program is null)
                    continue;
                var outcome = EvaluateBool(mc, act, out var error);
                if (outcome is false)
                    return;
                if (error is not null && (error.CostLimitExceeded || !p.FailurePolicyIgnore))
                {
                    ReportError(b, obj, mc, error, tracker);
                    return;
                }
            }

            foreach (var v in p.Validations)
            {
                if (v.Expression.Program is null)
                    continue;
                tracker.Reset();
                var outcome = EvaluateBool(v.Expression, act, out var error);
                var judged = tracker.Last;
                if (error is not null)
                {
                    if (error.CostLimitExceeded || !p.FailurePolicyIgnore)
                        ReportError(b, obj, v.Expression, error, tracker);
                    continue;
                }

                if (outcome is true)
                    continue;
                var message = v.Message;
                if (v.MessageExpression?.Program is { } me)
                {
                    act.ResetCost();
                    try
                    {
                        if (me.Evaluate(act) is string s && s.Trim().Length > 0 && !s.Contains('\n', StringComparison.Ordinal))
                            message = s;
                    }
                    catch (CelEvalException)
                    {
                        // The API server falls back to message when messageExpression fails.
                    }
                }

                message ??= $"failed expression: {v.Expression.Node.Text.Trim()}";
                var reason = v.Reason is { Length: > 0 } r && r != "Invalid" ? $" ({r})" : string.Empty;
                Report(b, obj, judged ?? (YamlNode?)obj.Root.GetScalar("kind") ?? obj.Root,
                    b.Severity == Severity.Error
                        ? $"ValidatingAdmissionPolicy '{p.Name}' with binding '{b.BindingName}' denied request{reason}: {message}"
                        : $"Validation failed for ValidatingAdmissionPolicy '{p.Name}' with binding '{b.BindingName}'{reason}: {message}",
                    policyError: false, v.Expression);
            }
        }

        private static object? EvaluateBool(PolicyExpression e, CelActivation act, out CelEvalException? error)
        {
            act.ResetCost();
            try
            {
                error = null;
                var v = e.Program!.Evaluate(act);
                if (v is not bool)
                    error = new CelEvalException($"expression must evaluate to bool, got {CelSemantics.TypeName(v)}");
                return v;
            }
            catch (CelEvalException ex)
            {
                error = ex;
                return null;
            }
        }

        private void ReportError(BoundPolicy b, Resource obj, PolicyExpression e, CelEvalException error, CelReadTracker tracker) =>
            Report(b, obj, tracker.Last ?? (YamlNode?)obj.Root.GetScalar("kind") ?? obj.Root,
                $"ValidatingAdmissionPolicy '{b.Policy.Name}' with binding '{b.BindingName}' denied request: expression '{e.Node.Text.Trim()}' resulted in error: {error.Message}",
                policyError: false, e);

        private void Report(BoundPolicy b, Resource obj, YamlNode node, string message, bool policyError, PolicyExpression? expression = null)
        {
            var related = ImmutableArray.CreateBuilder<RelatedLocation>();
            if (expression is not null)
                related.Add(new RelatedLocation(ExpressionSpan.Whole(expression.Node, sourceText), $"expression of ValidatingAdmissionPolicy '{b.Policy.Name}'"));
            else
                related.Add(new RelatedLocation(b.Policy.Resource.AnchorNode.Span, $"ValidatingAdmissionPolicy '{b.Policy.Name}'"));
            if (b.Binding is not null)
                related.Add(new RelatedLocation(b.Binding.AnchorNode.Span, $"ValidatingAdmissionPolicyBinding '{b.Binding.Name}'"));
            if (node.Value is { } value)
                related.Add(new RelatedLocation(value.Span, $"value `{value.ValuePath}` set here"));
            // A judged mapping or list (labels, containers) is pointed at by its key, as rules point at a missing field's parent key.
            var at = node is YamlMapping or YamlSequence && node.Parent is YamlMapping holder && holder.Entries.FirstOrDefault(e => ReferenceEquals(e.Value, node)) is { Key: not null } entry
                ? entry.Key : node;
            var elsewhere = policyError && node.Span.Path != obj.Origin.Path;
            var span = elsewhere ? obj.AnchorNode.Span : at.Span;
            var path = elsewhere ? obj.AnchorNode.Path : node.Path;
            if (policyError)
                related.Add(new RelatedLocation(node.Span, "the binding's paramRef"));
            findings.Add(new Finding(AdmissionProblems.AdmissionPolicy.Id, b.Severity, message, span, obj, path, related.ToImmutable()) { Scenario = obj.Origin.Scenario });
        }

        private static CelDictionary Request(Resource obj, ApiResourceInfo api)
        {
            var gvk = new CelDictionary(new Dictionary<string, object?> { ["group"] = api.Group, ["version"] = api.Version, ["kind"] = obj.Kind });
            var gvr = new CelDictionary(new Dictionary<string, object?> { ["group"] = api.Group, ["version"] = api.Version, ["resource"] = api.Resource });
            return new CelDictionary(new Dictionary<string, object?>
            {
                ["kind"] = gvk,
                ["resource"] = gvr,
                ["requestKind"] = gvk,
                ["requestResource"] = gvr,
                ["subResource"] = string.Empty,
                ["name"] = obj.Name,
                ["namespace"] = obj.Namespace ?? string.Empty,
                ["operation"] = "CREATE",
                ["userInfo"] = new CelDictionary(new Dictionary<string, object?> { ["username"] = string.Empty, ["groups"] = CelArray.Empty }),
                ["dryRun"] = false,
            });
        }
    }

    /// <summary><c>variables</c>: each entry is computed on first read and cached for the rest of the evaluation.</summary>
    private sealed class LazyMap(Dictionary<string, object?> entries) : ICelMap
    {
        public int Count => entries.Count;

        public IEnumerable<object> Keys => entries.Keys;

        public bool TryGet(object key, out object? value)
        {
            value = null;
            if (key is not string s || !entries.TryGetValue(s, out var v))
                return false;
            value = v is Func<object?> f ? f() : v;
            return true;
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;

namespace ManifestLint.Core.Rbac;

/// <summary>
/// Kubernetes' default ClusterRoles and ClusterRoleBindings (the API server's RBAC bootstrap policy), read
/// from the embedded <c>DefaultClusterRoles.txt</c>. Line format, one item per line:
/// <c>clusterrole NAME</c> (or <c>role NAMESPACE NAME</c>), then <c>label K=V</c>, <c>aggregate K=V[,K=V]</c> (one clusterRoleSelector, matchLabels),
/// <c>rule verbs=..,.. apiGroups=.. resources=.. resourceNames=.. nonResourceURLs=..</c> (comma lists; a key
/// that is present with an empty entry means the core group); <c>clusterrolebinding NAME role=ROLE</c>, then
/// <c>subject KIND NAME [NAMESPACE]</c>. Lines starting with <c>#</c> are comments.
/// </summary>
public static class DefaultClusterRoles
{
    public const string ResourceName = "ManifestLint.Core.Rbac.DefaultClusterRoles.txt";

    private static readonly Lazy<(ImmutableArray<RoleView> Roles, ImmutableArray<BindingView> Bindings)> Parsed =
        new(() => Parse(ReadEmbedded()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built-in ClusterRoles, in file order.</summary>
    public static ImmutableArray<RoleView> Roles => Parsed.Value.Roles;

    public const string NamespaceRolesResourceName = "ManifestLint.Core.Rbac.DefaultNamespaceRoles.txt";

    private static readonly Lazy<ImmutableArray<RoleView>> ParsedNamespaceRoles =
        new(() => Parse(ReadEmbedded(NamespaceRolesResourceName)).Roles, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The Roles the API server creates in <c>kube-system</c> and <c>kube-public</c> (such as
    /// <c>extension-apiserver-authentication-reader</c>, which every aggregated API server binds), from the embedded
    /// <c>DefaultNamespaceRoles.txt</c>.
    /// </summary>
    public static ImmutableArray<RoleView> NamespaceRoles => ParsedNamespaceRoles.Value;

    /// <summary>ClusterRoles and namespaced Roles together, as the RBAC index takes them.</summary>
    public static ImmutableArray<RoleView> AllRoles => [.. Roles, .. NamespaceRoles];

    /// <summary>The built-in ClusterRoleBindings, in file order.</summary>
    public static ImmutableArray<BindingView> Bindings => Parsed.Value.Bindings;

    /// <summary>The embedded text (header and data), for tests that compare it with a regeneration.</summary>
    public static string ReadEmbedded() => ReadEmbedded(ResourceName);

    private static string ReadEmbedded(string resourceName)
    {
        using var stream = typeof(DefaultClusterRoles).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses the compact form; throws <see cref="FormatException"/> on a line it does not understand.</summary>
    public static (ImmutableArray<RoleView> Roles, ImmutableArray<BindingView> Bindings) Parse(string text)
    {
        var roles = ImmutableArray.CreateBuilder<RoleView>();
        var bindings = ImmutableArray.CreateBuilder<BindingView>();
        PendingRole? role = null;
        PendingBinding? binding = null;

        void Flush()
        {
            if (role is not null)
                roles.Add(role.Build());
            if (binding is not null)
                bindings.Add(binding.Build());
            role = null;
            binding = null;
        }

        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
                continue;
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var keyword = space < 0 ? line : line[..space];
            var rest = space < 0 ? string.Empty : line[(space + 1)..];
            switch (keyword)
            {
                case "clusterrole":
                    Flush();
                    role = new PendingRole(rest, null);
                    break;
                case "role":
                    Flush();
                    var at = rest.Split(' ');
                    if (at.Length != 2)
                        throw Bad(lineNumber);
                    role = new PendingRole(at[1], at[0]);
                    break;
                case "label" when role is not null:
                    var (k, v) = Pair(rest, lineNumber);
                    role.Labels[k] = v;
                    break;
                case "aggregate" when role is not null:
                    var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                    foreach (var p in rest.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var (lk, lv) = Pair(p, lineNumber);
                        labels[lk] = lv;
                    }

                    role.Selectors.Add(new LabelSelectorView(labels.ToImmutable(), []));
                    break;
                case "rule" when role is not null:
                    role.Rules.Add(ParseRule(rest, lineNumber));
                    break;
                case "clusterrolebinding":
                    Flush();
                    var parts = rest.Split(' ');
                    if (parts.Length != 2 || !parts[1].StartsWith("role=", StringComparison.Ordinal))
                        throw Bad(lineNumber);
                    binding = new PendingBinding(parts[0], parts[1]["role=".Length..]);
                    break;
                case "subject" when binding is not null:
                    var s = rest.Split(' ');
                    if (s.Length is < 2 or > 3)
                        throw Bad(lineNumber);
                    var subject = s[0] switch
                    {
                        RbacSubject.ServiceAccountKind when s.Length == 3 => RbacSubject.ServiceAccount(s[2], s[1]),
                        RbacSubject.UserKind => RbacSubject.User(s[1]),
                        RbacSubject.GroupKind => RbacSubject.Group(s[1]),
                        _ => throw Bad(lineNumber),
                    };
                    binding.Subjects.Add(new SubjectView(subject, s[0], s[1], null, false));
                    break;
                default:
                    throw Bad(lineNumber);
            }
        }

        Flush();
        return (roles.ToImmutable(), bindings.ToImmutable());
    }

    private static Dictionary<string, List<string>> ParseRule(string text, int lineNumber)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw Bad(lineNumber);
            fields[part[..eq]] = [.. part[(eq + 1)..].Split(',')];
        }

        return fields;
    }

    private static (string Key, string Value) Pair(string text, int lineNumber)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
            throw Bad(lineNumber);
        return (text[..eq], text[(eq + 1)..]);
    }

    private static FormatException Bad(int line) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{ResourceName}:{line}: not a line of the default roles format"));

    private sealed class PendingRole(string name, string? @namespace)
    {
        public ImmutableSortedDictionary<string, string>.Builder Labels { get; } = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);

        public List<LabelSelectorView> Selectors { get; } = [];

        public List<Dictionary<string, List<string>>> Rules { get; } = [];

        public bool Aggregated => Selectors.Count > 0;

        public RoleView Build() => new(null, @namespace is null ? "ClusterRole" : "Role", @namespace, name, Labels.ToImmutable(), role =>
            [.. Rules.Select((r, i) => new PolicyRuleView(role, i, null, Values(r, "verbs"), Values(r, "apiGroups"), Values(r, "resources"),
                Values(r, "resourceNames"), Values(r, "nonResourceURLs")))],
            Aggregated ? [.. Selectors] : null);

        private static ImmutableArray<RbacValue> Values(Dictionary<string, List<string>> rule, string key) =>
            rule.TryGetValue(key, out var values) ? [.. values.Select(v => new RbacValue(v, null))] : [];
    }

    private sealed class PendingBinding(string name, string role)
    {
        public List<SubjectView> Subjects { get; } = [];

        public BindingView Build() => new(null, "ClusterRoleBinding", null, name, new RoleRefView("ClusterRole", role, null), [.. Subjects]);
    }
}

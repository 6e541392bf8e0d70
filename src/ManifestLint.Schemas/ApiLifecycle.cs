using System.Collections.Frozen;

namespace ManifestLint.Schemas;

/// <summary>
/// When each built-in group/version/kind appeared, was deprecated and removed, and what replaces it: the table
/// <c>Data/api-lifecycle.tsv</c> that ManifestLint.Schemas.Generator reconciles from the specs and pluto's versions.yaml.
/// </summary>
public sealed class ApiLifecycle
{
    private static readonly Lazy<ApiLifecycle> EmbeddedInstance = new(() => Parse(ReadResource()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<(string Group, string Version, string Kind), ApiLifecycleEntry> _entries;

    private ApiLifecycle(FrozenDictionary<(string, string, string), ApiLifecycleEntry> entries) => _entries = entries;

    public static ApiLifecycle Embedded => EmbeddedInstance.Value;

    public IEnumerable<ApiLifecycleEntry> Entries => _entries.Values;

    public ApiLifecycleEntry? Find(string group, string version, string kind) =>
        _entries.TryGetValue((group, version, kind), out var e) ? e : null;

    internal static ApiLifecycle Parse(string text)
    {
        var entries = new Dictionary<(string, string, string), ApiLifecycleEntry>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("group\t", StringComparison.Ordinal))
                continue;
            var c = line.Split('\t');
            entries[(c[0], c[1], c[2])] = new ApiLifecycleEntry(c[0], c[1], c[2], Minor(c[3]), Minor(c[4]), Minor(c[5]), c[6] == "-" ? null : c[6], c[7]);
        }

        return new ApiLifecycle(entries.ToFrozenDictionary());
    }

    private static int? Minor(string text) => text == "-" ? null : KubernetesApi.ParseMinor(text);

    private static string ReadResource()
    {
        using var stream = typeof(ApiLifecycle).Assembly.GetManifestResourceStream("ManifestLint.Schemas.api-lifecycle.tsv")
            ?? throw new InvalidOperationException("Embedded API lifecycle table is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

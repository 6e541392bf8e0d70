using System.Collections.Frozen;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Rules.Pods;

/// <summary>Linux capability names as written in <c>securityContext.capabilities</c>.</summary>
internal static class CapabilityNames
{
    /// <summary>The capabilities the Pod Security Standards Baseline profile lets a container add.</summary>
    public static FrozenSet<string> BaselineAllowed { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    /// <summary>
    /// Upper case without the <c>CAP_</c> prefix: runtimes accept <c>cap_net_raw</c> and <c>NET_RAW</c> alike,
    /// so a name must not slip past a check by its spelling.
    /// </summary>
    public static string Normalize(string name)
    {
        var upper = name.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper;
    }

    /// <summary>The scalar items of <c>capabilities.add</c> (or <c>drop</c>) of a security context.</summary>
    public static IEnumerable<YamlScalar> Items(YamlMapping? securityContext, string list) =>
        securityContext?.GetMapping("capabilities")?.GetSequence(list)?.Scalars().Where(s => !s.IsNull) ?? [];

    /// <summary>True when the security context adds <paramref name="capability"/> (in any spelling).</summary>
    public static bool Adds(YamlMapping? securityContext, string capability) =>
        Items(securityContext, "add").Any(s => string.Equals(Normalize(s.Text), capability, StringComparison.Ordinal));
}

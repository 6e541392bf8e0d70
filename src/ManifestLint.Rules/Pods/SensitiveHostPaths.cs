using System.Collections.Immutable;

namespace ManifestLint.Rules.Pods;

/// <summary>
/// Node paths whose mount hands a pod control of the node: the container runtime's sockets, the kubelet's
/// state, system configuration, kernel interfaces and users' homes.
/// </summary>
internal static class SensitiveHostPaths
{
    // Canonical forms: /var/run is a symlink to /run on current distributions, so both spellings map to /run.
    private static readonly ImmutableArray<(string Path, string Reason)> Linux =
    [
        ("/etc", "node configuration, including kubelet credentials and /etc/shadow"),
        ("/proc", "kernel and process interfaces of the whole node"),
        ("/sys", "kernel and device interfaces of the node"),
        ("/dev", "the node's devices"),
        ("/boot", "the node's kernel and boot loader"),
        ("/root", "root's home directory on the node"),
        ("/home", "users' home directories on the node"),
        ("/run/docker.sock", "the container runtime's socket, which controls every container on the node"),
        ("/run/containerd", "the container runtime's socket, which controls every container on the node"),
        ("/run/crio", "the container runtime's socket, which controls every container on the node"),
        ("/run/cri-dockerd.sock", "the container runtime's socket, which controls every container on the node"),
        ("/run/podman", "the container runtime's socket, which controls every container on the node"),
        ("/var/lib/kubelet", "the kubelet's state, including other pods' volumes and service account tokens"),
        ("/var/lib/docker", "the container runtime's storage of every container on the node"),
        ("/var/lib/containerd", "the container runtime's storage of every container on the node"),
        ("/var/lib/etcd", "the cluster's datastore"),
    ];

    private static readonly ImmutableArray<string> WindowsPipes =
    [
        @"\\.\pipe\docker_engine",
        @"\\.\pipe\containerd-containerd",
    ];

    /// <summary>Why mounting <paramref name="path"/> is dangerous, or null when it is not known to be.</summary>
    public static string? Reason(string path)
    {
        var trimmed = path.Trim();
        if (trimmed.Length == 0)
            return null;
        if (trimmed.StartsWith(@"\\", StringComparison.Ordinal))
            return WindowsPipes.Any(p => string.Equals(p, trimmed, StringComparison.OrdinalIgnoreCase)) ? "the container runtime's named pipe, which controls every container on the node" : null;
        if (trimmed.Length >= 2 && char.IsAsciiLetter(trimmed[0]) && trimmed[1] == ':')
            return trimmed.Length == 2 || trimmed[2..].Trim('\\', '/').Length == 0 ? "the root of a node's drive" : null;

        var canonical = Canonical(trimmed);
        if (canonical == "/")
            return "the node's entire filesystem";
        foreach (var (sensitive, reason) in Linux)
        {
            // A parent directory exposes the sensitive path below it; a child is inside it.
            if (IsSameOrBelow(canonical, sensitive))
                return reason;
            if (IsSameOrBelow(sensitive, canonical))
                return $"it contains {sensitive}, {reason}";
        }

        return null;
    }

    /// <summary>Absolute, without empty or <c>.</c> segments, with <c>..</c> resolved and <c>/var/run</c> read as <c>/run</c>.</summary>
    public static string Canonical(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
                continue;
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        if (segments.Count >= 2 && segments[0] == "var" && segments[1] == "run")
            segments.RemoveAt(0);
        return "/" + string.Join('/', segments);
    }

    private static bool IsSameOrBelow(string path, string ancestor) =>
        path == ancestor || path.StartsWith(ancestor + "/", StringComparison.Ordinal);
}

using System.Collections.Frozen;
using System.Collections.Immutable;
using ManifestLint.Core.Model.Views;
using ManifestLint.Core.Yaml;

namespace ManifestLint.Core.PodSecurity;

/// <summary>
/// Evaluates a pod template against the Pod Security Standards Baseline and Restricted controls at a policy
/// version, the way Pod Security Admission does: each control at the newest definition not newer than the
/// version, Restricted as Baseline plus its own controls (some of which replace a Baseline control), Windows
/// pods exempt from the Linux-only Restricted controls from v1.25, and user-namespace pods
/// (<c>hostUsers: false</c>) relaxed from v1.35.
/// </summary>
public static class PodSecurityEvaluator
{
    public const string HostProcess = "HostProcess";
    public const string HostNamespaces = "Host Namespaces";
    public const string PrivilegedContainers = "Privileged Containers";
    public const string Capabilities = "Capabilities";
    public const string HostPathVolumes = "HostPath Volumes";
    public const string HostPorts = "Host Ports";
    public const string HostProbes = "Host Probes / Lifecycle Hooks";
    public const string AppArmor = "AppArmor";
    public const string SeLinux = "SELinux";
    public const string ProcMount = "/proc Mount Type";
    public const string Seccomp = "Seccomp";
    public const string Sysctls = "Sysctls";
    public const string VolumeTypes = "Volume Types";
    public const string PrivilegeEscalation = "Privilege Escalation";
    public const string RunningAsNonRoot = "Running as Non-root";
    public const string RunningAsNonRootUser = "Running as Non-root user";

    private const string AppArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";
    private const string SeccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
    private const string SeccompContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

    private static readonly FrozenSet<string> BaselineCapabilities = FrozenSet.Create(
        StringComparer.Ordinal,
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID",
        "SETPCAP", "SETUID", "SYS_CHROOT");

    private static readonly FrozenSet<string> SeLinuxTypes = FrozenSet.Create(
        StringComparer.Ordinal, "", "container_t", "container_init_t", "container_kvm_t");

    private static readonly FrozenSet<string> SafeSysctls = FrozenSet.Create(
        StringComparer.Ordinal,
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start");

    /// <summary>Sysctls added to the safe set, with the policy version that added them.</summary>
    private static readonly ImmutableArray<(string Name, int Since)> LaterSafeSysctls =
    [
        ("net.ipv4.ip_local_reserved_ports", 27),
        ("net.ipv4.tcp_keepalive_time", 29),
        ("net.ipv4.tcp_fin_timeout", 29),
        ("net.ipv4.tcp_keepalive_intvl", 29),
        ("net.ipv4.tcp_keepalive_probes", 29),
        ("net.ipv4.tcp_rmem", 32),
        ("net.ipv4.tcp_wmem", 32),
    ];

    /// <summary>
    /// The volume sources Restricted allows. <c>image</c> is allowed at every policy version: Kubernetes added it
    /// to the v1.0 definition (v1.33) rather than as a new version.
    /// </summary>
    private static readonly FrozenSet<string> RestrictedVolumeSources = FrozenSet.Create(
        StringComparer.Ordinal,
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret");

    private static readonly ImmutableArray<string> Probes = ["livenessProbe", "readinessProbe", "startupProbe"];
    private static readonly ImmutableArray<string> Hooks = ["postStart", "preStop"];
    private static readonly ImmutableArray<string> HostHandlers = ["httpGet", "tcpSocket"];

    /// <summary>Every control the pod fails at <paramref name="level"/> and <paramref name="version"/>, in document order of the pod.</summary>
    public static ImmutableArray<PodSecurityViolation> Evaluate(PodTemplateView pod, PodSecurityLevel level, PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (level == PodSecurityLevel.Privileged)
            return [];

        var found = ImmutableArray.CreateBuilder<PodSecurityViolation>();
        var restricted = level == PodSecurityLevel.Restricted;
        var windowsExempt = pod.IsWindows && version.Includes(25);
        var userNamespaceRelaxed = version.Includes(35) && pod.Spec.GetScalar("hostUsers") is { IsFalse: true };

        CheckHostProcess(pod, found);
        CheckHostNamespaces(pod, found);
        CheckPrivileged(pod, found);
        if (!(restricted && version.Includes(22)))
            CheckBaselineCapabilities(pod, found);
        if (!restricted)
            CheckHostPathVolumes(pod, found);
        CheckHostPorts(pod, found);
        if (version.Includes(34))
            CheckHostProbes(pod, found);
        CheckAppArmor(pod, found);
        CheckSeLinux(pod, version, found);

        // From v1.35 Baseline lets user-namespace pods choose their /proc mount; Restricted (v1.35's own
        // procMount control) does not, and below v1.35 neither does.
        if (!(userNamespaceRelaxed && !restricted))
            CheckProcMount(pod, found);
        if (!(restricted && version.Includes(19)))
        {
            if (version.Includes(19))
                CheckBaselineSeccompFields(pod, found);
            else
                CheckSeccompAnnotations(pod, found);
        }

        CheckSysctls(pod, version, found);

        if (restricted)
        {
            CheckVolumeTypes(pod, found);
            if (version.Includes(8) && !windowsExempt)
                CheckPrivilegeEscalation(pod, found);
            if (!userNamespaceRelaxed)
            {
                CheckRunAsNonRoot(pod, found);
                if (version.Includes(23))
                    CheckRunAsUser(pod, found);
            }

            if (version.Includes(19) && !windowsExempt)
                CheckRestrictedSeccomp(pod, found);
            if (version.Includes(22) && !windowsExempt)
                CheckRestrictedCapabilities(pod, found);
        }

        return found.ToImmutable();
    }

    private static void CheckHostProcess(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        if (pod.SecurityContext?.Find("windowsOptions", "hostProcess") is YamlScalar { IsTrue: true } podFlag)
            found.Add(Baseline(HostProcess, podFlag, $"{pod.Describe()} sets securityContext.windowsOptions.hostProcess: true"));
        foreach (var c in pod.AllContainers)
        {
            if (c.SecurityContext?.Find("windowsOptions", "hostProcess") is YamlScalar { IsTrue: true } flag)
                found.Add(Baseline(HostProcess, flag, $"{c.Describe()} sets securityContext.windowsOptions.hostProcess: true"));
        }
    }

    private static void CheckHostNamespaces(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var field in (ReadOnlySpan<string>)["hostNetwork", "hostPID", "hostIPC"])
        {
            if (pod.Spec.GetScalar(field) is { IsTrue: true } flag)
                found.Add(Baseline(HostNamespaces, flag, $"{pod.Describe()} sets {field}: true"));
        }
    }

    private static void CheckPrivileged(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var c in pod.AllContainers)
        {
            if (c.SecurityContext?.GetScalar("privileged") is { IsTrue: true } flag)
                found.Add(Baseline(PrivilegedContainers, flag, $"{c.Describe()} sets securityContext.privileged: true"));
        }
    }

    private static void CheckBaselineCapabilities(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var c in pod.AllContainers)
        {
            foreach (var cap in Added(c))
            {
                if (!BaselineCapabilities.Contains(cap.StringValue))
                    found.Add(Baseline(Capabilities, cap, $"{c.Describe()} adds capability '{cap.StringValue}'"));
            }
        }
    }

    private static void CheckHostPathVolumes(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var volume in pod.Volumes?.Mappings() ?? [])
        {
            if (volume.GetEntry("hostPath") is { } e && !IsNull(e.Value))
                found.Add(Baseline(HostPathVolumes, e.Key, $"{pod.Describe()} mounts hostPath volume '{volume.GetString("name")}'"));
        }
    }

    private static void CheckHostPorts(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var c in pod.AllContainers)
        {
            foreach (var port in c.Ports?.Mappings() ?? [])
            {
                if (port.GetScalar("hostPort") is { } hostPort && hostPort.AsInt64() is { } number && number != 0)
                    found.Add(Baseline(HostPorts, hostPort, $"{c.Describe()} sets hostPort {hostPort.Text}"));
            }
        }
    }

    private static void CheckHostProbes(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var c in pod.AllContainers)
        {
            foreach (var probe in Probes)
                CheckHandlerHosts(c, c.Node.GetMapping(probe), probe, found);
            if (c.Node.GetMapping("lifecycle") is { } lifecycle)
            {
                foreach (var hook in Hooks)
                    CheckHandlerHosts(c, lifecycle.GetMapping(hook), "lifecycle." + hook, found);
            }
        }
    }

    private static void CheckHandlerHosts(ContainerView c, YamlMapping? handler, string path, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        if (handler is null)
            return;
        foreach (var kind in HostHandlers)
        {
            if (handler.GetMapping(kind)?.GetScalar("host") is { } host && host.StringValue.Length > 0)
                found.Add(Baseline(HostProbes, host, $"{c.Describe()} sets {path}.{kind}.host: {host.StringValue}"));
        }
    }

    private static void CheckAppArmor(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        if (BadAppArmorType(pod.SecurityContext) is { } podNode)
            found.Add(Baseline(AppArmor, podNode, $"{pod.Describe()} sets securityContext.appArmorProfile.type to {Shown(podNode)}"));
        foreach (var c in pod.AllContainers)
        {
            if (BadAppArmorType(c.SecurityContext) is { } node)
                found.Add(Baseline(AppArmor, node, $"{c.Describe()} sets securityContext.appArmorProfile.type to {Shown(node)}"));
        }

        foreach (var e in Annotations(pod))
        {
            if (!e.Key.Text.StartsWith(AppArmorAnnotationPrefix, StringComparison.Ordinal) || e.Value is not YamlScalar value)
                continue;
            var profile = value.StringValue;
            if (profile.Length > 0 && profile != "runtime/default" && !profile.StartsWith("localhost/", StringComparison.Ordinal))
                found.Add(Baseline(AppArmor, value, $"{pod.Describe()} sets annotation {e.Key.Text}: {profile}"));
        }
    }

    private static YamlNode? BadAppArmorType(YamlMapping? securityContext)
    {
        if (securityContext?.GetEntry("appArmorProfile") is not { } e || IsNull(e.Value))
            return null;
        var type = (e.Value as YamlMapping)?.GetScalar("type");
        return type?.StringValue is "RuntimeDefault" or "Localhost" ? null : (YamlNode?)type ?? e.Key;
    }

    private static void CheckSeLinux(PodTemplateView pod, PolicyVersion version, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        CheckSeLinuxOptions(pod.SecurityContext, pod.Describe(), version, found);
        foreach (var c in pod.AllContainers)
            CheckSeLinuxOptions(c.SecurityContext, c.Describe(), version, found);
    }

    private static void CheckSeLinuxOptions(YamlMapping? securityContext, string who, PolicyVersion version, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        if (securityContext?.GetMapping("seLinuxOptions") is not { } options)
            return;
        if (options.GetScalar("type") is { } type && !SeLinuxTypes.Contains(type.StringValue)
            && !(type.StringValue == "container_engine_t" && version.Includes(31)))
            found.Add(Baseline(SeLinux, type, $"{who} sets seLinuxOptions.type: {type.StringValue}"));
        foreach (var field in (ReadOnlySpan<string>)["user", "role"])
        {
            if (options.GetScalar(field) is { } value && value.StringValue.Length > 0)
                found.Add(Baseline(SeLinux, value, $"{who} sets seLinuxOptions.{field}: {value.StringValue}"));
        }
    }

    private static void CheckProcMount(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var c in pod.AllContainers)
        {
            if (c.SecurityContext?.GetScalar("procMount") is { IsNull: false } procMount && procMount.Text != "Default")
                found.Add(Baseline(ProcMount, procMount, $"{c.Describe()} sets securityContext.procMount: {procMount.Text}"));
        }
    }

    private static void CheckSeccompAnnotations(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        var annotations = pod.Metadata?.GetMapping("annotations");
        if (annotations is null)
            return;
        if (annotations.GetScalar(SeccompPodAnnotation) is { } podValue && !ValidSeccompAnnotation(podValue.StringValue))
            found.Add(Baseline(Seccomp, podValue, $"{pod.Describe()} sets annotation {SeccompPodAnnotation}: {podValue.StringValue}"));
        foreach (var c in pod.AllContainers)
        {
            var key = SeccompContainerAnnotationPrefix + c.Name;
            if (annotations.GetScalar(key) is { } value && !ValidSeccompAnnotation(value.StringValue))
                found.Add(Baseline(Seccomp, value, $"{c.Describe()} has annotation {key}: {value.StringValue}"));
        }
    }

    private static bool ValidSeccompAnnotation(string value) =>
        value is "runtime/default" or "docker/default" || value.StartsWith("localhost/", StringComparison.Ordinal);

    private static void CheckBaselineSeccompFields(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        if (SeccompType(pod.SecurityContext) is { Valid: false } podType)
            found.Add(Baseline(Seccomp, podType.Node, $"{pod.Describe()} sets securityContext.seccompProfile.type to {Shown(podType.Node)}"));
        foreach (var c in pod.AllContainers)
        {
            if (SeccompType(c.SecurityContext) is { Valid: false } type)
                found.Add(Baseline(Seccomp, type.Node, $"{c.Describe()} sets securityContext.seccompProfile.type to {Shown(type.Node)}"));
        }
    }

    /// <summary>The seccomp profile a security context sets: null when it sets none, else whether its type is allowed and the node to report.</summary>
    private static (bool Valid, YamlNode Node)? SeccompType(YamlMapping? securityContext)
    {
        if (securityContext?.GetEntry("seccompProfile") is not { } e || IsNull(e.Value))
            return null;
        var type = (e.Value as YamlMapping)?.GetScalar("type");
        return (type?.StringValue is "RuntimeDefault" or "Localhost", (YamlNode?)type ?? e.Key);
    }

    private static void CheckSysctls(PodTemplateView pod, PolicyVersion version, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var sysctl in pod.SecurityContext?.GetSequence("sysctls")?.Mappings() ?? [])
        {
            if (sysctl.GetScalar("name") is not { } name)
                continue;
            if (!IsSafeSysctl(name.StringValue, version))
                found.Add(Baseline(Sysctls, name, $"{pod.Describe()} sets sysctl '{name.StringValue}', which is not in the safe set"));
        }
    }

    private static bool IsSafeSysctl(string name, PolicyVersion version)
    {
        if (SafeSysctls.Contains(name))
            return true;
        foreach (var (later, since) in LaterSafeSysctls)
        {
            if (later == name)
                return version.Includes(since);
        }

        return false;
    }

    private static void CheckVolumeTypes(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var volume in pod.Volumes?.Mappings() ?? [])
        {
            YamlScalar? firstForbidden = null;
            var allowed = false;
            foreach (var e in volume.Entries)
            {
                if (e.Key.Text == "name" || IsNull(e.Value))
                    continue;
                if (RestrictedVolumeSources.Contains(e.Key.Text))
                    allowed = true;
                else
                    firstForbidden ??= e.Key;
            }

            // A volume without a source is defaulted to emptyDir by the API server, which Restricted allows.
            if (!allowed && firstForbidden is not null)
                found.Add(Restricted(VolumeTypes, firstForbidden, $"{pod.Describe()} uses a {firstForbidden.Text} volume '{volume.GetString("name")}'"));
        }
    }

    private static void CheckPrivilegeEscalation(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var c in pod.AllContainers)
        {
            var flag = c.SecurityContext?.GetScalar("allowPrivilegeEscalation");
            if (flag is { IsFalse: true })
                continue;
            found.Add(flag is { IsNull: false }
                ? Restricted(PrivilegeEscalation, flag, $"{c.Describe()} sets securityContext.allowPrivilegeEscalation: {flag.Text}")
                : Restricted(PrivilegeEscalation, c.SecurityContextAnchor, $"{c.Describe()} does not set securityContext.allowPrivilegeEscalation: false"));
        }
    }

    private static void CheckRunAsNonRoot(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        var explicitlyBad = new List<PodSecurityViolation>();
        var podValue = pod.SecurityContext?.GetScalar("runAsNonRoot");
        var podNonRoot = podValue is { IsTrue: true };
        if (podValue is { IsNull: false } && !podNonRoot)
            explicitlyBad.Add(Restricted(RunningAsNonRoot, podValue, $"{pod.Describe()} sets securityContext.runAsNonRoot: {podValue.Text}"));

        var implicitlyBad = new List<PodSecurityViolation>();
        foreach (var c in pod.AllContainers)
        {
            var value = c.SecurityContext?.GetScalar("runAsNonRoot");
            if (value is { IsNull: false })
            {
                if (!value.IsTrue)
                    explicitlyBad.Add(Restricted(RunningAsNonRoot, value, $"{c.Describe()} sets securityContext.runAsNonRoot: {value.Text}"));
            }
            else if (!podNonRoot)
            {
                implicitlyBad.Add(Restricted(RunningAsNonRoot, c.SecurityContextAnchor,
                    $"{c.Describe()} does not set securityContext.runAsNonRoot: true (nor does the pod)"));
            }
        }

        // As Pod Security Admission does: an explicit `false` is the reason given; missing settings only when there is none.
        found.AddRange(explicitlyBad.Count > 0 ? explicitlyBad : implicitlyBad);
    }

    private static void CheckRunAsUser(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        if (pod.SecurityContext?.GetScalar("runAsUser") is { } podUser && podUser.AsInt64() == 0)
            found.Add(Restricted(RunningAsNonRootUser, podUser, $"{pod.Describe()} sets securityContext.runAsUser: 0"));
        foreach (var c in pod.AllContainers)
        {
            if (c.SecurityContext?.GetScalar("runAsUser") is { } user && user.AsInt64() == 0)
                found.Add(Restricted(RunningAsNonRootUser, user, $"{c.Describe()} sets securityContext.runAsUser: 0"));
        }
    }

    private static void CheckRestrictedSeccomp(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        var podType = SeccompType(pod.SecurityContext);
        if (podType is { Valid: false })
            found.Add(Restricted(Seccomp, podType.Value.Node, $"{pod.Describe()} sets securityContext.seccompProfile.type to {Shown(podType.Value.Node)}"));
        var podSet = podType is { Valid: true };
        foreach (var c in pod.AllContainers)
        {
            var type = SeccompType(c.SecurityContext);
            if (type is { Valid: false })
                found.Add(Restricted(Seccomp, type.Value.Node, $"{c.Describe()} sets securityContext.seccompProfile.type to {Shown(type.Value.Node)}"));
            else if (type is null && !podSet)
                found.Add(Restricted(Seccomp, c.SecurityContextAnchor,
                    $"{c.Describe()} does not set securityContext.seccompProfile.type to RuntimeDefault or Localhost (nor does the pod)"));
        }
    }

    private static void CheckRestrictedCapabilities(PodTemplateView pod, ImmutableArray<PodSecurityViolation>.Builder found)
    {
        foreach (var c in pod.AllContainers)
        {
            var capabilities = c.SecurityContext?.GetMapping("capabilities");
            var drop = capabilities?.GetSequence("drop");
            if (drop is null || !drop.Scalars().Any(s => s.StringValue == "ALL"))
            {
                YamlNode anchor = (YamlNode?)drop ?? (YamlNode?)c.SecurityContext?.GetKey("capabilities") ?? c.SecurityContextAnchor;
                found.Add(Restricted(Capabilities, anchor, $"{c.Describe()} does not drop ALL capabilities"));
            }

            foreach (var cap in Added(c))
            {
                if (cap.StringValue != "NET_BIND_SERVICE")
                    found.Add(Restricted(Capabilities, cap, $"{c.Describe()} adds capability '{cap.StringValue}'"));
            }
        }
    }

    private static IEnumerable<YamlScalar> Added(ContainerView c) =>
        (c.SecurityContext?.Find("capabilities", "add") as YamlSequence)?.Scalars() ?? [];

    private static IEnumerable<YamlEntry> Annotations(PodTemplateView pod) =>
        pod.Metadata?.GetMapping("annotations")?.Entries ?? [];

    private static bool IsNull(YamlNode node) => node is YamlScalar { IsNull: true };

    /// <summary>The profile type a finding node shows: the <c>type</c> value, or "nothing" when the node is the profile's key (no type set).</summary>
    private static string Shown(YamlNode node) =>
        node is YamlScalar { IsNull: false } s && s.Parent is YamlMapping m && ReferenceEquals(m.GetScalar("type"), s) ? s.Text : "nothing";

    private static PodSecurityViolation Baseline(string control, YamlNode node, string message) =>
        new(control, PodSecurityLevel.Baseline, node, message);

    private static PodSecurityViolation Restricted(string control, YamlNode node, string message) =>
        new(control, PodSecurityLevel.Restricted, node, message);
}

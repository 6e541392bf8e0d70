using ManifestLint.Core.PodSecurity;
using static ManifestLint.Core.PodSecurity.PodSecurityLevel;
using static ManifestLint.Core.Tests.PodSecurity.PodSecurityTestPods;

namespace ManifestLint.Core.Tests.PodSecurity;

public sealed class PodSecurityEvaluatorTests
{
    private const string Sc = "spec.containers[0].securityContext";

    private const string WindowsPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: win
        spec:
          os:
            name: windows
          containers:
          - name: app
            image: registry.example/app:1.0
        """;

    /// <summary>(case, pod, level, version, expected control or null for none, expected node path).</summary>
    public static TheoryData<string, string, PodSecurityLevel, string, string?, string?> Cases() => new()
    {
        // Baseline: HostProcess
        { "hostProcess on the pod", WithPodFields("  securityContext:\n    windowsOptions:\n      hostProcess: true"), Baseline, "latest", "HostProcess", "spec.securityContext.windowsOptions.hostProcess" },
        { "hostProcess on a container", WithContainerSecurity("      windowsOptions:\n        hostProcess: true"), Baseline, "v1.0", "HostProcess", Sc + ".windowsOptions.hostProcess" },
        { "hostProcess false", WithContainerSecurity("      windowsOptions:\n        hostProcess: false"), Restricted, "latest", null, null },

        // Baseline: Host Namespaces
        { "hostNetwork", WithPodFields("  hostNetwork: true"), Baseline, "latest", "Host Namespaces", "spec.hostNetwork" },
        { "hostPID as YAML 1.1 yes", WithPodFields("  hostPID: yes"), Baseline, "v1.10", "Host Namespaces", "spec.hostPID" },
        { "hostIPC", WithPodFields("  hostIPC: true"), Restricted, "latest", "Host Namespaces", "spec.hostIPC" },
        { "hostNetwork false", WithPodFields("  hostNetwork: false"), Baseline, "latest", null, null },

        // Baseline: Privileged Containers
        { "privileged", WithContainerSecurity("      privileged: true"), Baseline, "latest", "Privileged Containers", Sc + ".privileged" },
        { "privileged quoted is a string", WithContainerSecurity("      privileged: \"false\""), Baseline, "latest", null, null },

        // Baseline: Capabilities
        { "adds SYS_ADMIN", WithContainerSecurity("        add:\n        - SYS_ADMIN"), Baseline, "latest", "Capabilities", Sc + ".capabilities.add[0]" },
        { "adds CHOWN under baseline", WithContainerSecurity("        add:\n        - CHOWN"), Baseline, "latest", null, null },

        // Baseline: HostPath Volumes (under Restricted, Volume Types replaces it)
        { "hostPath volume", WithPodFields("  volumes:\n  - name: host\n    hostPath:\n      path: /var/run"), Baseline, "latest", "HostPath Volumes", "spec.volumes[0].hostPath" },
        { "hostPath volume under restricted", WithPodFields("  volumes:\n  - name: host\n    hostPath:\n      path: /var/run"), Restricted, "latest", "Volume Types", "spec.volumes[0].hostPath" },

        // Baseline: Host Ports
        { "hostPort", WithContainerFields("    ports:\n    - containerPort: 80\n      hostPort: 8080"), Baseline, "latest", "Host Ports", "spec.containers[0].ports[0].hostPort" },
        { "hostPort 0", WithContainerFields("    ports:\n    - containerPort: 80\n      hostPort: 0"), Restricted, "latest", null, null },

        // Baseline: Host Probes / Lifecycle Hooks, from v1.34
        { "probe host at v1.34", WithContainerFields("    livenessProbe:\n      httpGet:\n        host: 10.0.0.1\n        port: 80"), Baseline, "v1.34", "Host Probes / Lifecycle Hooks", "spec.containers[0].livenessProbe.httpGet.host" },
        { "probe host at v1.33", WithContainerFields("    livenessProbe:\n      httpGet:\n        host: 10.0.0.1\n        port: 80"), Baseline, "v1.33", null, null },
        { "preStop tcpSocket host", WithContainerFields("    lifecycle:\n      preStop:\n        tcpSocket:\n          host: metadata.internal\n          port: 80"), Restricted, "latest", "Host Probes / Lifecycle Hooks", "spec.containers[0].lifecycle.preStop.tcpSocket.host" },
        { "empty probe host", WithContainerFields("    readinessProbe:\n      tcpSocket:\n        host: \"\"\n        port: 80"), Baseline, "latest", null, null },

        // Baseline: AppArmor (field and annotation, at every policy version)
        { "apparmor Unconfined", WithContainerSecurity("      appArmorProfile:\n        type: Unconfined"), Baseline, "latest", "AppArmor", Sc + ".appArmorProfile.type" },
        { "apparmor Unconfined at v1.29", WithContainerSecurity("      appArmorProfile:\n        type: Unconfined"), Baseline, "v1.29", "AppArmor", Sc + ".appArmorProfile.type" },
        { "apparmor Localhost", WithContainerSecurity("      appArmorProfile:\n        type: Localhost\n        localhostProfile: k8s-app"), Restricted, "latest", null, null },
        { "apparmor annotation unconfined", Compliant.Replace("  namespace: team\n", "  namespace: team\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n", StringComparison.Ordinal), Baseline, "v1.22", "AppArmor", "metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/app\"]" },
        { "apparmor annotation localhost", Compliant.Replace("  namespace: team\n", "  namespace: team\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-app\n", StringComparison.Ordinal), Restricted, "latest", null, null },

        // Baseline: SELinux
        { "selinux spc_t", WithContainerSecurity("      seLinuxOptions:\n        type: spc_t"), Baseline, "latest", "SELinux", Sc + ".seLinuxOptions.type" },
        { "selinux container_engine_t at v1.30", WithContainerSecurity("      seLinuxOptions:\n        type: container_engine_t"), Baseline, "v1.30", "SELinux", Sc + ".seLinuxOptions.type" },
        { "selinux container_engine_t at v1.31", WithContainerSecurity("      seLinuxOptions:\n        type: container_engine_t"), Baseline, "v1.31", null, null },
        { "selinux user on the pod", WithPodFields("  securityContext:\n    seLinuxOptions:\n      user: system_u"), Baseline, "latest", "SELinux", "spec.securityContext.seLinuxOptions.user" },
        { "selinux role", WithContainerSecurity("      seLinuxOptions:\n        role: sysadm_r"), Baseline, "latest", "SELinux", Sc + ".seLinuxOptions.role" },
        { "selinux level only", WithContainerSecurity("      seLinuxOptions:\n        level: s0:c1,c2"), Restricted, "latest", null, null },

        // Baseline: /proc Mount Type, relaxed for user-namespace pods under Baseline from v1.35
        { "procMount Unmasked", WithContainerSecurity("      procMount: Unmasked"), Baseline, "latest", "/proc Mount Type", Sc + ".procMount" },
        { "procMount Unmasked with hostUsers false at v1.35", WithPodFields("  hostUsers: false").Replace("drop:\n        - ALL", "drop:\n        - ALL\n      procMount: Unmasked", StringComparison.Ordinal), Baseline, "v1.35", null, null },
        { "procMount Unmasked with hostUsers false at v1.34", WithPodFields("  hostUsers: false").Replace("drop:\n        - ALL", "drop:\n        - ALL\n      procMount: Unmasked", StringComparison.Ordinal), Baseline, "v1.34", "/proc Mount Type", Sc + ".procMount" },
        { "procMount Unmasked with hostUsers false under restricted", WithPodFields("  hostUsers: false").Replace("drop:\n        - ALL", "drop:\n        - ALL\n      procMount: Unmasked", StringComparison.Ordinal), Restricted, "latest", "/proc Mount Type", Sc + ".procMount" },

        // Baseline: Seccomp (annotations up to v1.18, fields from v1.19)
        { "seccomp Unconfined at v1.19", WithPodFields("  securityContext:\n    seccompProfile:\n      type: Unconfined"), Baseline, "v1.19", "Seccomp", "spec.securityContext.seccompProfile.type" },
        { "seccomp Unconfined field at v1.18", WithPodFields("  securityContext:\n    seccompProfile:\n      type: Unconfined"), Baseline, "v1.18", null, null },
        { "seccomp annotation unconfined at v1.18", Compliant.Replace("  namespace: team\n", "  namespace: team\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\n", StringComparison.Ordinal), Baseline, "v1.18", "Seccomp", "metadata.annotations[\"seccomp.security.alpha.kubernetes.io/pod\"]" },
        { "seccomp annotation unconfined at v1.19", Compliant.Replace("  namespace: team\n", "  namespace: team\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\n", StringComparison.Ordinal), Baseline, "v1.19", null, null },
        { "container seccomp annotation docker/default", Compliant.Replace("  namespace: team\n", "  namespace: team\n  annotations:\n    container.seccomp.security.alpha.kubernetes.io/app: docker/default\n", StringComparison.Ordinal), Baseline, "v1.10", null, null },

        // Baseline: Sysctls (the safe set grew in v1.27, v1.29 and v1.32)
        { "unsafe sysctl", WithPodFields("  securityContext:\n    sysctls:\n    - name: kernel.msgmax\n      value: \"65536\""), Baseline, "latest", "Sysctls", "spec.securityContext.sysctls[0].name" },
        { "ip_local_reserved_ports at v1.26", WithPodFields("  securityContext:\n    sysctls:\n    - name: net.ipv4.ip_local_reserved_ports\n      value: \"30000\""), Baseline, "v1.26", "Sysctls", "spec.securityContext.sysctls[0].name" },
        { "ip_local_reserved_ports at v1.27", WithPodFields("  securityContext:\n    sysctls:\n    - name: net.ipv4.ip_local_reserved_ports\n      value: \"30000\""), Baseline, "v1.27", null, null },
        { "tcp_keepalive_time at v1.28", WithPodFields("  securityContext:\n    sysctls:\n    - name: net.ipv4.tcp_keepalive_time\n      value: \"600\""), Baseline, "v1.28", "Sysctls", "spec.securityContext.sysctls[0].name" },
        { "tcp_keepalive_time at v1.29", WithPodFields("  securityContext:\n    sysctls:\n    - name: net.ipv4.tcp_keepalive_time\n      value: \"600\""), Baseline, "v1.29", null, null },
        { "tcp_rmem at v1.31", WithPodFields("  securityContext:\n    sysctls:\n    - name: net.ipv4.tcp_rmem\n      value: 4096 87380 6291456"), Baseline, "v1.31", "Sysctls", "spec.securityContext.sysctls[0].name" },
        { "tcp_rmem at v1.32", WithPodFields("  securityContext:\n    sysctls:\n    - name: net.ipv4.tcp_rmem\n      value: 4096 87380 6291456"), Restricted, "v1.32", null, null },

        // Restricted: Volume Types
        { "nfs volume", WithPodFields("  volumes:\n  - name: share\n    nfs:\n      server: nfs.example\n      path: /share"), Restricted, "latest", "Volume Types", "spec.volumes[0].nfs" },
        { "nfs volume under baseline", WithPodFields("  volumes:\n  - name: share\n    nfs:\n      server: nfs.example\n      path: /share"), Baseline, "latest", null, null },
        { "image volume", WithPodFields("  volumes:\n  - name: data\n    image:\n      reference: registry.example/data:1"), Restricted, "v1.25", null, null },
        { "volume without source", WithPodFields("  volumes:\n  - name: scratch"), Restricted, "latest", null, null },

        // Restricted: Privilege Escalation (v1.8+; Linux only from v1.25)
        { "allowPrivilegeEscalation true", Compliant.Replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true", StringComparison.Ordinal), Restricted, "latest", "Privilege Escalation", Sc + ".allowPrivilegeEscalation" },
        { "allowPrivilegeEscalation missing", Compliant.Replace("      allowPrivilegeEscalation: false\n", "", StringComparison.Ordinal), Restricted, "v1.8", "Privilege Escalation", Sc },
        { "allowPrivilegeEscalation missing at v1.7", Compliant.Replace("      allowPrivilegeEscalation: false\n", "", StringComparison.Ordinal), Restricted, "v1.7", null, null },

        // Restricted: Running as Non-root
        { "runAsNonRoot false", Compliant.Replace("runAsNonRoot: true", "runAsNonRoot: false", StringComparison.Ordinal), Restricted, "latest", "Running as Non-root", Sc + ".runAsNonRoot" },
        { "runAsNonRoot missing", Compliant.Replace("      runAsNonRoot: true\n", "", StringComparison.Ordinal), Restricted, "v1.0", "Running as Non-root", Sc },
        { "runAsNonRoot on the pod only", WithPodFields("  securityContext:\n    runAsNonRoot: true").Replace("      runAsNonRoot: true\n", "", StringComparison.Ordinal), Restricted, "latest", null, null },
        { "runAsNonRoot missing, hostUsers false at v1.35", WithPodFields("  hostUsers: false").Replace("      runAsNonRoot: true\n", "", StringComparison.Ordinal), Restricted, "v1.35", null, null },
        { "runAsNonRoot missing, hostUsers false at v1.34", WithPodFields("  hostUsers: false").Replace("      runAsNonRoot: true\n", "", StringComparison.Ordinal), Restricted, "v1.34", "Running as Non-root", Sc },

        // Restricted: Running as Non-root user (v1.23+)
        { "runAsUser 0 at v1.23", WithContainerSecurity("      runAsUser: 0"), Restricted, "v1.23", "Running as Non-root user", Sc + ".runAsUser" },
        { "runAsUser 0 at v1.22", WithContainerSecurity("      runAsUser: 0"), Restricted, "v1.22", null, null },
        { "runAsUser 0 on the pod", WithPodFields("  securityContext:\n    runAsUser: 0"), Restricted, "latest", "Running as Non-root user", "spec.securityContext.runAsUser" },
        { "runAsUser 0 with hostUsers false at v1.35", WithPodFields("  hostUsers: false").Replace("drop:\n        - ALL", "drop:\n        - ALL\n      runAsUser: 0", StringComparison.Ordinal), Restricted, "v1.35", null, null },
        { "runAsUser 1000", WithContainerSecurity("      runAsUser: 1000"), Restricted, "latest", null, null },

        // Restricted: Seccomp (v1.19+; Linux only from v1.25)
        { "seccomp missing at v1.19", Compliant.Replace("      seccompProfile:\n        type: RuntimeDefault\n", "", StringComparison.Ordinal), Restricted, "v1.19", "Seccomp", Sc },
        { "seccomp missing at v1.18", Compliant.Replace("      seccompProfile:\n        type: RuntimeDefault\n", "", StringComparison.Ordinal), Restricted, "v1.18", null, null },
        { "seccomp on the pod only", WithPodFields("  securityContext:\n    seccompProfile:\n      type: Localhost\n      localhostProfile: app.json").Replace("      seccompProfile:\n        type: RuntimeDefault\n", "", StringComparison.Ordinal), Restricted, "latest", null, null },
        { "seccomp profile without type", Compliant.Replace("        type: RuntimeDefault\n", "        localhostProfile: app.json\n", StringComparison.Ordinal), Restricted, "latest", "Seccomp", Sc + ".seccompProfile" },

        // Restricted: Capabilities (v1.22+; Linux only from v1.25)
        { "drop missing at v1.22", Compliant.Replace("      capabilities:\n        drop:\n        - ALL", "      capabilities:\n        drop:\n        - NET_RAW", StringComparison.Ordinal), Restricted, "v1.22", "Capabilities", Sc + ".capabilities.drop" },
        { "drop missing at v1.21", Compliant.Replace("      capabilities:\n        drop:\n        - ALL", "      capabilities:\n        drop:\n        - NET_RAW", StringComparison.Ordinal), Restricted, "v1.21", null, null },
        { "adds CHOWN under restricted", WithContainerSecurity("        add:\n        - CHOWN"), Restricted, "latest", "Capabilities", Sc + ".capabilities.add[0]" },
        { "adds CHOWN under restricted v1.21", WithContainerSecurity("        add:\n        - CHOWN"), Restricted, "v1.21", null, null },
        { "adds NET_BIND_SERVICE", WithContainerSecurity("        add:\n        - NET_BIND_SERVICE"), Restricted, "latest", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Control_fails_at_its_field_or_passes(string name, string yaml, PodSecurityLevel level, string version, string? control, string? path)
    {
        var violations = Evaluate(yaml, level, version);
        if (control is null)
        {
            Assert.True(violations.IsEmpty, $"{name}: expected none, got {string.Join("; ", violations.Select(v => $"{v.Control} at {v.Node.Path}"))}");
            return;
        }

        var v = Assert.Single(violations);
        Assert.Equal(control, v.Control);
        Assert.Equal(path, v.Node.Path);
        Assert.Contains("'web'", v.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compliant_pod_passes_restricted_at_every_version()
    {
        var pod = Read(Compliant);
        for (var minor = 0; minor <= 40; minor++)
            Assert.Empty(PodSecurityEvaluator.Evaluate(pod, Restricted, PolicyVersion.V1(minor)));
        Assert.Empty(PodSecurityEvaluator.Evaluate(pod, Restricted, PolicyVersion.Latest));
    }

    [Fact]
    public void Privileged_level_has_no_controls()
    {
        var pod = Read(WithPodFields("  hostNetwork: true\n  hostPID: true"));
        Assert.Empty(PodSecurityEvaluator.Evaluate(pod, Privileged, PolicyVersion.Latest));
        Assert.Equal(2, PodSecurityEvaluator.Evaluate(pod, Baseline, PolicyVersion.Latest).Length);
    }

    [Fact]
    public void Windows_pod_is_exempt_from_linux_only_restricted_controls_from_v1_25()
    {
        var pod = Read(WindowsPod);
        Assert.Equal(
            ["Privilege Escalation", "Running as Non-root", "Seccomp", "Capabilities"],
            PodSecurityEvaluator.Evaluate(pod, Restricted, PolicyVersion.V1(24)).Select(v => v.Control));
        var v125 = Assert.Single(PodSecurityEvaluator.Evaluate(pod, Restricted, PolicyVersion.V1(25)));
        Assert.Equal("Running as Non-root", v125.Control);
    }

    [Fact]
    public void Windows_pod_adding_a_capability_fails_baseline_but_not_restricted_from_v1_25()
    {
        var yaml = WindowsPod + "\n    securityContext:\n      runAsNonRoot: true\n      capabilities:\n        add:\n        - SYS_ADMIN";
        var pod = Read(yaml);
        Assert.Equal("Capabilities", Assert.Single(PodSecurityEvaluator.Evaluate(pod, Baseline, PolicyVersion.Latest)).Control);
        Assert.Empty(PodSecurityEvaluator.Evaluate(pod, Restricted, PolicyVersion.Latest));
    }

    [Fact]
    public void Init_and_ephemeral_containers_are_checked()
    {
        var yaml = Compliant + """

              initContainers:
              - name: setup
                image: registry.example/setup:1.0
                securityContext:
                  privileged: true
              ephemeralContainers:
              - name: debug
                image: registry.example/debug:1.0
                securityContext:
                  privileged: true
            """;
        var violations = Evaluate(yaml, Baseline, "latest");
        Assert.Equal(["spec.initContainers[0].securityContext.privileged", "spec.ephemeralContainers[0].securityContext.privileged"], violations.Select(v => v.Node.Path));
        Assert.Contains("Init container 'setup'", violations[0].Message, StringComparison.Ordinal);
        Assert.Contains("Ephemeral container 'debug'", violations[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_without_security_context_is_reported_at_its_name()
    {
        var yaml = WindowsPod.Replace("  os:\n    name: windows\n", "", StringComparison.Ordinal);
        var violations = Evaluate(yaml, Restricted, "latest");
        Assert.All(violations, v => Assert.Equal("spec.containers[0].name", v.Node.Path));
        Assert.Equal(["Privilege Escalation", "Running as Non-root", "Seccomp", "Capabilities"], violations.Select(v => v.Control));
    }

    [Fact]
    public void Explicit_run_as_root_is_reported_instead_of_missing_settings()
    {
        var yaml = WithPodFields("  securityContext:\n    runAsNonRoot: false").Replace("      runAsNonRoot: true\n", "", StringComparison.Ordinal);
        var v = Assert.Single(Evaluate(yaml, Restricted, "latest"));
        Assert.Equal("spec.securityContext.runAsNonRoot", v.Node.Path);
    }
}

using System.Collections.Immutable;
using ManifestLint.Core.Rules;
using ManifestLint.Rules.ControlPlane;
using ManifestLint.Rules.Images;
using ManifestLint.Rules.Namespaces;
using ManifestLint.Rules.Network;
using ManifestLint.Rules.Pods;
using ManifestLint.Rules.Rbac;
using ManifestLint.Rules.References;
using ManifestLint.Rules.Reliability;
using ManifestLint.Rules.Resources;
using ManifestLint.Rules.Schema;
using ManifestLint.Rules.Secrets;
using ManifestLint.Rules.ServiceAccounts;

namespace ManifestLint.Rules;

/// <summary>
/// Every built-in rule, sorted by id (ordinal). Registration is explicit so the registry is a value,
/// not a side effect; a meta-test proves by reflection that it lists every rule class exactly once.
/// Data-driven checks (<see cref="ControlPlaneChecks"/>: one template class, many instances) are merged
/// into the same sorted list.
/// </summary>
public static class BuiltInRules
{
    /// <summary>The rule classes written one per file, in id order (a meta-test keeps this literal sorted).</summary>
    internal static ImmutableArray<Rule> HandWritten { get; } =
    [
        new ApiDeprecated(),
        new ApiRemoved(),
        new ApparmorUnconfined(),
        new AuditPolicyLogsSecretBodies(),
        new AuditPolicyMissesAuth(),
        new AuditPolicyMissesRbacChanges(),
        new AuditPolicyMissesSecretsAccess(),
        new AuditPolicyMissesWorkloadChanges(),
        new CapabilitiesNotDropped(),
        new ClusterAdminBinding(),
        new ClusterRoleWhereRoleSuffices(),
        new CrdSchemaViolation(),
        new CronjobConcurrencyAllow(),
        new CronjobDeadlineMissing(),
        new CronjobHistoryLimitLarge(),
        new DangerousCapability(),
        new DefaultServiceAccount(),
        new DefaultServiceAccountHasPermissions(),
        new EgressDenyBlocksDns(),
        new EncryptionIdentityFirst(),
        new EncryptionKeyInFile(),
        new EncryptionWeakProvider(),
        new EphemeralStorageMissing(),
        new HardcodedSecretInEnv(),
        new HostIpc(),
        new HostNetwork(),
        new HostPathVolume(),
        new HostPid(),
        new HostPort(),
        new HostUsers(),
        new HpaMinReplicas(),
        new HpaReplicasConflict(),
        new HpaTargetMissing(),
        new ImageNotPinned(),
        new ImagePullPolicyMutableTag(),
        new IngressBackendMissing(),
        new JobRestartPolicyInvalid(),
        new JobTtlMissing(),
        new LatestImageTag(),
        new MemoryRequestBelowLimit(),
        new MissingConfigmapOrSecret(),
        new MissingLivenessProbe(),
        new MissingReadinessProbe(),
        new MissingResourceLimits(),
        new MissingResourceRequests(),
        new MissingServiceAccount(),
        new NamespaceWithoutDefaultDeny(),
        new NamespaceWithoutPodSecurity(),
        new NetworkPolicyAllowsAll(),
        new NetworkPolicySelectsNothing(),
        new PdbBlocksEviction(),
        new PdbMinAvailableVsHpa(),
        new PdbMissing(),
        new PdbSelectsNoPods(),
        new PodAntiAffinityMissing(),
        new PodNotSelectedByNetworkPolicy(),
        new PodSecurityAdmission(),
        new PowerfulServiceAccountMounted(),
        new PriorityClassMissing(),
        new PrivilegeEscalationAllowed(),
        new PrivilegedContainer(),
        new ProbePortMissing(),
        new ProbesIdentical(),
        new ProcMountUnmasked(),
        new RbacBindingToMissingRole(),
        new RbacBindingToMissingServiceAccount(),
        new RbacEscalationVerbs(),
        new RbacPodCreation(),
        new RbacPodExec(),
        new RbacSecretsAccess(),
        new RbacWebhookControl(),
        new RunAsRoot(),
        new SchemaDuplicateListKey(),
        new SchemaInvalidType(),
        new SchemaInvalidValue(),
        new SchemaMissingRequired(),
        new SchemaUnknownField(),
        new SeccompUnconfined(),
        new SecretInEnv(),
        new SelectorMismatch(),
        new ServiceAccountTokenAutomount(),
        new ServiceNodePort(),
        new ServiceSelectsNoPods(),
        new ServiceTargetPortInvalidName(),
        new ServiceTargetPortMissing(),
        new StatefulsetServiceMissing(),
        new UnsafeSysctl(),
        new WildcardRbacRule(),
        new WritableRootFilesystem(),
    ];

    // Declared after HandWritten: static initializers run in textual order.
    public static ImmutableArray<Rule> All { get; } = Sorted([.. HandWritten, .. ControlPlaneChecks.Rules]);

    private static ImmutableArray<Rule> Sorted(ImmutableArray<Rule> rules) =>
        [.. rules.OrderBy(r => r.Info.Id, StringComparer.Ordinal)];
}

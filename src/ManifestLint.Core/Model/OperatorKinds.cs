using System.Collections.Frozen;

namespace ManifestLint.Core.Model;

/// <summary>
/// Custom resources that operators turn into pods (Prometheus Operator's <c>Prometheus</c>, Strimzi's <c>Kafka</c>,
/// CloudNativePG's <c>Cluster</c>, ECK's <c>Elasticsearch</c>, ...), and those known to configure something without
/// running pods. Those pods are never in the input, so a selector that matches none of the input's pods in a
/// namespace holding such a resource may still select the operator's pods.
/// </summary>
public static class OperatorKinds
{
    /// <summary>Kinds, by API group, whose operator creates pods in the resource's namespace.</summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> CreatePods = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["monitoring.coreos.com"] = ["Prometheus", "PrometheusAgent", "Alertmanager", "ThanosRuler"],
        ["kafka.strimzi.io"] = ["Kafka", "KafkaNodePool", "KafkaConnect", "KafkaMirrorMaker2", "KafkaBridge", "KafkaConnector"],
        ["postgresql.cnpg.io"] = ["Cluster", "Pooler"],
        ["elasticsearch.k8s.elastic.co"] = ["Elasticsearch"],
        ["kibana.k8s.elastic.co"] = ["Kibana"],
        ["apm.k8s.elastic.co"] = ["ApmServer"],
        ["beat.k8s.elastic.co"] = ["Beat"],
        ["agent.k8s.elastic.co"] = ["Agent"],
        ["logstash.k8s.elastic.co"] = ["Logstash"],
        ["enterprisesearch.k8s.elastic.co"] = ["EnterpriseSearch"],
        ["maps.k8s.elastic.co"] = ["ElasticMapsServer"],
        ["monitoring.grafana.com"] = ["GrafanaAgent"],
        ["operator.victoriametrics.com"] = ["VMSingle", "VMCluster", "VMAgent", "VMAlert", "VMAlertmanager", "VMAuth"],
        ["rabbitmq.com"] = ["RabbitmqCluster"],
        ["acid.zalan.do"] = ["postgresql"],
        ["postgres-operator.crunchydata.com"] = ["PostgresCluster"],
        ["mongodbcommunity.mongodb.com"] = ["MongoDBCommunity"],
        ["databases.spotahome.com"] = ["RedisFailover"],
        ["opentelemetry.io"] = ["OpenTelemetryCollector"],
        ["jaegertracing.io"] = ["Jaeger"],
        ["flink.apache.org"] = ["FlinkDeployment"],
        ["sparkoperator.k8s.io"] = ["SparkApplication", "ScheduledSparkApplication"],
        ["minio.min.io"] = ["Tenant"],
        ["clickhouse.altinity.com"] = ["ClickHouseInstallation"],
        ["pxc.percona.com"] = ["PerconaXtraDBCluster"],
        ["psmdb.percona.com"] = ["PerconaServerMongoDB"],
        ["ceph.rook.io"] = ["CephCluster", "CephObjectStore", "CephFilesystem", "CephNFS"],
        ["loki.grafana.com"] = ["LokiStack"],
        ["tempo.grafana.com"] = ["TempoStack", "TempoMonolithic"],
        ["camel.apache.org"] = ["Integration"],
    }.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Groups whose kinds (all but those in <see cref="CreatePods"/>) configure things and run no pods of their own.</summary>
    private static readonly FrozenSet<string> ConfigurationGroups = new[]
    {
        "monitoring.coreos.com", "cert-manager.io", "acme.cert-manager.io", "networking.istio.io", "security.istio.io",
        "telemetry.istio.io", "traefik.io", "traefik.containo.us", "configuration.konghq.com", "external-secrets.io",
        "bitnami.com", "keda.sh", "kyverno.io", "templates.gatekeeper.sh", "constraints.gatekeeper.sh", "cilium.io",
        "crd.projectcalico.org", "projectcalico.org", "policy.linkerd.io", "linkerd.io", "velero.io", "argoproj.io",
        "monitoring.grafana.com", "getambassador.io", "cloud.google.com", "elbv2.k8s.aws", "vpcresources.k8s.aws",
        "appmesh.k8s.aws", "hub.traefik.io", "kubernetes-client.io", "secrets-store.csi.x-k8s.io",
        "operator.victoriametrics.com", "opentelemetry.io",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a kind served by Kubernetes itself (the core group, <c>apps</c>, <c>batch</c>, <c>*.k8s.io</c>, ...).</summary>
    public static bool IsBuiltIn(string group) =>
        group.Length == 0 || group is "apps" or "batch" or "policy" or "autoscaling" or "extensions"
        || group.EndsWith(".k8s.io", StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="resource"/> may make an operator run pods in its namespace: a kind known to, or a
    /// custom resource of a group not known to configure only (partial input: an unknown custom resource may run pods).
    /// </summary>
    public static bool MayCreatePods(Resource resource)
    {
        if (IsBuiltIn(resource.Group) || resource.Namespace is null)
            return false;
        if (CreatePods.TryGetValue(resource.Group, out var kinds) && kinds.Contains(resource.Kind))
            return true;
        return !ConfigurationGroups.Contains(resource.Group);
    }
}

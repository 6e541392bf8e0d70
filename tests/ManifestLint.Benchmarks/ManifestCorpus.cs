using System.Globalization;
using System.Text;

namespace ManifestLint.Benchmarks;

/// <summary>
/// Writes a synthetic repository of Kubernetes manifests for the whole-tree lint benchmark (bench.sh).
/// Each "app" is a Deployment, Service, ConfigMap, ServiceAccount and RoleBinding (5 resources),
/// spread over namespaces and files; half the apps are hardened, half are not, so rules do real work.
/// </summary>
internal static class ManifestCorpus
{
    public static void Write(int resources, string outDir, int? fileCount)
    {
        var files = fileCount ?? Math.Max(1, resources / 50);
        var apps = Math.Max(1, resources / 5);
        var namespaces = Math.Max(1, apps / 40);
        if (Directory.Exists(outDir))
            Directory.Delete(outDir, recursive: true);
        Directory.CreateDirectory(outDir);

        var writers = new StringBuilder[files];
        for (var i = 0; i < files; i++)
            writers[i] = new StringBuilder();

        for (var app = 0; app < apps; app++)
        {
            var sb = writers[app % files];
            var ns = "team-" + (app % namespaces).ToString(CultureInfo.InvariantCulture);
            var name = "app-" + app.ToString(CultureInfo.InvariantCulture);
            var hardened = app % 2 == 0;
            sb.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: {name}
                  namespace: {ns}
                automountServiceAccountToken: false
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {name}-config
                  namespace: {ns}
                  labels: {"{"}app: {name}{"}"}
                data:
                  LOG_LEVEL: info
                  FEATURE_FLAGS: "a,b,c"
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {name}
                  namespace: {ns}
                  labels:
                    app: {name}
                    team: {ns}
                spec:
                  replicas: 3
                  selector:
                    matchLabels:
                      app: {name}
                  template:
                    metadata:
                      labels:
                        app: {name}
                        team: {ns}
                    spec:
                      serviceAccountName: {name}
                      automountServiceAccountToken: false
                      securityContext:
                        runAsNonRoot: {(hardened ? "true" : "false")}
                        seccompProfile:
                          type: RuntimeDefault
                      containers:
                        - name: main
                          image: registry.example.com/{name}:{(hardened ? "1.2.3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" : "latest")}
                          ports:
                            - name: http
                              containerPort: 8080
                          env:
                            - name: DB_PASSWORD
                              {(hardened ? "valueFrom:\n                secretKeyRef: {name: db, key: password}" : "value: hunter2")}
                          envFrom:
                            - configMapRef:
                                name: {name}-config
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: {(hardened ? "true" : "false")}
                            privileged: {(hardened ? "false" : "true")}
                            capabilities:
                              drop: [ALL]
                          resources:
                            requests: {"{"}cpu: 100m, memory: 128Mi{"}"}
                            limits: {"{"}cpu: 500m, memory: 256Mi{"}"}
                          livenessProbe:
                            httpGet: {"{"}path: /healthz, port: http{"}"}
                          readinessProbe:
                            httpGet: {"{"}path: /ready, port: http{"}"}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: {name}
                  namespace: {ns}
                spec:
                  selector:
                    app: {name}
                  ports:
                    - name: http
                      port: 80
                      targetPort: http
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: {name}-view
                  namespace: {ns}
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: view
                subjects:
                  - kind: ServiceAccount
                    name: {name}
                    namespace: {ns}
                ---

                """);
        }

        long bytes = 0;
        for (var i = 0; i < files; i++)
        {
            var path = Path.Combine(outDir, "manifests-" + i.ToString("D4", CultureInfo.InvariantCulture) + ".yaml");
            File.WriteAllText(path, writers[i].ToString());
            bytes += new FileInfo(path).Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {apps * 5} resources in {files} files ({bytes / 1024.0 / 1024.0:F1} MiB) to {outDir}"));
    }
}

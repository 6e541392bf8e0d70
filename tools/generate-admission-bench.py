#!/usr/bin/env python3
"""Writes the admission benchmark input: N Deployments (10 files) and 20 ValidatingAdmissionPolicies with bindings.

Usage: tools/generate-admission-bench.py OUT_DIR [N=1000]
Then:  manifestlint lint OUT_DIR/manifests --policy OUT_DIR/policies --fail-on none --format json
"""
import os, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
os.makedirs(f"{out}/manifests", exist_ok=True)
os.makedirs(f"{out}/policies", exist_ok=True)
per_file = n // 10
for f in range(10):
    with open(f"{out}/manifests/apps-{f}.yaml", "w") as w:
        for i in range(per_file):
            k = f * per_file + i
            w.write(f"""---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{k}
  namespace: ns-{k % 7}
  labels:
    app: app-{k}
    team: team-{k % 5}
spec:
  replicas: {k % 9}
  selector:
    matchLabels:
      app: app-{k}
  template:
    metadata:
      labels:
        app: app-{k}
    spec:
      containers:
        - name: app
          image: {"ghcr.io/acme" if k % 3 else "docker.io/library"}/app-{k}:1.{k % 10}.0
          resources:
            limits:
              cpu: {100 + k % 900}m
              memory: {64 * (1 + k % 8)}Mi
        - name: sidecar
          image: ghcr.io/acme/envoy:1.29.{k % 4}
""")
expressions = [
    "object.spec.replicas <= 5",
    "object.spec.template.spec.containers.all(c, c.image.startsWith('ghcr.io/acme/'))",
    "has(object.metadata.labels) && 'team' in object.metadata.labels",
    "object.metadata.name.matches('^[a-z0-9-]+$')",
    "object.spec.template.spec.containers.all(c, !c.image.endsWith(':latest'))",
    "object.spec.template.spec.containers.all(c, has(c.resources) && has(c.resources.limits))",
    "object.spec.template.spec.containers.all(c, quantity(c.resources.?limits.?memory.orValue('0')).isLessThan(quantity('512Mi')))",
    "object.spec.template.spec.containers.all(c, quantity(c.resources.?limits.?cpu.orValue('0')).compareTo(quantity('900m')) <= 0)",
    "object.spec.template.spec.containers.map(c, c.name).isSorted()",
    "object.spec.template.spec.containers.size() <= 3",
    "object.metadata.labels.team.lowerAscii() == object.metadata.labels.team",
    "object.spec.template.spec.containers.exists(c, c.name == 'app')",
    "object.spec.template.spec.containers.all(c, semver(c.image.split(':')[1], true).isLessThan(semver('2.0.0')))",
    "object.metadata.namespace != 'default'",
    "object.spec.selector.matchLabels.app == object.metadata.labels.app",
    "!has(object.spec.template.spec.hostNetwork) || !object.spec.template.spec.hostNetwork",
    "object.spec.template.spec.containers.filter(c, c.image.contains('envoy')).size() <= 1",
    "object.?spec.?strategy.?type.orValue('RollingUpdate') == 'RollingUpdate'",
    "object.spec.template.spec.containers.all(c, c.name.size() < 64)",
    "object.metadata.name.split('-').size() <= 4",
]
with open(f"{out}/policies/policies.yaml", "w") as w:
    for i, e in enumerate(expressions):
        w.write(f"""---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: bench-{i}
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: ["apps"]
        apiVersions: ["v1"]
        operations: ["CREATE"]
        resources: ["deployments"]
  validations:
    - expression: "{e}"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: bench-{i}
spec:
  policyName: bench-{i}
  validationActions: [{"Deny" if i % 2 else "Warn"}]
""")

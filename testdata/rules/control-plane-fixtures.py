#!/usr/bin/env python3
"""Writes the fixtures of the control-plane rules (testdata/rules/<id>/) in every input form.

The checks' conditions are restated here on purpose: the expected findings (the `# expect:` markers)
come from this independent statement of each control, and the C# rules must agree with it.
Run from the repository root: python3 testdata/rules/control-plane-fixtures.py
"""
import os

COMPONENT_NAMES = {"apiserver": "kube-apiserver", "cm": "kube-controller-manager", "sched": "kube-scheduler", "etcd": "etcd"}
KUBEADM_SECTION = {"apiserver": ["apiServer"], "cm": ["controllerManager"], "sched": ["scheduler"], "etcd": ["etcd", "local"]}
BOOL_FLAGS = {"anonymous-auth", "profiling", "service-account-lookup", "use-service-account-credentials", "client-cert-auth",
              "peer-client-cert-auth", "auto-tls", "peer-auto-tls", "rotate-certificates", "make-iptables-util-chains"}

# Hardened settings per component (what the silent fixtures use).
GOOD = {
    "apiserver": {
        "advertise-address": "10.0.0.10", "anonymous-auth": "false", "authorization-mode": "Node,RBAC",
        "enable-admission-plugins": "NodeRestriction", "audit-log-path": "/var/log/kubernetes/audit/audit.log",
        "audit-policy-file": "/etc/kubernetes/audit-policy.yaml", "audit-log-maxage": "30", "audit-log-maxbackup": "10",
        "audit-log-maxsize": "100", "encryption-provider-config": "/etc/kubernetes/enc/encryption-config.yaml", "profiling": "false",
        "kubelet-client-certificate": "/etc/kubernetes/pki/apiserver-kubelet-client.crt",
        "kubelet-client-key": "/etc/kubernetes/pki/apiserver-kubelet-client.key", "kubelet-certificate-authority": "/etc/kubernetes/pki/ca.crt",
        "tls-cert-file": "/etc/kubernetes/pki/apiserver.crt", "tls-private-key-file": "/etc/kubernetes/pki/apiserver.key",
        "client-ca-file": "/etc/kubernetes/pki/ca.crt", "service-account-key-file": "/etc/kubernetes/pki/sa.pub",
        "etcd-certfile": "/etc/kubernetes/pki/apiserver-etcd-client.crt", "etcd-keyfile": "/etc/kubernetes/pki/apiserver-etcd-client.key",
        "etcd-cafile": "/etc/kubernetes/pki/etcd/ca.crt", "service-account-lookup": "true",
    },
    "cm": {"profiling": "false", "use-service-account-credentials": "true", "service-account-private-key-file": "/etc/kubernetes/pki/sa.key",
           "root-ca-file": "/etc/kubernetes/pki/ca.crt", "bind-address": "127.0.0.1"},
    "sched": {"profiling": "false", "bind-address": "127.0.0.1"},
    "etcd": {"client-cert-auth": "true", "cert-file": "/etc/kubernetes/pki/etcd/server.crt", "key-file": "/etc/kubernetes/pki/etcd/server.key",
             "peer-client-cert-auth": "true", "peer-cert-file": "/etc/kubernetes/pki/etcd/peer.crt", "peer-key-file": "/etc/kubernetes/pki/etcd/peer.key",
             "trusted-ca-file": "/etc/kubernetes/pki/etcd/ca.crt"},
}

# (flag, expectation, value, upstream default, kubeadm default, only-when-set)
def c(flag, expect, value=None, up=None, kadm=None, gate=None):
    return dict(flag=flag, expect=expect, value=value, up=up, kadm=kadm, gate=gate)

CHECKS = {
    "apiserver-anonymous-auth": ("apiserver", [c("anonymous-auth", "eq", "false", up="true")]),
    "apiserver-authorization-always-allow": ("apiserver", [c("authorization-mode", "notcontains", "AlwaysAllow", "AlwaysAllow", "Node,RBAC"),
                                                             c("authorization-mode", "contains", "RBAC", "AlwaysAllow", "Node,RBAC"),
                                                             c("authorization-mode", "contains", "Node", "AlwaysAllow", "Node,RBAC")]),
    "apiserver-no-audit-log": ("apiserver", [c("audit-log-path", "set"), c("audit-policy-file", "set")]),
    "apiserver-audit-log-retention": ("apiserver", [c("audit-log-maxage", "atleast", "30", gate="audit-log-path"),
                                                      c("audit-log-maxbackup", "atleast", "10", gate="audit-log-path"),
                                                      c("audit-log-maxsize", "atleast", "100", gate="audit-log-path")]),
    "apiserver-no-encryption-config": ("apiserver", [c("encryption-provider-config", "set")]),
    "apiserver-profiling": ("apiserver", [c("profiling", "eq", "false", up="true")]),
    "apiserver-insecure-admission": ("apiserver", [c("enable-admission-plugins", "notcontains", "AlwaysAdmit"),
                                                     c("enable-admission-plugins", "contains", "NodeRestriction", kadm="NodeRestriction"),
                                                     c("disable-admission-plugins", "notcontains", "NodeRestriction")]),
    "apiserver-token-auth-file": ("apiserver", [c("token-auth-file", "notset")]),
    "apiserver-kubelet-tls": ("apiserver", [c("kubelet-client-certificate", "set", kadm="x"), c("kubelet-client-key", "set", kadm="x"),
                                              c("kubelet-certificate-authority", "set")]),
    "apiserver-no-tls": ("apiserver", [c(f, "set", kadm="x") for f in ["tls-cert-file", "tls-private-key-file", "client-ca-file",
                                                                        "service-account-key-file", "etcd-certfile", "etcd-keyfile", "etcd-cafile"]]),
    "apiserver-service-account-lookup": ("apiserver", [c("service-account-lookup", "ne", "false", up="true")]),
    "controller-manager-profiling": ("cm", [c("profiling", "eq", "false", up="true")]),
    "controller-manager-shared-credentials": ("cm", [c("use-service-account-credentials", "eq", "true", "false", "true")]),
    "controller-manager-service-account-keys": ("cm", [c("service-account-private-key-file", "set", kadm="x"), c("root-ca-file", "set", kadm="x")]),
    "controller-manager-bind-address": ("cm", [c("bind-address", "eq", "127.0.0.1", "0.0.0.0", "127.0.0.1")]),
    "scheduler-profiling": ("sched", [c("profiling", "eq", "false", up="true")]),
    "scheduler-bind-address": ("sched", [c("bind-address", "eq", "127.0.0.1", "0.0.0.0", "127.0.0.1")]),
    "etcd-no-client-cert-auth": ("etcd", [c("client-cert-auth", "eq", "true", "false", "true"), c("cert-file", "set", kadm="x"),
                                          c("key-file", "set", kadm="x"), c("auto-tls", "ne", "true", up="false")]),
    "etcd-peer-tls": ("etcd", [c("peer-client-cert-auth", "eq", "true", "false", "true"), c("peer-cert-file", "set", kadm="x"),
                               c("peer-key-file", "set", kadm="x"), c("peer-auto-tls", "ne", "true", up="false")]),
}

# Kubelet checks: (flag, field, expectation, value, field default)
KUBELET = {
    "kubelet-anonymous-auth": [("anonymous-auth", "authentication.anonymous.enabled", "eq", "false", "false")],
    "kubelet-authorization-always-allow": [("authorization-mode", "authorization.mode", "ne", "AlwaysAllow", "Webhook")],
    "kubelet-read-only-port": [("read-only-port", "readOnlyPort", "eq", "0", "0")],
    "kubelet-no-client-ca": [("client-ca-file", "authentication.x509.clientCAFile", "set", None, None)],
    "kubelet-streaming-timeout-disabled": [("streaming-connection-idle-timeout", "streamingConnectionIdleTimeout", "ne", "0", "4h0m0s")],
    "kubelet-certificate-rotation-disabled": [("rotate-certificates", "rotateCertificates", "ne", "false", "true")],
    "kubelet-iptables-util-chains-disabled": [("make-iptables-util-chains", "makeIPTablesUtilChains", "ne", "false", "true")],
}
KUBELET_GOOD = {"authentication.anonymous.enabled": "false", "authentication.webhook.enabled": "true",
                "authentication.x509.clientCAFile": "/etc/kubernetes/pki/ca.crt", "authorization.mode": "Webhook",
                "readOnlyPort": "0", "streamingConnectionIdleTimeout": "4h0m0s", "rotateCertificates": "true",
                "makeIPTablesUtilChains": "true"}
KUBELET_BAD = {"authentication.anonymous.enabled": "true", "authorization.mode": "AlwaysAllow", "readOnlyPort": "10255",
               "authentication.x509.clientCAFile": '""', "streamingConnectionIdleTimeout": "0", "rotateCertificates": "false",
               "makeIPTablesUtilChains": "false"}


def passes(expect, value, want):
    items = [i.strip() for i in (value or "").split(",") if i.strip()]
    if expect == "eq": return value is not None and value.strip().lower() == want.lower()
    if expect == "ne": return value is None or value.strip().lower() != want.lower()
    if expect == "set": return value is not None and value.strip() != ""
    if expect == "notset": return value is None or value.strip() == ""
    if expect == "contains": return want in items
    if expect == "notcontains": return want not in items
    if expect == "atleast":
        try: return int(value) >= int(want)
        except (TypeError, ValueError): return False
    raise ValueError(expect)


def bad_flags(conds, good):
    """Flag values that violate every condition (None: remove the flag)."""
    out = {}
    for cd in conds:
        f, e, v = cd["flag"], cd["expect"], cd["value"]
        cur = out.get(f, good.get(f))
        if e == "eq": out[f] = {"false": "true", "true": "false", "0": "10255", "127.0.0.1": "0.0.0.0"}.get(v, "x")
        elif e == "ne": out[f] = v
        elif e == "set": out[f] = None
        elif e == "notset": out[f] = "/etc/kubernetes/known-tokens.csv"
        elif e == "atleast": out[f] = "1"
        elif e == "contains":
            items = [i for i in (cur or "").split(",") if i and i != v]
            out[f] = ",".join(items) if items else "AlwaysAdmit" if "admission" in f else "AlwaysAllow"
        elif e == "notcontains":
            items = [i for i in (cur or "").split(",") if i]
            if v not in items: items.append(v)
            out[f] = ",".join(items)
    return out


def evaluate(conds, flags, kubeadm):
    """Conditions that fail for the given flag values; returns the list of failing flags (None: at the anchor)."""
    fails = []
    for cd in conds:
        gate = cd["gate"]
        if gate and gate not in flags and (not kubeadm or cd["kadm"] is None):
            continue
        present = cd["flag"] in flags
        value = flags[cd["flag"]] if present else (cd["kadm"] or cd["up"]) if kubeadm else cd["up"]
        if not passes(cd["expect"], value, cd["value"]):
            fails.append(cd["flag"] if present else None)
    return fails


def header(comp):
    name = COMPONENT_NAMES[comp]
    return ["apiVersion: v1", "kind: Pod", "metadata:", f"  name: {name}", "  namespace: kube-system", "  labels:",
            f"    component: {name}", "    tier: control-plane", "spec:", "  hostNetwork: true", "  priorityClassName: system-node-critical",
            "  containers:", f"    - name: {name}", f"      image: registry.k8s.io/{name}:v1.31.2" if comp != "etcd" else "      image: registry.k8s.io/etcd:3.5.15-0"]


def static_pod(rule, comp, flags, fails, split=False):
    lines = header(comp) + ["      command:"]
    anchor = len(lines)
    lines.append(f"        - {COMPONENT_NAMES[comp]}")
    marks = {}
    for f, v in flags.items():
        if split and f not in BOOL_FLAGS:
            lines.append(f"        - --{f}")
            lines.append(f"        - {quote(v)}")
        elif split and f in BOOL_FLAGS and v == "false":
            # Go's flag parsing sets a boolean to true when its value is a separate word.
            lines.append(f"        - --{f}")
            lines.append(f"        - \"{v}\"")
            marks.setdefault(f, len(lines) - 1)
            continue
        else:
            lines.append(f"        - --{f}={v}")
        marks[f] = len(lines)
    return finish(lines, rule, fails, marks, anchor)


def quote(v):
    return f'"{v}"' if v in ("true", "false") or v == "" or v[0].isdigit() else v


def kubeadm(rule, comp, flags, fails, version, with_args=True):
    lines = [f"apiVersion: kubeadm.k8s.io/{version}", "kind: ClusterConfiguration", "kubernetesVersion: v1.31.2",
             "controlPlaneEndpoint: cp.example.internal:6443"]
    section = KUBEADM_SECTION[comp]
    indent = ""
    for s in section:
        lines.append(f"{indent}{s}:")
        indent += "  "
    anchor = len(lines)
    marks = {}
    if with_args:
        lines.append(f"{indent}extraArgs:")
        anchor = len(lines)
        for f, v in flags.items():
            if version == "v1beta3":
                lines.append(f'{indent}  {f}: "{v}"')
            else:
                lines.append(f"{indent}  - name: {f}")
                lines.append(f'{indent}    value: "{v}"')
            marks[f] = len(lines)
    else:
        lines.append(f"{indent}# no extraArgs: kubeadm's own flags apply")
        lines.append(f"{indent}{'dataDir: /var/lib/etcd' if comp == 'etcd' else 'timeoutForControlPlane: 4m0s' if comp == 'apiserver' else 'extraVolumes: []'}")
    return finish(lines, rule, fails, marks, anchor)


def finish(lines, rule, fails, marks, anchor):
    counts = {}
    for f in fails:
        line = marks[f] if f is not None else anchor
        counts[line] = counts.get(line, 0) + 1
    out = []
    for i, text in enumerate(lines, start=1):
        if i in counts:
            text += "  # expect: " + ", ".join([rule] * counts[i])
        out.append(text)
    return "\n".join(out) + "\n"


def write(rule, name, text):
    d = os.path.join("testdata", "rules", rule)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "w", newline="\n") as fh:
        fh.write(text)


def kubelet_config(rule, fields, fails_fields, minimal=False):
    lines = ["apiVersion: kubelet.config.k8s.io/v1beta1", "kind: KubeletConfiguration"]
    marks = {}
    if not minimal:
        tree = {}
        for path, v in fields.items():
            node = tree
            parts = path.split(".")
            for p in parts[:-1]:
                node = node.setdefault(p, {})
            node[parts[-1]] = (v, path)

        def emit(node, indent):
            for k, v in node.items():
                if isinstance(v, dict):
                    lines.append(f"{indent}{k}:")
                    emit(v, indent + "  ")
                else:
                    lines.append(f"{indent}{k}: {v[0]}")
                    marks[v[1]] = len(lines)
        emit(tree, "")
    lines.append("cgroupDriver: systemd")
    counts = {}
    for path in fails_fields:
        line = marks.get(path, 2)
        counts[line] = counts.get(line, 0) + 1
    return "\n".join(t + ("  # expect: " + ", ".join([rule] * counts[i]) if i in counts else "") for i, t in enumerate(lines, 1)) + "\n"


def kubelet_args(rule, flags, version, fails):
    kind = "InitConfiguration" if version == "v1beta3" else "JoinConfiguration"
    lines = [f"apiVersion: kubeadm.k8s.io/{version}", f"kind: {kind}", "nodeRegistration:", "  criSocket: unix:///run/containerd/containerd.sock",
             "  kubeletExtraArgs:"]
    marks = {}
    for f, v in flags.items():
        if version == "v1beta3":
            lines.append(f'    {f}: "{v}"')
        else:
            lines.append(f"    - name: {f}")
            lines.append(f'      value: "{v}"')
        marks[f] = len(lines)
    counts = {}
    for f in fails:
        counts[marks[f]] = counts.get(marks[f], 0) + 1
    return "\n".join(t + ("  # expect: " + ", ".join([rule] * counts[i]) if i in counts else "") for i, t in enumerate(lines, 1)) + "\n"


def main():
    for rule, (comp, conds) in CHECKS.items():
        good = GOOD[comp]
        bad = bad_flags(conds, good)
        flags = dict(good)
        for f, v in bad.items():
            if v is None: flags.pop(f, None)
            else: flags[f] = v
        write(rule, "fires-static-pod.yaml", static_pod(rule, comp, flags, evaluate(conds, flags, False)))
        split_vals = dict(flags)
        fails_split = evaluate(conds, {f: ("true" if f in BOOL_FLAGS and v == "false" else v) for f, v in split_vals.items()}, False)
        if fails_split:
            write(rule, "fires-static-pod-separate-value.yaml", static_pod(rule, comp, split_vals, fails_split, split=True))
        defaults = {f: v for f, v in good.items() if f not in {cd["flag"] for cd in conds} and f != "audit-log-path"}
        fails_defaults = evaluate(conds, defaults, False)
        if fails_defaults:
            write(rule, "fires-static-pod-defaults.yaml", static_pod(rule, comp, defaults, fails_defaults))
        kflags = {f: ("" if bad.get(f, 0) is None else bad.get(f, good.get(f))) for f in {cd["flag"] for cd in conds}}
        if any(cd["gate"] for cd in conds):
            kflags["audit-log-path"] = good["audit-log-path"]
        kflags = dict(sorted(kflags.items()))
        for version in ("v1beta3", "v1beta4"):
            write(rule, f"fires-kubeadm-{version}.yaml", kubeadm(rule, comp, kflags, evaluate(conds, kflags, True), version))
        fails_kdefaults = evaluate(conds, {}, True)
        write(rule, ("fires" if fails_kdefaults else "silent") + "-kubeadm-defaults.yaml", kubeadm(rule, comp, {}, fails_kdefaults, "v1beta4", with_args=False))
        write(rule, "silent-static-pod.yaml", static_pod(rule, comp, good, []))
        good_k = {f: good[f] for f in sorted({cd["flag"] for cd in conds} | ({"audit-log-path"} if any(cd["gate"] for cd in conds) else set())) if f in good}
        assert not evaluate(conds, good_k, True), rule
        write(rule, "silent-kubeadm-v1beta4.yaml", kubeadm(rule, comp, good_k, [], "v1beta4"))
    for rule, conds in KUBELET.items():
        fields = dict(KUBELET_GOOD)
        failing = []
        flags = {}
        for flag, field, expect, value, default in conds:
            fields[field] = KUBELET_BAD[field]
            failing.append(field)
            flags[flag] = {"eq": {"false": "true", "0": "10255"}.get(value, "x"), "ne": value, "set": ""}[expect]
        write(rule, "fires-kubelet-config.yaml", kubelet_config(rule, fields, failing))
        minimal_fails = [field for flag, field, expect, value, default in conds if not passes(expect, default, value)]
        write(rule, ("fires" if minimal_fails else "silent") + "-kubelet-config-defaults.yaml", kubelet_config(rule, {}, minimal_fails, minimal=True))
        write(rule, "silent-kubelet-config.yaml", kubelet_config(rule, KUBELET_GOOD, []))
        for version in ("v1beta3", "v1beta4"):
            write(rule, f"fires-kubeadm-kubelet-args-{version}.yaml", kubelet_args(rule, flags, version, list(flags)))
        good_flags = {flag: {"eq": value, "ne": "Webhook" if value == "AlwaysAllow" else "1h0m0s" if value == "0" else "true", "set": "/etc/kubernetes/pki/ca.crt"}[expect]
                      for flag, field, expect, value, default in conds}
        write(rule, "silent-kubeadm-kubelet-args-v1beta4.yaml", kubelet_args(rule, good_flags, "v1beta4", []))


if __name__ == "__main__":
    main()

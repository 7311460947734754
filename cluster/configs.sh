# The configuration files of containerd, the CNI bridge and the kubelet. Sourced by cluster/up.

write_containerd_config() {
  mkdir -p "$NODE_DIR/containerd" "$RUN_DIR"
  # Our own root, state, socket, runc and plugin folders: a containerd already running on the machine (docker's)
  # is never touched. SystemdCgroup false: no systemd runs as init here, the kubelet uses cgroupfs too.
  # restrict_oom_score_adj: our machines withhold CAP_SYS_RESOURCE even from root, so no process may lower its
  # oom_score_adj below containerd's (0); the kubelet asks -998 for the sandbox and -997 for Guaranteed
  # containers (pkg/kubelet/qos/policy.go), which runc would fail to set. Scores below 0 become 0; the
  # kubelet's own eviction order (by QoS and usage) is unchanged.
  cat > "$NODE_DIR/containerd/config.toml" <<EOF
version = 2
root = "$NODE_DIR/containerd/root"
state = "$RUN_DIR/containerd"
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper"]

[grpc]
  address = "$CONTAINERD_SOCK"
[ttrpc]
  address = "$CONTAINERD_SOCK.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$NODE_DIR/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$PAUSE_IMAGE"
  stream_server_address = "127.0.0.1"
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = "$RUN_DIR/runc"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$NODE_DIR/cni/net.d"
EOF
}

write_cni_config() {
  mkdir -p "$NODE_DIR/cni/net.d"
  # No masquerading and no port mapping (no iptables rules to leave behind); isGateway gives the host, where the
  # kubelet's httpGet and tcpSocket probes run, a route to every pod.
  cat > "$NODE_DIR/cni/net.d/10-podcheck.conflist" <<EOF
{
  "cniVersion": "0.4.0",
  "name": "podcheck",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "$POD_SUBNET"}]],
        "routes": [{"dst": "0.0.0.0/0"}],
        "dataDir": "$NODE_DIR/cni/ipam"
      }
    }
  ]
}
EOF
}

write_kubelet_config() {
  local pki="$NODE_DIR/pki"
  mkdir -p "$NODE_DIR/kubelet"
  # Eviction thresholds low enough that a CI machine's disk never evicts our pods; cgroupfs (no systemd);
  # webhook authentication and authorization, as a kubeadm node has, so the apiserver reads logs through RBAC.
  cat > "$NODE_DIR/kubelet-config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: $pki/ca.crt
authorization:
  mode: Webhook
cgroupDriver: cgroupfs
cgroupRoot: /$CGROUP_ROOT
containerRuntimeEndpoint: unix://$CONTAINERD_SOCK
tlsCertFile: $pki/kubelet.crt
tlsPrivateKeyFile: $pki/kubelet.key
readOnlyPort: 0
resolvConf: /etc/resolv.conf
failSwapOn: true
# The kubelet lowers its own score to -999 by default, which needs CAP_SYS_RESOURCE (see the containerd config).
oomScoreAdj: 0
evictionHard:
  memory.available: "100Mi"
  nodefs.available: "1%"
  nodefs.inodesFree: "1%"
  imagefs.available: "1%"
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
EOF
  kubelet_release_settings "$(release_minor "$RELEASE")" >> "$NODE_DIR/kubelet-config.yaml"
}

# What a release's kubelet needs beyond the settings every release shares.
kubelet_release_settings() {
  local minor="$1"
  # Our machines run the cgroup v1 hierarchy: from 1.35 the kubelet refuses to start on it unless told not to
  # (failCgroupV1 defaults to true from v1.35: pkg/kubelet/apis/config/v1beta1/defaults.go).
  if [ "$minor" -ge 35 ]; then
    echo "failCgroupV1: false"
  fi
}

# The kubelet's cgroups live under our own parent in every hierarchy, so `down` removes only ours. The kubelet
# refuses a cgroup root that does not exist; a new cpuset cgroup has no CPUs or memory nodes until given its parent's.
make_cgroup_root() {
  local hierarchy
  for hierarchy in /sys/fs/cgroup/*/ /sys/fs/cgroup/unified/; do
    [ -d "$hierarchy" ] || continue
    mkdir -p "$hierarchy$CGROUP_ROOT"
  done
  if [ -f /sys/fs/cgroup/cpuset/cpuset.cpus ]; then
    cat /sys/fs/cgroup/cpuset/cpuset.cpus > "/sys/fs/cgroup/cpuset/$CGROUP_ROOT/cpuset.cpus"
    cat /sys/fs/cgroup/cpuset/cpuset.mems > "/sys/fs/cgroup/cpuset/$CGROUP_ROOT/cpuset.mems"
  fi
}

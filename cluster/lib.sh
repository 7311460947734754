# Shared by cluster/up and cluster/down: where the node keeps its files, and how a process it started is found.
# Sourced, not run.

CLUSTER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Everything the node writes: certificates, kubeconfigs, etcd's data, containerd's root, logs and pids. On a real
# file system (containerd's overlayfs snapshotter cannot stack on an overlay), removed whole by `down`.
NODE_DIR="${PODCHECK_NODE_DIR:-/var/lib/podcheck-node}"
# containerd's state (sockets, shims' fifos) lives under /run, as upstream's does.
RUN_DIR="${PODCHECK_NODE_RUN_DIR:-/run/podcheck-node}"
BIN_DIR="${PODCHECK_NODE_BIN_DIR:-$CLUSTER_DIR/bin}"
NODE_NAME="podcheck-node"
CONTAINERD_SOCK="$RUN_DIR/containerd.sock"
# Our own bridge and pod subnet, apart from podman's (cni-podman0, 10.88.0.0/16) and docker's.
BRIDGE="podcheck0"
CGROUP_ROOT="podcheck-node"
POD_SUBNET="10.244.0.0/24"
SERVICE_RANGE="10.96.0.0/24"
API_PORT="${PODCHECK_NODE_API_PORT:-6443}"
ETCD_CLIENT_PORT=23790
ETCD_PEER_PORT=23800
# The names the pods ask for: the sandbox image containerd's CRI plugin runs, and the image podcheck renders with.
PAUSE_IMAGE="registry.k8s.io/pause:3.10"
BUSYBOX_IMAGE="docker.io/library/busybox:1.36"
ADMIN_KUBECONFIG="$NODE_DIR/admin.kubeconfig"

log() { printf '%s cluster: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

# The pid recorded for a component, if that process still runs.
running_pid() {
  local pidfile="$NODE_DIR/pids/$1.pid" pid
  [ -f "$pidfile" ] || return 1
  pid="$(cat "$pidfile")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

ctr_k8s() { "$(command -v ctr)" --address "$CONTAINERD_SOCK" --namespace k8s.io "$@"; }

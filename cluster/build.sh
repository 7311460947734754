# Builds the node's programs from the pinned modules of the chosen release ($MODFILE, see release.sh; its tool lines:
# kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kubectl; cmd/etcd; cmd/pause) into $BIN_DIR. A
# build is reused while its inputs (the module file and its go.sum, our commands, the Go version) are unchanged; Go's
# own caches make a changed build incremental. Sourced.

build_inputs() {
  (cd "$CLUSTER_DIR" && { go version; cat "$MODFILE" "${MODFILE%.mod}.sum" build.sh; find cmd -type f -name '*.go' | sort | xargs cat; } | sha256sum | cut -d' ' -f1)
}

# The release the components report (`kubectl version`, the Node's kubeletVersion), as upstream's
# hack/lib/version.sh stamps it; without it they say v0.0.0-master.
version_ldflags() {
  local version major minor flags="" pkg
  version="$(cd "$CLUSTER_DIR" && go list -modfile "$MODFILE" -m -f '{{.Version}}' k8s.io/kubernetes)"
  major="${version#v}"; major="${major%%.*}"
  minor="${version#v*.}"; minor="${minor%%.*}"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X $pkg.gitVersion=$version -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
  done
  echo "$flags"
}

build_binaries() {
  local rebuild="$1" inputs started=$SECONDS
  command -v go >/dev/null 2>&1 || die "go is missing (Go 1.24 or newer builds the node)"
  inputs="$(build_inputs)"
  if [ "$rebuild" = false ] && [ -f "$BIN_DIR/.inputs" ] && [ "$(cat "$BIN_DIR/.inputs")" = "$inputs" ]; then
    return
  fi
  log "building kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kubectl, etcd and pause of $RELEASE (cold: about 25 min on 2 cores)"
  mkdir -p "$BIN_DIR"
  rm -f "$BIN_DIR/.inputs"
  (cd "$CLUSTER_DIR" && go build -modfile "$MODFILE" -ldflags "$(version_ldflags)" -o "$BIN_DIR/" tool ./cmd/etcd) \
    || die "the build failed (see above)"
  # The sandbox's process must run in an image with nothing else in it: static.
  (cd "$CLUSTER_DIR" && CGO_ENABLED=0 go build -modfile "$MODFILE" -o "$BIN_DIR/pause" ./cmd/pause) || die "the pause build failed"
  echo "$inputs" > "$BIN_DIR/.inputs"
  log "built in $((SECONDS - started))s"
}

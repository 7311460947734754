# Which Kubernetes release the node runs, and the Go module file that pins it. The default release is go.mod's;
# another (`cluster/up --version 1.36.3`) has its own module file, releases/vX.Y.Z.mod with its go.sum beside it,
# written once by make_release_modfile and committed, so its build is as reproducible as the default's. Every
# k8s.io module is at that one release. Sourced by cluster/up.

default_release() {
  sed -n 's/^[[:space:]]*k8s\.io\/kubernetes \(v[0-9.]*\).*/\1/p' "$CLUSTER_DIR/go.mod" | head -n 1
}

# normalise_release 1.36.3 -> v1.36.3; refuses anything else.
normalise_release() {
  local release="${1#v}"
  [[ "$release" =~ ^1\.[0-9]+\.[0-9]+$ ]] || die "--version: expected a Kubernetes release like 1.36.3, got \"$1\""
  echo "v$release"
}

release_minor() { local r="${1#v1.}"; echo "${r%%.*}"; }

# The module file a release builds from: go.mod for the default release, releases/<release>.mod otherwise.
release_modfile() {
  if [ "$1" = "$(default_release)" ]; then echo "$CLUSTER_DIR/go.mod"; else echo "$CLUSTER_DIR/releases/$1.mod"; fi
}

# make_release_modfile RELEASE: writes releases/RELEASE.mod (and .sum) from k8s.io/kubernetes' own go.mod at that
# release: its staging modules (named there at v0.0.0) replaced with their v0.N.P releases, etcd's server at the
# version Kubernetes itself requires, the same tools as go.mod. Needs the Go module proxy once.
make_release_modfile() {
  local release="$1" modfile staging upstream etcd minor patch go_line
  modfile="$(release_modfile "$release")"
  minor="$(release_minor "$release")"; patch="${release##*.}"
  log "resolving the modules of Kubernetes $release (writes ${modfile#$CLUSTER_DIR/})"
  (cd "$CLUSTER_DIR" && go mod download "k8s.io/kubernetes@$release") || die "Kubernetes $release: the Go module proxy does not serve k8s.io/kubernetes@$release"
  upstream="$(cd "$CLUSTER_DIR" && go mod download -json "k8s.io/kubernetes@$release" | python3 -c 'import json,sys; print(json.load(sys.stdin)["GoMod"])')"
  staging="$(sed -n 's/^[[:space:]]*\(k8s\.io\/[a-z0-9-]*\) => \.\/staging\/.*/\1/p' "$upstream")"
  etcd="$(sed -n 's/^[[:space:]]*go\.etcd\.io\/etcd\/server\/v3 \(v[0-9.]*\).*/\1/p' "$upstream" | head -n 1)"
  go_line="$(grep -m1 '^go ' "$upstream")"
  [ -n "$staging" ] && [ -n "$etcd" ] || die "Kubernetes $release: its go.mod names no staging modules or no etcd server"
  mkdir -p "$CLUSTER_DIR/releases"
  {
    echo "module github.com/podcheck/podcheck/cluster"
    echo
    echo "$go_line"
    echo
    echo "require ("
    echo "	go.etcd.io/etcd/server/v3 $etcd"
    echo "	k8s.io/kubernetes $release"
    echo ")"
    echo
    echo "// k8s.io/kubernetes names its staging modules at v0.0.0; each is replaced with the release of the same Kubernetes version."
    echo "replace ("
    local module
    for module in $staging; do echo "	$module => $module v0.$minor.$patch"; done
    echo ")"
    echo
    sed -n '/^tool (/,/^)/p' "$CLUSTER_DIR/go.mod"
  } > "$modfile"
  rm -f "${modfile%.mod}.sum"
  (cd "$CLUSTER_DIR" && go mod tidy -modfile "$modfile") || { rm -f "$modfile" "${modfile%.mod}.sum"; die "Kubernetes $release: go mod tidy failed (see above)"; }
}

# The node's two images, made here because no registry can be reached: the sandbox (pause, built from
# cmd/pause) and busybox (Debian's busybox-static, a link per applet). Each is written as a one-layer docker
# archive and imported into containerd's k8s.io namespace under the exact name the CRI plugin and the rendered
# pods ask for. Sourced by cluster/up.

# image_archive OUT NAME ROOT ENTRYPOINT_JSON: a docker archive of the folder ROOT as image NAME.
image_archive() {
  local out="$1" name="$2" root="$3" entrypoint="$4" work layer_sha config_sha
  work="$(mktemp -d)"
  # Fixed owner and times, so the same inputs give the same layer digest.
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$root" -cf "$work/layer.tar" .
  layer_sha="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
  cat > "$work/config.json" <<EOF
{"architecture":"amd64","os":"linux","config":{"Entrypoint":$entrypoint,"Env":["PATH=/bin:/usr/bin:/sbin:/usr/sbin"]},"rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]}}
EOF
  config_sha="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
  mv "$work/config.json" "$work/$config_sha.json"
  printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["layer.tar"]}]\n' "$config_sha" "$name" > "$work/manifest.json"
  tar -C "$work" -cf "$out" manifest.json "$config_sha.json" layer.tar
  rm -rf "$work"
}

busybox_root() {
  local root="$1" applet
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/proc" "$root/sys" "$root/dev"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' > "$root/etc/group"
}

import_images() {
  local work
  work="$(mktemp -d)"
  mkdir -p "$work/pause"
  cp "$BIN_DIR/pause" "$work/pause/pause"
  image_archive "$work/pause.tar" "$PAUSE_IMAGE" "$work/pause" '["/pause"]'
  busybox_root "$work/busybox"
  image_archive "$work/busybox.tar" "$BUSYBOX_IMAGE" "$work/busybox" '["sh"]'
  ctr_k8s images import "$work/pause.tar" >/dev/null
  ctr_k8s images import "$work/busybox.tar" >/dev/null
  rm -rf "$work"
}

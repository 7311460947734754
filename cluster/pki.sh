# The node's certificates and kubeconfigs, made with openssl at every fresh start: one CA, a serving certificate
# for the apiserver and one for the kubelet, and a client certificate per identity the components use (the same
# identities kubeadm gives them, so RBAC's default bindings and the Node authorizer apply). Sourced by cluster/up.

# new_cert NAME CN ORG SANS KIND: a key and a certificate signed by the node's CA. SANS is an openssl
# subjectAltName list (may be empty); KIND is server or client.
new_cert() {
  local name="$1" cn="$2" org="$3" sans="$4" kind="$5" pki="$NODE_DIR/pki" subject ext
  subject="/CN=$cn"
  [ -n "$org" ] && subject="/O=$org$subject"
  ext="$pki/$name.ext"
  {
    echo "basicConstraints=CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    if [ "$kind" = server ]; then echo "extendedKeyUsage=serverAuth"; else echo "extendedKeyUsage=clientAuth"; fi
    [ -n "$sans" ] && echo "subjectAltName=$sans"
  } > "$ext"
  openssl req -new -newkey rsa:2048 -nodes -keyout "$pki/$name.key" -subj "$subject" -out "$pki/$name.csr" 2>/dev/null
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 30 \
    -extfile "$ext" -out "$pki/$name.crt" 2>/dev/null
  rm -f "$pki/$name.csr" "$ext"
}

# new_kubeconfig FILE CERT_NAME: a kubeconfig for the apiserver on loopback, as the identity of CERT_NAME.
new_kubeconfig() {
  local file="$1" name="$2" pki="$NODE_DIR/pki"
  cat > "$file" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: podcheck-node
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority: $pki/ca.crt
users:
- name: $name
  user:
    client-certificate: $pki/$name.crt
    client-key: $pki/$name.key
contexts:
- name: podcheck-node
  context:
    cluster: podcheck-node
    user: $name
current-context: podcheck-node
EOF
  chmod 600 "$file"
}

make_pki() {
  local node_ip="$1" pki="$NODE_DIR/pki"
  mkdir -p "$pki" && chmod 700 "$pki"
  openssl req -x509 -new -newkey rsa:2048 -nodes -keyout "$pki/ca.key" -subj "/CN=podcheck-node-ca" -days 30 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$pki/ca.crt" 2>/dev/null
  # The first address of the service range is the `kubernetes` Service's cluster IP.
  new_cert apiserver kube-apiserver "" \
    "DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:$node_ip,IP:10.96.0.1" server
  new_cert kubelet "$NODE_NAME" "" "DNS:$NODE_NAME,IP:$node_ip,IP:127.0.0.1" server
  new_cert apiserver-kubelet-client kube-apiserver-kubelet-client "system:masters" "" client
  new_cert admin podcheck-admin "system:masters" "" client
  new_cert controller-manager system:kube-controller-manager "" "" client
  new_cert scheduler system:kube-scheduler "" "" client
  new_cert node "system:node:$NODE_NAME" "system:nodes" "" client
  openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
  openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
  new_kubeconfig "$ADMIN_KUBECONFIG" admin
  new_kubeconfig "$NODE_DIR/controller-manager.kubeconfig" controller-manager
  new_kubeconfig "$NODE_DIR/scheduler.kubeconfig" scheduler
  new_kubeconfig "$NODE_DIR/kubelet.kubeconfig" node
}

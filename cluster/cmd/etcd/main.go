// Command etcd is upstream etcd's server at the version k8s.io/kubernetes pins, built from its module.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}

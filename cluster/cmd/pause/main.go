// Command pause is the pod sandbox's process: it holds the pod's namespaces until it is signalled, and reaps
// zombies, as upstream's build/pause/linux/pause.c does. No registry is reachable here, so the sandbox image is
// built from this program instead of pulled.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGCHLD)
	for s := range signals {
		if s != syscall.SIGCHLD {
			os.Exit(0)
		}
		for {
			pid, err := syscall.Wait4(-1, nil, syscall.WNOHANG, nil)
			if pid <= 0 || err != nil {
				break
			}
		}
	}
}

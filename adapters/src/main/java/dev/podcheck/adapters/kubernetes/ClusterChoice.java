package dev.podcheck.adapters.kubernetes;

import java.nio.file.Path;

/**
 * What the user chose on the command line: a kubeconfig (null: KUBECONFIG, ~/.kube/config, else the
 * in-cluster service account), a context in it (null: its current-context), and whether TLS
 * verification is off, which only the flag that says so can turn off.
 */
record ClusterChoice(Path kubeconfig, String context, boolean insecureSkipTlsVerify) {}

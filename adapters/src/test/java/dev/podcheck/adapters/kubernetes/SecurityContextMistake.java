package dev.podcheck.adapters.kubernetes;

import static dev.podcheck.adapters.kubernetes.ManifestMistake.putSometimes;

import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pod and container securityContext around validation.go's rules: ids at -1, 0 and the int32 edge, seccomp profiles
 * with and without a localhostProfile, procMount, privileged, and allowPrivilegeEscalation: false with what contradicts
 * it; valid values included.
 */
enum SecurityContextMistake implements Mistake {
    POD_SECURITY_CONTEXT {
        @Override
        public void make(PodBody body, Choices c) {
            ObjectNode context = PodBody.map(body.spec(), "securityContext");
            ids(context, List.of("runAsUser", "runAsGroup", "fsGroup"), c);
            if (c.drawBoolean(0.3)) {
                ArrayNode groups = context.putArray("supplementalGroups");
                int n = c.drawIndex(3);
                for (int i = 0; i < n; i++) {
                    groups.add(Gen.elements(IDS).generate(c));
                }
            }
            if (c.drawBoolean(0.2)) {
                context.put("runAsNonRoot", c.drawBoolean(0.5));
            }
            putSometimes(context, "fsGroupChangePolicy", Gen.elements("Always", "OnRootMismatch", "always"), c);
            if (c.drawBoolean(0.4)) {
                seccompProfile(context.putObject("seccompProfile"), c);
            }
            if (c.drawBoolean(0.2)) {
                body.spec().put("shareProcessNamespace", c.drawBoolean(0.7));
                body.spec().put("hostPID", c.drawBoolean(0.5));
            }
        }
    },
    CONTAINER_SECURITY_CONTEXT {
        @Override
        public void make(PodBody body, Choices c) {
            List<ObjectNode> containers = body.containers();
            ObjectNode context = PodBody.map(containers.get(c.drawIndex(containers.size())), "securityContext");
            ids(context, List.of("runAsUser", "runAsGroup"), c);
            if (c.drawBoolean(0.3)) {
                context.put("privileged", c.drawBoolean(0.5));
            }
            if (c.drawBoolean(0.5)) {
                context.put("allowPrivilegeEscalation", c.drawBoolean(0.3));
            }
            if (c.drawBoolean(0.4)) {
                ObjectNode capabilities = context.putObject("capabilities");
                ArrayNode add = capabilities.putArray("add");
                int n = c.drawIndex(3);
                for (int i = 0; i < n; i++) {
                    add.add(Gen.elements("NET_ADMIN", "CAP_SYS_ADMIN", "SYS_ADMIN", "CAP_NET_RAW").generate(c));
                }
                if (c.drawBoolean(0.5)) {
                    capabilities.putArray("drop").add("ALL");
                }
            }
            putSometimes(context, "procMount", Gen.elements("Default", "Unmasked", "default"), c);
            if (c.drawBoolean(0.4)) {
                seccompProfile(context.putObject("seccompProfile"), c);
            }
            if (c.drawBoolean(0.2)) {
                context.put("readOnlyRootFilesystem", c.drawBoolean(0.5));
            }
            if (c.drawBoolean(0.1)) {
                context.putObject("seLinuxOptions").put("level", "s0:c123,c456");
            }
        }
    };

    private static final Long[] IDS = {0L, 1000L, 65534L, -1L, 2147483647L, 2147483648L};

    private static void ids(ObjectNode context, List<String> fields, Choices c) {
        for (String field : fields) {
            if (c.drawBoolean(0.4)) {
                context.put(field, Gen.elements(IDS).generate(c));
            }
        }
    }

    private static void seccompProfile(ObjectNode profile, Choices c) {
        putSometimes(profile, "type", Gen.elements("RuntimeDefault", "Localhost", "Unconfined", "", "runtime/default"), c);
        putSometimes(profile, "localhostProfile", Gen.elements("profiles/audit.json", "/abs.json", "../x.json", "a/../b", ""), c);
    }
}

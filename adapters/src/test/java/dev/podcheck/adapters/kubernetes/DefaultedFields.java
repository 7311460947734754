package dev.podcheck.adapters.kubernetes;

import static dev.podcheck.adapters.kubernetes.ManifestMistake.putSometimes;

import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fields the apiserver defaults, written, written empty or left out, so that the stored pod shows each default:
 * dnsPolicy (with None's dnsConfig), schedulerName, enableServiceLinks, securityContext, the volume sources' modes and
 * types, and fieldRef apiVersions. The volume sources drawn are valid: podcheck passes their own fields through.
 */
enum DefaultedFields implements Mistake {
    POD_DEFAULTS {
        @Override
        public void make(PodBody body, Choices c) {
            ObjectNode spec = body.spec();
            putSometimes(spec, "dnsPolicy", Gen.elements("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None", "",
                    "clusterfirst"), c);
            if (c.drawBoolean(0.3)) {
                ObjectNode config = spec.putObject("dnsConfig");
                if (c.drawBoolean(0.6)) {
                    config.putArray("nameservers").add("10.0.0.10");
                }
            }
            putSometimes(spec, "schedulerName", Gen.elements("default-scheduler", "my-scheduler", ""), c);
            if (c.drawBoolean(0.4)) {
                spec.put("enableServiceLinks", c.drawBoolean(0.5));
            }
            if (c.drawBoolean(0.3)) {
                spec.putObject("securityContext");
            }
        }
    },
    VOLUME_DEFAULTS {
        @Override
        public void make(PodBody body, Choices c) {
            ArrayNode volumes = PodBody.list(body.spec(), "volumes");
            int n = 1 + c.drawIndex(3);
            for (int i = 0; i < n; i++) {
                ObjectNode volume = volumes.addObject();
                volume.put("name", "defaulted-" + i);
                source(volume, c);
            }
            if (c.drawBoolean(0.5)) {
                List<ObjectNode> containers = body.containers();
                ObjectNode env = PodBody.list(containers.get(c.drawIndex(containers.size())), "env").addObject();
                env.put("name", "POD_NAME");
                fieldRef(env.putObject("valueFrom"), c);
            }
        }
    };

    private static void source(ObjectNode volume, Choices c) {
        switch (c.drawIndex(7)) {
            case 0 -> volume.putObject("configMap").put("name", "cm");
            case 1 -> volume.putObject("secret").put("secretName", "s");
            case 2 -> downwardItems(volume.putObject("downwardAPI"), c);
            case 3 -> {
                ArrayNode sources = volume.putObject("projected").putArray("sources");
                sources.addObject().putObject("serviceAccountToken").put("path", "token");
                downwardItems(sources.addObject().putObject("downwardAPI"), c);
            }
            case 4 -> volume.putObject("hostPath").put("path", "/tmp");
            case 5 -> volume.putObject("configMap").put("name", "cm").put("defaultMode", Gen.elements(256, 420, 511).generate(c));
            default -> { } // no source: an emptyDir
        }
    }

    private static void downwardItems(ObjectNode downward, Choices c) {
        ObjectNode item = downward.putArray("items").addObject();
        item.put("path", "name");
        fieldRef(item, c);
    }

    private static void fieldRef(ObjectNode holder, Choices c) {
        ObjectNode ref = holder.putObject("fieldRef");
        ref.put("fieldPath", "metadata.name");
        putSometimes(ref, "apiVersion", Gen.elements("v1", ""), c);
    }
}

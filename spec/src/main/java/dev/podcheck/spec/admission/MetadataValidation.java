package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A pod's metadata at create, as ValidateObjectMeta in staging/.../apimachinery/pkg/api/validation/objectmeta.go
 * checks it with ValidatePodName (a DNS-1123 subdomain): name or generateName, namespace, labels, annotations,
 * finalizers.
 * An unset namespace is the request's (kubectl fills it in), so only a written one is checked.
 */
final class MetadataValidation {
    /** objectmeta.go TotalAnnotationSizeLimitB. */
    static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
    /** metav1.FinalizerOrphanDependents and FinalizerDeleteDependents. */
    static final String ORPHAN = "orphan";
    static final String FOREGROUND_DELETION = "foregroundDeletion";

    private MetadataValidation() {}

    static void objectMeta(ObjectMeta meta, String path, List<Violation> out) {
        String generateName = meta.extra().get("generateName") instanceof String g ? g : "";
        if (!generateName.isEmpty()) {
            // NameIsDNSSubdomain(name, prefix=true) masks a trailing dash: "web-" is a good prefix.
            String masked = generateName.length() > 1 && generateName.endsWith("-")
                    ? generateName.substring(0, generateName.length() - 1) + "a" : generateName;
            NameRules.dns1123Subdomain(masked).forEach(msg -> out.add(Violation.invalid(path + ".generateName", generateName, msg)));
        }
        String name = meta.name() == null ? "" : meta.name();
        if (name.isEmpty() && generateName.isEmpty()) {
            out.add(Violation.required(path + ".name", "name or generateName is required"));
        } else if (!name.isEmpty()) {
            NameRules.dns1123Subdomain(name).forEach(msg -> out.add(Violation.invalid(path + ".name", name, msg)));
        }
        if (meta.namespace() != null && !meta.namespace().isEmpty()) {
            NameRules.dns1123Label(meta.namespace())
                    .forEach(msg -> out.add(Violation.invalid(path + ".namespace", meta.namespace(), msg)));
        }
        LabelValidation.labels(meta.labels(), path + ".labels", out);
        annotations(meta.annotations(), path + ".annotations", out);
        finalizers(meta.finalizers(), path + ".finalizers", out);
    }

    // ValidateFinalizers (SEMANTICS FZ-1): each a qualified name, reported at the list; orphan and
    // foregroundDeletion exclude each other.
    private static void finalizers(List<String> finalizers, String path, List<Violation> out) {
        for (String finalizer : finalizers) {
            String f = finalizer == null ? "" : finalizer;
            NameRules.qualifiedName(f).forEach(msg -> out.add(Violation.invalid(path, f, msg)));
        }
        if (finalizers.contains(ORPHAN) && finalizers.contains(FOREGROUND_DELETION)) {
            // Go's %#v of the []string value
            String value = finalizers.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(", ", "[]string{", "}"));
            out.add(new Violation(path, Violation.Type.INVALID, value,
                    "finalizer " + ORPHAN + " and " + FOREGROUND_DELETION + " cannot be both set"));
        }
    }

    // ValidateAnnotations: keys are qualified names (compared lower-cased); keys and values count towards 256 KiB.
    private static void annotations(Map<String, String> annotations, String path, List<Violation> out) {
        long size = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            String key = e.getKey();
            NameRules.qualifiedName(key.toLowerCase(Locale.ROOT)).forEach(msg -> out.add(Violation.invalid(path, key, msg)));
            size += key.getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
            out.add(new Violation(path, Violation.Type.TOO_LONG, null,
                    "may not be more than " + TOTAL_ANNOTATION_SIZE_LIMIT + " bytes"));
        }
    }
}

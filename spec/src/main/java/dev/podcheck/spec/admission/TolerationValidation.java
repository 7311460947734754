package dev.podcheck.spec.admission;

import java.util.List;
import java.util.Map;

/**
 * A pod's tolerations, as ValidateTolerations in pkg/apis/core/validation/validation.go checks them: the key a
 * label name, an empty key only with Exists (match every taint), Exists without a value, Equal (or "") with a
 * label value, a known effect or none (every effect), and tolerationSeconds only with NoExecute.
 */
final class TolerationValidation {
    /** In validateTaintEffect's order, which is not sorted. */
    static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    static final List<String> OPERATORS = List.of("Equal", "Exists");
    static final String EMPTY_KEY = "operator must be Exists when `key` is empty, which means \"match all values and all keys\"";
    static final String SECONDS_NEED_NO_EXECUTE = "effect must be 'NoExecute' when `tolerationSeconds` is set";
    static final String EXISTS_WITH_VALUE = "value must be empty when `operator` is 'Exists'";

    private TolerationValidation() {}

    static void tolerations(List<Map<String, Object>> tolerations, String path, List<Violation> out) {
        for (int i = 0; i < tolerations.size(); i++) {
            toleration(tolerations.get(i), path + "[" + i + "]", out);
        }
    }

    private static void toleration(Map<String, Object> toleration, String at, List<Violation> out) {
        String key = PassThrough.string(toleration, "key");
        String operator = PassThrough.string(toleration, "operator");
        String value = PassThrough.string(toleration, "value");
        String effect = PassThrough.string(toleration, "effect");
        if (!key.isEmpty()) {
            LabelValidation.labelName(key, at + ".key", out);
        }
        if (key.isEmpty() && !operator.equals("Exists")) {
            out.add(Violation.invalid(at + ".operator", GoJson.typed(operator), EMPTY_KEY));
        }
        if (PassThrough.optionalInteger(toleration, "tolerationSeconds") != null && !effect.equals("NoExecute")) {
            out.add(Violation.invalid(at + ".effect", GoJson.typed(effect), SECONDS_NEED_NO_EXECUTE));
        }
        switch (operator) {
            // an empty operator is Equal; the value's errors are joined and reported at the operator
            case "Equal", "" -> {
                List<String> errors = LabelValidation.labelValue(value);
                if (!errors.isEmpty()) {
                    out.add(Violation.invalid(at + ".operator", value, String.join(";", errors)));
                }
            }
            case "Exists" -> {
                if (!value.isEmpty()) {
                    out.add(Violation.invalid(at + ".operator", value, EXISTS_WITH_VALUE));
                }
            }
            default -> out.add(Violation.notSupported(at + ".operator", GoJson.typed(operator),
                    HandlerValidation.supportedValues(OPERATORS)));
        }
        if (!effect.isEmpty() && !EFFECTS.contains(effect)) {
            out.add(Violation.notSupported(at + ".effect", GoJson.typed(effect), HandlerValidation.supportedValues(EFFECTS)));
        }
    }
}

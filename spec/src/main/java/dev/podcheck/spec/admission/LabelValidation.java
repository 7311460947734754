package dev.podcheck.spec.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Labels and label selectors, as apimachinery's pkg/apis/meta/v1/validation checks them (ValidateLabels,
 * ValidateLabelName, ValidateLabelSelector) with IsValidLabelValue: metadata labels, nodeSelector, the selectors
 * of pod (anti-)affinity terms and topology spread constraints, and toleration keys and values.
 */
final class LabelValidation {
    static final int LABEL_VALUE_MAX = 63;
    static final String NOT_AN_OPERATOR = "not a valid selector operator";
    static final String VALUES_REQUIRED = "must be specified when `operator` is 'In' or 'NotIn'";
    static final String VALUES_FORBIDDEN = "may not be specified when `operator` is 'Exists' or 'DoesNotExist'";

    private static final String LABEL_VALUE_FMT = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
    static final String LABEL_VALUE_MESSAGE = NameRules.regexError("a valid label must be an empty string or consist of "
            + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
            LABEL_VALUE_FMT, "MyValue", "my_value", "12345");

    private LabelValidation() {}

    /** IsValidLabelValue: at most 63 characters of the label format, or empty. */
    static List<String> labelValue(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > LABEL_VALUE_MAX) {
            errors.add(NameRules.maxLenError(LABEL_VALUE_MAX));
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            errors.add(LABEL_VALUE_MESSAGE);
        }
        return errors;
    }

    /** ValidateLabelName: a qualified name, each message an Invalid at {@code path}. */
    static void labelName(String key, String path, List<Violation> out) {
        NameRules.qualifiedName(key).forEach(msg -> out.add(Violation.invalid(path, key, msg)));
    }

    /** ValidateLabels: keys and values both reported at the map itself, the key or value as the value. */
    static void labels(Map<String, ?> labels, String path, List<Violation> out) {
        labels.forEach((key, value) -> {
            labelName(key, path, out);
            String v = value instanceof String s ? s : "";
            labelValue(v).forEach(msg -> out.add(Violation.invalid(path, v, msg)));
        });
    }

    /** ValidateLabelSelector of a metav1.LabelSelector (absent: nothing to check), values checked. */
    static void selector(Map<String, Object> selector, String path, List<Violation> out) {
        if (selector == null) {
            return;
        }
        labels(PassThrough.map(selector, "matchLabels"), path + ".matchLabels", out);
        List<Map<String, Object>> expressions = PassThrough.list(selector, "matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            requirement(expressions.get(i), Operators.LABEL, true, path + ".matchExpressions[" + i + "]", out);
        }
    }

    /** The operators a requirement may use: a label selector's, or a node selector's, which adds Gt and Lt. */
    enum Operators { LABEL, NODE }

    /**
     * ValidateLabelSelectorRequirement and ValidateNodeSelectorRequirement, the same rule but for Gt and Lt (one value,
     * which validation does not parse: kube-apiserver v1.34.4 accepted {@code Gt [abc]}); {@code checkValues} is off for
     * preferred node affinity, whose invalid values are allowed.
     */
    static void requirement(Map<String, Object> req, Operators operators, boolean checkValues, String path,
            List<Violation> out) {
        String operator = PassThrough.string(req, "operator");
        List<String> values = PassThrough.strings(req, "values");
        switch (operator) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    out.add(Violation.required(path + ".values", VALUES_REQUIRED));
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    out.add(Violation.forbidden(path + ".values", VALUES_FORBIDDEN));
                }
            }
            case "Gt", "Lt" -> {
                if (operators == Operators.LABEL) {
                    out.add(Violation.invalid(path + ".operator", GoJson.typed(operator), NOT_AN_OPERATOR));
                } else if (values.size() != 1) {
                    out.add(Violation.required(path + ".values", "must be specified single value when `operator` is 'Lt' or 'Gt'"));
                }
            }
            default -> out.add(Violation.invalid(path + ".operator", GoJson.typed(operator), NOT_AN_OPERATOR));
        }
        labelName(PassThrough.string(req, "key"), path + ".key", out);
        if (checkValues) {
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                String at = path + ".values[" + i + "]";
                labelValue(value).forEach(msg -> out.add(Violation.invalid(at, value, msg)));
            }
        }
    }
}

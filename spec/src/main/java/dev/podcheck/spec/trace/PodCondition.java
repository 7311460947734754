package dev.podcheck.spec.trace;

/** One pod condition: type, status (True/False), and the kubelet's reason and message. */
public record PodCondition(ConditionType type, boolean status, String reason, String message) {
    public PodCondition {
        if (type == null) {
            throw new IllegalArgumentException("a condition has a type");
        }
        reason = reason == null ? "" : reason;
        message = message == null ? "" : message;
    }

    public static PodCondition isTrue(ConditionType type) {
        return new PodCondition(type, true, "", "");
    }

    public static PodCondition isFalse(ConditionType type, String reason, String message) {
        return new PodCondition(type, false, reason, message);
    }
}

package dev.podcheck.spec.pod;

/**
 * int64 arithmetic that saturates instead of wrapping. A grace period or deadline near Long.MAX_VALUE seconds
 * is valid input (the API's int64), and every time it leads to lies past any horizon, so "later than anything"
 * is its exact meaning where a wrapped sum would land in the past; likewise a sum of working sets past the
 * long range is "more than any node has".
 */
public final class Int64 {
    private Int64() {}

    /** {@code seconds} in milliseconds, saturated at the long range. */
    public static long millisOfSeconds(long seconds) {
        long high = Math.multiplyHigh(seconds, 1000L);
        long low = seconds * 1000L;
        if (high == 0 && low >= 0 || high == -1 && low < 0) {
            return low;
        }
        return seconds > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** {@code a + b}, saturated at the long range. */
    public static long plus(long a, long b) {
        long sum = a + b;
        // Overflow only when both operands have the same sign and the sum's sign differs from it.
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }
}

package dev.podcheck.spec.pod;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 100m}, {@code 0.5}, {@code 128Mi}, {@code 1G}, {@code 1e3})
 * with exact arithmetic. Equality is by value; the suffix family is kept only to write the
 * canonical form back, as apimachinery's resource.Quantity does (CanonicalizeBytes).
 */
public record Quantity(BigDecimal value, Format format) implements Comparable<Quantity> {

    /** The suffix family a quantity was written in; decides its canonical form. */
    public enum Format { BINARY_SI, DECIMAL_SI, DECIMAL_EXPONENT }

    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

    private static final Pattern SYNTAX =
            Pattern.compile("([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+))([eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE]?)");
    private static final Map<String, Integer> BINARY = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
    private static final Map<String, Integer> DECIMAL = Map.of(
            "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final String[] DECIMAL_SUFFIXES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigDecimal KI = BigDecimal.valueOf(1024);
    /** Kubernetes keeps nano precision and rounds finer values up (away from zero). */
    private static final int NANO_SCALE = 9;

    public Quantity {
        if (value == null || format == null) {
            throw new IllegalArgumentException("a quantity needs a value and a format");
        }
        if (value.scale() > NANO_SCALE) {
            value = value.setScale(NANO_SCALE, RoundingMode.UP);
        }
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** Parses a quantity or throws {@link IllegalArgumentException} naming the expected syntax. */
    public static Quantity parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected a quantity, got null");
        }
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got \""
                            + text + "\"");
        }
        BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        String suffix = m.group(2);
        if (BINARY.containsKey(suffix)) {
            return new Quantity(number.multiply(BigDecimal.valueOf(2).pow(BINARY.get(suffix))), Format.BINARY_SI);
        }
        if (DECIMAL.containsKey(suffix)) {
            return new Quantity(number.scaleByPowerOfTen(DECIMAL.get(suffix)), Format.DECIMAL_SI);
        }
        int exponent = Integer.parseInt(suffix.substring(1));
        return new Quantity(number.scaleByPowerOfTen(exponent), Format.DECIMAL_EXPONENT);
    }

    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value), Format.DECIMAL_SI);
    }

    public static Quantity bytes(long value) {
        return new Quantity(BigDecimal.valueOf(value), Format.BINARY_SI);
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value), format);
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value), format);
    }

    public int signum() {
        return value.signum();
    }

    /** The value in milli-units, rounded up as Kubernetes does for cpu (MilliValue). */
    public long milliValue() {
        return value.movePointRight(3).setScale(0, RoundingMode.UP).longValueExact();
    }

    /** The value rounded up to a whole unit (Value), e.g. bytes for memory. */
    public long longValue() {
        return value.setScale(0, RoundingMode.UP).longValueExact();
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The canonical form, as the apiserver writes it back. */
    @Override
    public String toString() {
        if (value.signum() == 0) {
            return "0";
        }
        if (format == Format.BINARY_SI && value.abs().compareTo(KI) >= 0 && isInteger(value)) {
            return binaryForm();
        }
        return decimalForm(format == Format.DECIMAL_EXPONENT);
    }

    private String binaryForm() {
        BigInteger n = value.toBigIntegerExact();
        int step = 0;
        while (step < BINARY_SUFFIXES.length - 1 && n.mod(BigInteger.valueOf(1024)).signum() == 0) {
            n = n.divide(BigInteger.valueOf(1024));
            step++;
        }
        return n + BINARY_SUFFIXES[step];
    }

    private String decimalForm(boolean exponentStyle) {
        // The largest power of 1000 (from nano up to exa) that leaves an integer mantissa.
        for (int i = DECIMAL_SUFFIXES.length - 1; i >= 0; i--) {
            int exponent = (i - 3) * 3;
            BigDecimal mantissa = value.scaleByPowerOfTen(-exponent);
            if (isInteger(mantissa)) {
                String digits = mantissa.toBigIntegerExact().toString();
                if (exponentStyle) {
                    return exponent == 0 ? digits : digits + "e" + exponent;
                }
                return digits + DECIMAL_SUFFIXES[i];
            }
        }
        throw new IllegalStateException("a quantity is kept at nano precision: " + value);
    }

    private static boolean isInteger(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }
}

package dev.podcheck.spec.pod;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A Kubernetes resource quantity ({@code 100m}, {@code 0.5}, {@code 128Mi}, {@code 1G}, {@code 1e3})
 * with exact arithmetic. Equality is by value; the suffix family is kept only to write the
 * canonical form back, as apimachinery's resource.Quantity does (quantity.go CanonicalizeBytes).
 */
public record Quantity(BigDecimal value, Format format) implements Comparable<Quantity> {

    /** The suffix family a quantity was written in; decides its canonical form. */
    public enum Format { BINARY_SI, DECIMAL_SI, DECIMAL_EXPONENT }

    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

    /** Kubernetes keeps nano precision and rounds finer values up (away from zero). */
    private static final int NANO_SCALE = 9;
    private static final BigDecimal NANO = BigDecimal.ONE.movePointLeft(NANO_SCALE);
    /** quantity.go maxAllowed: a BinarySI quantity is capped at 2^63-1 when parsed. */
    private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);
    /**
     * podcheck reads quantities below 10^24 in magnitude. The apiserver caps binary ones at 2^63-1 and keeps
     * decimal ones of any size (an int32 exponent), but the kubelet turns every quantity into an int64 (Value,
     * MilliValue) and no node has 10^24 bytes or cores; the bound keeps sums exact and cheap (1e2147483647 plus
     * 1m would need two billion digits).
     */
    public static final BigDecimal MAX = BigDecimal.ONE.movePointRight(24);
    /** Longer text is refused before its digits are read (reading millions of digits takes minutes). */
    public static final int MAX_TEXT = 100;
    private static final BigDecimal KI = BigDecimal.valueOf(1024);
    private static final BigInteger BIG_KI = BigInteger.valueOf(1024);
    /** suffix.go: decimal suffixes by exponent / 3 + 3 (n at -9 ... E at 18). */
    private static final String[] DECIMAL_SUFFIXES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    public Quantity {
        if (value == null || format == null) {
            throw new IllegalArgumentException("a quantity needs a value and a format");
        }
        value = roundUpToNano(value);
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** Parses a quantity or throws {@link IllegalArgumentException} with apimachinery's error text. */
    public static Quantity parse(String text) {
        return Parser.parse(text);
    }

    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value), Format.DECIMAL_SI);
    }

    public static Quantity bytes(long value) {
        return new Quantity(BigDecimal.valueOf(value), Format.BINARY_SI);
    }

    /** The sum; a zero receiver takes the other's format, as quantity.go Add does. */
    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value), signum() == 0 ? other.format : format);
    }

    /** The difference; a zero receiver takes the other's format, as quantity.go Sub does. */
    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value), signum() == 0 ? other.format : format);
    }

    public int signum() {
        return value.signum();
    }

    /**
     * The value in milli-units, rounded up as Kubernetes does for cpu (MilliValue); saturated at the long
     * range, as a sum of quantities may pass it.
     */
    public long milliValue() {
        return saturated(value.movePointRight(3));
    }

    /** The value rounded up to a whole unit (Value), e.g. bytes for memory; saturated at the long range. */
    public long longValue() {
        return saturated(value);
    }

    private static long saturated(BigDecimal v) {
        if (v.compareTo(MAX_BINARY) >= 0) {
            return Long.MAX_VALUE;
        }
        if (v.compareTo(MAX_BINARY.negate()) <= 0) {
            return -Long.MAX_VALUE;
        }
        return v.setScale(0, RoundingMode.UP).longValueExact();
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
        // BinarySI is shown as DecimalSI below 1024 in magnitude or when it has a fraction.
        if (format == Format.BINARY_SI && value.abs().compareTo(KI) >= 0 && value.scale() <= 0) {
            String binary = binaryForm();
            if (binary != null) {
                return binary;
            }
        }
        return decimalForm(format == Format.DECIMAL_EXPONENT ? Format.DECIMAL_EXPONENT : Format.DECIMAL_SI);
    }

    /** Largest power of 1024 leaving an integer; null past Ei (no suffix for it). */
    private String binaryForm() {
        BigInteger n = value.toBigIntegerExact();
        int step = 0;
        while (n.mod(BIG_KI).signum() == 0) {
            n = n.divide(BIG_KI);
            step++;
        }
        // Past Ei, kubernetes/kubernetes#140459 (merged 2026) falls back to DecimalSI; older
        // releases emitted the mantissa without a suffix, silently dropping the magnitude.
        return step < BINARY_SUFFIXES.length ? n + BINARY_SUFFIXES[step] : null;
    }

    /** Mantissa and an exponent that is a multiple of 3, as large as keeps the mantissa whole. */
    private String decimalForm(Format decimal) {
        BigInteger mantissa = value.unscaledValue();
        long exponent = -(long) value.scale();
        int down = (int) Math.floorMod(exponent, 3L);
        mantissa = mantissa.multiply(BigInteger.TEN.pow(down));
        exponent -= down;
        if (decimal == Format.DECIMAL_SI && exponent >= -9 && exponent <= 18) {
            return mantissa + DECIMAL_SUFFIXES[(int) exponent / 3 + 3];
        }
        // DecimalExponent, or DecimalSI beyond E: #140459 falls back to the exponent form.
        return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }

    /** quantity.go rounds any non-zero value up (away from zero) to the nearest nano. */
    private static BigDecimal roundUpToNano(BigDecimal value) {
        if (value.scale() <= NANO_SCALE) {
            return value;
        }
        if (value.signum() != 0 && value.precision() - value.scale() <= -NANO_SCALE) {
            // Smaller than 1n in magnitude: avoid a division by a huge power of ten.
            return value.signum() > 0 ? NANO : NANO.negate();
        }
        return value.setScale(NANO_SCALE, RoundingMode.UP);
    }

    /** quantity.go ParseQuantity caps a BinarySI magnitude at 2^63-1. */
    private static BigDecimal capBinary(BigDecimal value) {
        if (value.abs().compareTo(MAX_BINARY) > 0) {
            return value.signum() > 0 ? MAX_BINARY : MAX_BINARY.negate();
        }
        return value;
    }

    /**
     * Reads a quantity string the way apimachinery's parseQuantityString and ParseQuantity do
     * (quantity.go, suffix.go), including their leniencies: {@code "."}, {@code "-"} and {@code "1."}
     * parse (as 0, 0 and 1), while surrounding whitespace does not.
     */
    private static final class Parser {
        static final String ERR_FORMAT =
                "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
        static final String ERR_SUFFIX = "unable to parse quantity's suffix";

        private static final String SUFFIX_LETTERS = "eEinumkKMGTP";
        private static final Map<String, Integer> DECIMAL = Map.of(
                "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
        private static final Map<String, Integer> BINARY = Map.of(
                "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);

        private Parser() {}

        static Quantity parse(String text) {
            if (text == null || text.isEmpty()) {
                throw fail(ERR_FORMAT, text);
            }
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("a quantity must have at most " + MAX_TEXT + " characters, got "
                        + text.length());
            }
            Quantity parsed = parseBounded(text);
            if (parsed.value().abs().compareTo(MAX) >= 0) {
                throw new IllegalArgumentException("podcheck reads quantities below 1e24 in magnitude, got \"" + text + "\"");
            }
            return parsed;
        }

        private static Quantity parseBounded(String text) {
            int pos = 0;
            int end = text.length();
            boolean negative = text.charAt(0) == '-';
            if (negative || text.charAt(0) == '+') {
                pos++;
            }
            int numberStart = pos;
            pos = skipDigits(text, pos);
            int integerEnd = pos;
            int fractionStart = pos;
            if (pos < end && text.charAt(pos) == '.') {
                fractionStart = pos + 1;
                pos = skipDigits(text, fractionStart);
            }
            String integer = text.substring(numberStart, integerEnd);
            String fraction = pos > fractionStart ? text.substring(fractionStart, pos) : "";
            String suffix = text.substring(pos);
            requireSuffixShape(text, suffix);
            // An empty number ("", ".", "-") reads as zero in parseQuantityString.
            BigDecimal number = new BigDecimal((integer.isEmpty() ? "0" : integer)
                    + (fraction.isEmpty() ? "" : "." + fraction));
            return withSuffix(negative ? number.negate() : number, suffix, text);
        }

        private static Quantity withSuffix(BigDecimal number, String suffix, String text) {
            Integer decimal = DECIMAL.get(suffix);
            if (decimal != null) {
                return new Quantity(number.scaleByPowerOfTen(decimal), Format.DECIMAL_SI);
            }
            Integer binary = BINARY.get(suffix);
            if (binary != null) {
                BigDecimal bytes = capBinary(number.multiply(BigDecimal.valueOf(2).pow(binary)));
                // A BinarySI value strictly between -1 and 1 becomes DecimalSI (quantity.go ParseQuantity).
                boolean fractional = bytes.signum() != 0 && bytes.abs().compareTo(BigDecimal.ONE) < 0;
                return new Quantity(bytes, fractional ? Format.DECIMAL_SI : Format.BINARY_SI);
            }
            if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
                // suffix.go parses an int64 and truncates it to int32; we refuse what int cannot hold.
                try {
                    int exponent = Integer.parseInt(suffix.substring(1));
                    return new Quantity(number.scaleByPowerOfTen(exponent), Format.DECIMAL_EXPONENT);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw fail(ERR_SUFFIX, text);
                }
            }
            throw fail(ERR_SUFFIX, text);
        }

        /** Suffix letters, then an optional sign, then digits: anything else is ErrFormatWrong. */
        private static void requireSuffixShape(String text, String suffix) {
            int i = 0;
            while (i < suffix.length() && SUFFIX_LETTERS.indexOf(suffix.charAt(i)) >= 0) {
                i++;
            }
            if (i < suffix.length() && (suffix.charAt(i) == '+' || suffix.charAt(i) == '-')) {
                i++;
            }
            if (skipDigits(suffix, i) != suffix.length()) {
                throw fail(ERR_FORMAT, text);
            }
        }

        private static int skipDigits(String s, int from) {
            int i = from;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            return i;
        }

        private static IllegalArgumentException fail(String reason, String text) {
            return new IllegalArgumentException(reason + ", got \"" + text + "\"");
        }
    }
}

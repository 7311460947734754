package dev.podcheck.spec.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.pod.Quantity.Format;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quantity against apimachinery's staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go
 * (TestQuantityParse, TestQuantityString, TestQuantityParseEmit, the invalid list, Add/Sub zero).
 */
class QuantityTest {
    private static final String FORMAT_ERROR =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    private static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

    private static Quantity q(String text) {
        return Quantity.parse(text);
    }

    @Nested
    class Canonical_form {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            // Examples from the brief and the quantity.go doc comment.
            "0.5, 500m", "1e3, 1e3", "1000, 1k", "1536Mi, 1536Mi", "1Gi, 1Gi", "0.5Gi, 512Mi",
            "100m, 100m", "1.5, 1500m", "1.5Gi, 1536Mi",
            // Zero is "0" in every format.
            "0, 0", "0Mi, 0", "0m, 0", "0e3, 0", "-0, 0",
            // TestQuantityParseEmit.
            "1Ki, 1Ki", "1024Mi, 1Gi", "1000M, 1G", ".001Ki, 1024m", ".000001Ki, 1024u",
            ".000000001Ki, 1024n", ".000000000001Ki, 2n",
            // BinarySI below 1024 or with a fraction is written as DecimalSI.
            "0.5Ki, 512", "1023, 1023", "1025Ki, 1025Ki", "100.035Ki, 102435840m", "1048576, 1048576",
            // Decimal suffixes and exponents: the exponent is the largest multiple of 3 keeping a whole mantissa.
            "50k, 50k", "40T, 40T", "300.2T, 300200G", "1.01E, 1010P", "100.035k, 100035", "10.035M, 10035k",
            "6.987654321G, 6987654321", "1E, 1E", "12E, 12E", "1E-3, 1e-3", "1.2e3, 1200", "1.3E+6, 1300e3",
            "1e14, 100e12", "80e-3, 80e-3", "0.5e0, 500e-3",
            // Rounded up to a whole nano, away from zero.
            "0.0000000001, 1n", "0.00000000050, 1n", "3.001n, 4n", "0.9n, 1n", "1.1E-9, 2e-9",
            "0.00000012345, 124n", "0.5e-9, 1e-9", "-0.1n, -1n", "-3.001n, -4n",
            // Signs.
            "+1, 1", "-1.5, -1500m", "-1Gi, -1Gi", "-0.5Gi, -512Mi", "-100m, -100m", "-1000, -1k",
            // Lenient numbers apimachinery accepts (TestParseQuantityString, "Things written by trolls").
            "1., 1", "1.G, 1G", "., 0", "-., 0", "-, 0", "+, 0", ".0001k, 100m", "007, 7",
        })
        void should_write_the_canonical_form(String input, String canonical) {
            assertThat(q(input)).hasToString(canonical);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"500m", "1e3", "1k", "1536Mi", "512Mi", "1500m", "1024n", "1300e3", "-1Gi", "9Ei"})
        void should_parse_its_own_canonical_form_back_to_the_same_value(String input) {
            Quantity parsed = q(input);

            assertThat(q(parsed.toString())).isEqualTo(parsed).hasToString(parsed.toString());
        }

        @Test
        void should_cap_binary_quantities_at_2_to_the_63_minus_1() {
            assertThat(q("9Ei")).hasToString("9223372036854775807");
            assertThat(q("9223372036854775807Ki").value()).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE));
            assertThat(q("7Ei")).hasToString("7Ei");
        }

        @Test
        void should_not_cap_decimal_quantities() {
            assertThat(q("12E").value()).isEqualTo(new BigDecimal("12e18"));
        }

        @Test
        void should_fall_back_to_the_exponent_form_past_the_E_suffix() {
            // kubernetes#140459 (merged 2026); releases before it wrote "1", dropping the magnitude.
            assertThat(q("1000E")).hasToString("1e21");
            assertThat(q("1e21")).hasToString("1e21");
        }

        @Test
        void should_fall_back_to_decimal_past_the_Ei_suffix() {
            Quantity twoTo70 = new Quantity(new BigDecimal(BigInteger.TWO.pow(70)), Format.BINARY_SI);

            assertThat(twoTo70).hasToString("1180591620717411303424");
        }

        @Test
        void should_turn_a_binary_quantity_below_one_into_decimal_when_parsed() {
            assertThat(q("0.000000000001Ki").format()).isEqualTo(Format.DECIMAL_SI);
            assertThat(q("0.5Ki").format()).isEqualTo(Format.BINARY_SI);
            assertThat(q("1e3").format()).isEqualTo(Format.DECIMAL_EXPONENT);
            assertThat(q("1E").format()).isEqualTo(Format.DECIMAL_SI);
        }
    }

    @Nested
    class Invalid_strings {
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "1x", "1.2.3", " 1", "1 ", "1.1.M", "1+1.0M", "0.1am", "aoeu", "Non-Numeric",
            "1e3.5"})
        void should_refuse_a_malformed_quantity(String input) {
            assertThatThrownBy(() -> q(input))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(FORMAT_ERROR + ", got \"" + input + "\"");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"--1", "0.1mi", ".5i", "1i", "-3.01i", "1e", "1K", "1ki", "1MM", "1e99999999999",
            "-3.01e-", "1Ki3"})
        void should_refuse_an_unknown_suffix(String input) {
            assertThatThrownBy(() -> q(input))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(SUFFIX_ERROR + ", got \"" + input + "\"");
        }

        @Test
        void should_refuse_null() {
            assertThatThrownBy(() -> q(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Arithmetic {
        @ParameterizedTest(name = "{0} + {1} = {2}")
        @CsvSource({
            "1Gi, 512Mi, 1536Mi", "1, 500m, 1500m", "100m, 900m, 1", "1Gi, 1k, 1073742824",
            "1Gi, 0, 1Gi", "0, 1Gi, 1Gi", "0, 100m, 100m", "1e3, 1e3, 2e3", "-1Gi, 1Gi, 0",
        })
        void should_add_exactly(String a, String b, String sum) {
            assertThat(q(a).plus(q(b))).hasToString(sum);
        }

        @ParameterizedTest(name = "{0} - {1} = {2}")
        @CsvSource({"1Gi, 512Mi, 512Mi", "1, 1m, 999m", "0, 1Gi, -1Gi", "100m, 0, 100m", "1Gi, 1Gi, 0"})
        void should_subtract_exactly(String a, String b, String difference) {
            assertThat(q(a).minus(q(b))).hasToString(difference);
        }

        @Test
        void should_read_whole_units_and_millis_rounded_up() {
            assertThat(q("1.5").longValue()).isEqualTo(2);
            assertThat(q("0.5Gi").longValue()).isEqualTo(536_870_912L);
            assertThat(q("1e8").longValue()).isEqualTo(100_000_000L);
            assertThat(q("100m").milliValue()).isEqualTo(100);
            assertThat(q("1n").milliValue()).isEqualTo(1);
            assertThat(q("2").milliValue()).isEqualTo(2000);
        }

        @Test
        void should_report_the_sign() {
            assertThat(q("-1m").signum()).isNegative();
            assertThat(q("0Gi").signum()).isZero();
            assertThat(q("1n").signum()).isPositive();
        }
    }

    @Nested
    class Equality {
        @ParameterizedTest(name = "{0} == {1}")
        @CsvSource({"1Gi, 1073741824", "1, 1000m", "0, 0Mi", "1e3, 1k", "1.5Gi, 1536Mi", "0.5, 500000u", "1E, 1e18"})
        void should_be_equal_by_value_whatever_the_format(String a, String b) {
            assertThat(q(a)).isEqualTo(q(b)).hasSameHashCodeAs(q(b));
            assertThat(q(a).compareTo(q(b))).isZero();
        }

        @ParameterizedTest(name = "{0} > {1}")
        @CsvSource({"1Gi, 1G", "100m, 50m", "10000T, 100Gi", "0, -1n", "1n, 0"})
        void should_order_by_value(String larger, String smaller) {
            assertThat(q(larger)).isGreaterThan(q(smaller)).isNotEqualTo(q(smaller));
        }

        @Test
        void should_round_in_the_constructor_too() {
            Quantity direct = new Quantity(new BigDecimal("0.00000000001"), Format.DECIMAL_SI);

            assertThat(direct).isEqualTo(q("1n"));
        }
    }
}

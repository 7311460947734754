package dev.podcheck.spec.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written parser against distribution/reference's regular expression, which it replaced. */
class ImageReferenceTest {

    /** distribution/reference regexp.go, spelled out: domain[:port]/path:tag@digest (the parser's former body). */
    private static final class Oracle {
        private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
        private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
        private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|" + IPV6
                + ")(?::[0-9]+)?";
        private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
        private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
        private static final String TAG = "[\\w][\\w.-]{0,127}";
        private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
        private static final Pattern REFERENCE =
                Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");

        static Optional<ImageReference> parse(String image) {
            Matcher m = REFERENCE.matcher(image);
            if (!m.matches()) {
                return Optional.empty();
            }
            String tag = m.group(2) == null && m.group(3) == null ? ImageReference.DEFAULT_TAG : m.group(2);
            return Optional.of(new ImageReference(m.group(1), tag, m.group(3)));
        }
    }

    private static final String HEX64 = "a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4";

    /** Pieces of well-formed and malformed references, glued at random into candidates. */
    private static final String[] PIECES = {
        "a", "z", "0", "9", "A", "Z", "busybox", "nginx", "library", "registry.k8s.io", "pause", "localhost",
        "example.com", "my-registry", "host", "[::1]", "[fe80::1]", "[", "]", "[]", "::", ":", ":5000", ":80",
        ":latest", ":1.36", ":3.10", ":v1", ":_x", ":.x", ":-x", "/", "//", ".", "..", "_", "__", "___", "-", "--",
        "-.", "._", "@", "@sha256:", "sha256:", "sha256", "sha-256", "sha+256", "sha.256", "1sha", "+", HEX64,
        HEX64.substring(0, 31), HEX64.toUpperCase(), "g", " ", "\n", "\t", "é", "\u0000", "\uD83D\uDE00", "latest",
        "x".repeat(128), "y".repeat(129), "Ab-Cd", "a-", "-a", "1.2.3.4", "a..b", "w_"
    };

    private static List<String> candidates(long seed, int count) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder();
            int pieces = random.nextInt(7);
            for (int p = 0; p < pieces; p++) {
                s.append(random.nextInt(4) == 0 ? String.valueOf((char) (32 + random.nextInt(95)))
                        : PIECES[random.nextInt(PIECES.length)]);
            }
            out.add(s.toString());
        }
        return out;
    }

    @Nested
    class Against_the_regular_expression {

        @Test
        void should_accept_reject_and_split_exactly_as_the_regular_expression_on_generated_references() {
            // GIVEN 200,000 references glued from well-formed and malformed pieces and random printable characters
            List<String> images = candidates(19L, 200_000);
            long accepted = images.stream().filter(i -> Oracle.parse(i).isPresent()).count();
            // THEN the sample holds both verdicts in numbers (the comparison is not vacuous)
            assertThat(accepted).isBetween(10_000L, 190_000L);
            // WHEN each is parsed by both THEN name, tag and digest agree
            for (String image : images) {
                assertThat(ImageReference.parse(image)).as("image %s", image).isEqualTo(Oracle.parse(image));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "", ":", "@", "/", "a", "A", "a/", "/a", "a//b", "a:", "a@", "a:b:c", "a:5000/b", "a:5000/b:t",
            "a:5000", "A:5000/b", "A/b", "a/B", "a.b/c", "a..b/c", "a-.b/c", "-a/b", "a-/b", "a_b", "a__b", "a___b",
            "a-_b", "a---b", "a._b", "[::1]/a", "[::1]:5000/a:t", "[::1]", "[]/a", "[g]/a", "[::1]x/a", "[::1]:/a",
            "[::1/a", "a:/b", "a:12x/b", "localhost:5000/a/b/c:latest", "a@sha256:H64", "a:t@sha256:H64",
            "a@sha256:H64@x", "a@1sha:H64", "a@sha+b.c_d-e:H64", "a@sha--b:H64",
            "a@sha-:H64", "a@:H64", "a@sha256:H31", "a@sha256:H64g",
            "a:_", "a:.", "a:-a", "a:a.-_", "a:é", "é", "a\n", "a:t\n", "a/b:c/d"
        })
        void should_agree_with_the_regular_expression_on_hostile_references(String pattern) {
            // H64 and H31 stand for 64 and 31 hex digits (a digest's minimum is 32)
            String image = pattern.replace("H64", HEX64).replace("H31", HEX64.substring(0, 31));
            assertThat(ImageReference.parse(image)).isEqualTo(Oracle.parse(image));
        }

        @Test
        void should_agree_on_tags_at_and_past_the_length_limit() {
            for (int length = 126; length <= 130; length++) {
                String image = "a:" + "t".repeat(length);
                assertThat(ImageReference.parse(image)).as("tag length %d", length).isEqualTo(Oracle.parse(image));
            }
            assertThat(ImageReference.parse("a:" + "t".repeat(128))).isPresent();
            assertThat(ImageReference.parse("a:" + "t".repeat(129))).isEmpty();
        }
    }

    @Test
    void should_split_a_reference_with_port_tag_and_digest() {
        assertThat(ImageReference.parse("registry:5000/team/app:1.2@sha256:" + HEX64))
                .contains(new ImageReference("registry:5000/team/app", "1.2", "sha256:" + HEX64));
    }

    @Test
    void should_refuse_null() {
        assertThat(ImageReference.parse(null)).isEmpty();
    }
}

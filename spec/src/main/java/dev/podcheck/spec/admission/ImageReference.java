package dev.podcheck.spec.admission;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag of an image reference, parsed with the grammar of distribution/reference, which the
 * apiserver uses through pkg/util/parsers ParseImageName for the imagePullPolicy default (D-7).
 * A reference that does not parse has no tag, so it defaults to IfNotPresent as in Go.
 */
record ImageReference(String name, String tag, String digest) {

    static final String DEFAULT_TAG = "latest";

    // distribution/reference regexp.go, spelled out: domain[:port]/path:tag@digest.
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

    /** Parses {@code image}; empty if the apiserver's parser would refuse it. */
    static Optional<ImageReference> parse(String image) {
        if (image == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(image);
        if (!m.matches()) {
            return Optional.empty();
        }
        String tag = m.group(2);
        String digest = m.group(3);
        // ParseImageName: neither tag nor digest means the default tag.
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        return Optional.of(new ImageReference(m.group(1), tag, digest));
    }

    /** D-7: Always exactly when the parsed tag is "latest" (pkg/apis/core/v1/defaults.go SetDefaults_Container). */
    static String defaultPullPolicy(String image) {
        boolean latest = parse(image).map(r -> DEFAULT_TAG.equals(r.tag())).orElse(false);
        return latest ? "Always" : "IfNotPresent";
    }
}

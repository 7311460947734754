package dev.podcheck.spec.admission;

import java.util.Optional;

/**
 * The tag of an image reference, parsed with the grammar of distribution/reference, which the
 * apiserver uses through pkg/util/parsers ParseImageName for the imagePullPolicy default (D-7).
 * A reference that does not parse has no tag, so it defaults to IfNotPresent as in Go.
 *
 * <p>The grammar (distribution/reference regexp.go) is {@code name(:tag)?(@digest)?} with
 * {@code name = (domain/)?path(/path)*}. It is checked by hand rather than by a regular expression,
 * which cost a third of defaulting: the grammar splits without backtracking, because only the
 * digest holds an {@code @}, the tag holds neither {@code :} nor {@code /}, and the name's only
 * colons are in its domain, which a {@code /} follows. {@code ImageReferenceTest} compares it with
 * the regular expression.
 */
record ImageReference(String name, String tag, String digest) {

    static final String DEFAULT_TAG = "latest";
    private static final int MAX_TAG_LENGTH = 128;
    private static final int MIN_DIGEST_HEX = 32;

    /** Parses {@code image}; empty if the apiserver's parser would refuse it. */
    static Optional<ImageReference> parse(String image) {
        if (image == null) {
            return Optional.empty();
        }
        int at = image.indexOf('@');
        String digest = at < 0 ? null : image.substring(at + 1);
        String nameAndTag = at < 0 ? image : image.substring(0, at);
        int colon = nameAndTag.lastIndexOf(':');
        boolean tagged = colon > nameAndTag.lastIndexOf('/');
        String name = tagged ? nameAndTag.substring(0, colon) : nameAndTag;
        String tag = tagged ? nameAndTag.substring(colon + 1) : null;
        if (!isName(name) || (tag != null && !isTag(tag)) || (digest != null && !isDigest(digest))) {
            return Optional.empty();
        }
        // ParseImageName: neither tag nor digest means the default tag.
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        return Optional.of(new ImageReference(name, tag, digest));
    }

    /** D-7: Always exactly when the parsed tag is "latest" (pkg/apis/core/v1/defaults.go SetDefaults_Container). */
    static String defaultPullPolicy(String image) {
        boolean latest = parse(image).map(r -> DEFAULT_TAG.equals(r.tag())).orElse(false);
        return latest ? "Always" : "IfNotPresent";
    }

    /** {@code (domain/)?path(/path)*}: every segment a path component, or the first a domain. */
    private static boolean isName(String name) {
        int firstSlash = name.indexOf('/');
        boolean pathsAfterFirst = firstSlash >= 0 && isPaths(name, firstSlash + 1);
        return (pathsAfterFirst && isPathComponent(name, 0, firstSlash))
                || (pathsAfterFirst && isDomain(name, 0, firstSlash))
                || (firstSlash < 0 && isPathComponent(name, 0, name.length()));
    }

    /** {@code path(/path)*} from {@code from} to the end. */
    private static boolean isPaths(String s, int from) {
        int start = from;
        while (true) {
            int slash = s.indexOf('/', start);
            int end = slash < 0 ? s.length() : slash;
            if (!isPathComponent(s, start, end)) {
                return false;
            }
            if (slash < 0) {
                return true;
            }
            start = slash + 1;
        }
    }

    /** {@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*}. */
    private static boolean isPathComponent(String s, int from, int to) {
        if (from >= to || !isLowerAlnum(s.charAt(from)) || !isLowerAlnum(s.charAt(to - 1))) {
            return false;
        }
        int i = from;
        while (i < to) {
            if (isLowerAlnum(s.charAt(i))) {
                i++;
                continue;
            }
            int sepStart = i;
            while (!isLowerAlnum(s.charAt(i))) {
                i++;
            }
            if (!isPathSeparator(s, sepStart, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPathSeparator(String s, int from, int to) {
        String sep = s.substring(from, to);
        return sep.equals(".") || sep.equals("_") || sep.equals("__") || sep.chars().allMatch(c -> c == '-');
    }

    /** {@code (component(\.component)*|\[[a-fA-F0-9:]+\])(:[0-9]+)?}. */
    private static boolean isDomain(String s, int from, int to) {
        int hostEnd;
        if (from < to && s.charAt(from) == '[') {
            int close = s.indexOf(']', from);
            if (close < 0 || close >= to || close == from + 1 || !all(s, from + 1, close, ImageReference::isIpv6Char)) {
                return false;
            }
            hostEnd = close + 1;
        } else {
            int colon = s.indexOf(':', from);
            hostEnd = colon < 0 || colon >= to ? to : colon;
            if (!isDomainComponents(s, from, hostEnd)) {
                return false;
            }
        }
        return hostEnd == to
                || (s.charAt(hostEnd) == ':' && hostEnd + 1 < to && all(s, hostEnd + 1, to, ImageReference::isDigit));
    }

    /** {@code component(\.component)*}, each component alphanumeric with inner hyphens. */
    private static boolean isDomainComponents(String s, int from, int to) {
        int start = from;
        while (true) {
            int dot = s.indexOf('.', start);
            int end = dot < 0 || dot >= to ? to : dot;
            if (start >= end || !isAlnum(s.charAt(start)) || !isAlnum(s.charAt(end - 1))
                    || !all(s, start, end, c -> isAlnum(c) || c == '-')) {
                return false;
            }
            if (end == to) {
                return true;
            }
            start = end + 1;
        }
    }

    /** {@code [\w][\w.-]{0,127}}. */
    private static boolean isTag(String tag) {
        return !tag.isEmpty() && tag.length() <= MAX_TAG_LENGTH && isWord(tag.charAt(0))
                && all(tag, 1, tag.length(), c -> isWord(c) || c == '.' || c == '-');
    }

    /** {@code [A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}}. */
    private static boolean isDigest(String digest) {
        int colon = digest.indexOf(':');
        if (colon < 0 || digest.length() - colon - 1 < MIN_DIGEST_HEX
                || !all(digest, colon + 1, digest.length(), ImageReference::isHex)) {
            return false;
        }
        boolean componentStart = true;
        for (int i = 0; i < colon; i++) {
            char c = digest.charAt(i);
            if (componentStart ? !isLetter(c) : !(isAlnum(c) || c == '-' || c == '_' || c == '+' || c == '.')) {
                return false;
            }
            componentStart = !isAlnum(c);
        }
        return colon > 0 && !componentStart;
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static boolean all(String s, int from, int to, CharTest test) {
        for (int i = from; i < to; i++) {
            if (!test.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || isDigit(c);
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isLetter(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWord(char c) {
        return isAlnum(c) || c == '_';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isIpv6Char(char c) {
        return isHex(c) || c == ':';
    }
}

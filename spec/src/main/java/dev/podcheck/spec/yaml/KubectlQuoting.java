package dev.podcheck.spec.yaml;

import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Quotes what Jackson's default leaves plain but kubectl would not read back as a string: {@code 0644}, {@code 1_000},
 * {@code 0b1} are numbers to YAML 1.1 ({@link KubectlSchema}), so a pod {@code validate} prints reads back as written.
 */
final class KubectlQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteName(String name) {
        return super.needToQuoteName(name) || KubectlSchema.isNoStringToKubectl(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || KubectlSchema.isNoStringToKubectl(value);
    }
}

package dev.podcheck.cli;

import static dev.podcheck.cli.PodcheckCliTest.podcheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.cli.PodcheckCliTest.Run;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every --help says whole sentences, and each verb offers only the options that change something for it. */
class HelpTest {

    static Stream<String> verbs() {
        return new CommandLine(new Podcheck()).getSubcommands().keySet().stream().filter(v -> !v.equals("help"));
    }

    /** The verb as an invocation builds it: with the options of the target it would use. */
    private static CommandSpec verb(String name) {
        CommandLine cli = new CommandLine(new Podcheck());
        Podcheck.wireTarget(cli, Targets.discover(), new String[] {name});
        return cli.getSubcommands().get(name).getCommandSpec();
    }

    @Test
    void should_summarise_each_verb_in_a_whole_sentence_in_podcheck_help() {
        Run run = podcheck("--help");

        verbs().forEach(v -> {
            String summary = verb(v).usageMessage().description()[0];
            assertThat(summary).as("the summary of %s, as podcheck --help lists it", v).endsWith(".");
            // podcheck --help wraps a long summary over lines of its table
            assertThat(run.out().replaceAll("\\s+", " ")).contains(summary.replaceAll("\\s+", " "));
        });
    }

    @ParameterizedTest
    @MethodSource("verbs")
    void should_end_every_description_of_the_verb_and_its_options_with_a_whole_sentence(String name) {
        CommandSpec spec = verb(name);

        assertThat(String.join(" ", spec.usageMessage().description())).as(name).endsWith(".");
        for (OptionSpec option : spec.options()) {
            assertThat(String.join(" ", option.description())).as("%s %s", name, option.longestName())
                    .isNotBlank().matches("(?s).*[.)]$");
        }
        Run help = podcheck(name, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: podcheck " + name);
    }

    @Test
    void should_offer_each_verb_only_the_target_options_that_change_something_for_it() {
        assertThat(podcheck("render", "--help").out()).as("render submits nothing").contains("--image")
                .doesNotContain("--kubeconfig").doesNotContain("--namespace-prefix").doesNotContain("--trial-timeout");
        assertThat(podcheck("clean", "--help").out()).as("clean renders nothing").contains("--kubeconfig")
                .doesNotContain("--image").doesNotContain("--bind-run-role");
        assertThat(podcheck("run", "--help").out()).contains("--kubernetes-version").contains("--shrink-attempts");
        assertThat(podcheck("predict", "--help").out()).contains("--kubernetes-version").doesNotContain("--target");
    }

    @Test
    void should_say_that_a_target_option_does_not_apply_to_a_verb_that_has_no_use_for_it() {
        Run run = podcheck("render", "--kubeconfig", "k", "x.yaml");

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("podcheck: Unknown option")
                .endsWith("(--kubeconfig of --target kubernetes does not apply to render)");
    }
}

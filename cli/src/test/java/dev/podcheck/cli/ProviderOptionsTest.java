package dev.podcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.spec.behaviour.Durations;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A target's own options, described without picocli, parsed by the command line like its own. */
class ProviderOptionsTest {
    @Command(name = "verb")
    static final class Verb {}

    static final class Provider implements TargetProvider {
        boolean insecure;
        String zone;
        Duration timeout;

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public String description() {
            return "options only";
        }

        @Override
        public List<TargetOption> options() {
            return List.of(
                    TargetOption.flag("--insecure", "Off with the checks.", v -> insecure = v),
                    TargetOption.valued("--zone", "ZONE", null, "Where.", v -> zone = v),
                    TargetOption.valued("--timeout", "DURATION", "60s", "How long (default: ${DEFAULT-VALUE}).",
                            v -> timeout = Durations.parsePositive(v)));
        }

        @Override
        public Target open() {
            throw new UnsupportedOperationException("not opened here");
        }
    }

    private final Provider provider = new Provider();

    private CommandLine verb() {
        CommandLine verb = new CommandLine(new Verb());
        ProviderOptions.addTo(verb, provider);
        return verb;
    }

    @Test
    void should_set_given_values_and_flags() {
        verb().parseArgs("--insecure", "--zone", "eu", "--timeout=2m");

        assertThat(provider.insecure).isTrue();
        assertThat(provider.zone).isEqualTo("eu");
        assertThat(provider.timeout).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void should_apply_the_defaults_of_options_not_given_and_leave_the_others_alone() {
        verb().parseArgs();

        assertThat(provider.insecure).isFalse();
        assertThat(provider.zone).isNull();
        assertThat(provider.timeout).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void should_report_a_value_the_target_refuses_as_an_invalid_value_of_that_option() {
        assertThatThrownBy(() -> verb().parseArgs("--timeout", "0s")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--timeout': must be longer than 0s, got \"0s\"");
    }

    @Test
    void should_show_each_option_with_its_label_and_default_in_help() {
        String help = verb().getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(help).contains("--insecure").contains("--zone=ZONE").contains("--timeout=DURATION")
                .contains("How long (default: 60s).");
    }

    @Test
    void should_know_which_options_are_the_targets() {
        assertThat(ProviderOptions.owns(provider, "--zone")).isTrue();
        assertThat(ProviderOptions.owns(provider, "--kubeconfig")).isFalse();
    }
}

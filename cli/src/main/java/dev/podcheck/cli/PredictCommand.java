package dev.podcheck.cli;

import dev.podcheck.conformance.report.Timeline;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.yaml.Printable;
import dev.podcheck.spec.yaml.TraceCodec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code podcheck predict}: what the reference engine says a pod does, as a timeline or a trace. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Prints the reference engine's prediction of a pod's life, one line per change.",
                "Reads scenarios (Pod manifests with their scenario annotation), defaults and validates them",
                "like the apiserver, and predicts each document in turn: as a timeline, or the trace as JSON or",
                "YAML. A container without a behaviour is assumed to run until stopped (a regular init",
                "container: to exit 0 after a second); the prediction says so for each.", "A pod that names neighbours shares its node with the documents after it (a node scenario)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:predicted", "1:a pod is invalid (its violations are printed on stderr)",
                "2:usage error or unreadable file"})
final class PredictCommand implements Callable<Integer> {

    @Mixin
    InputFiles inputs;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json|yaml",
            description = "text: a timeline; json: the trace in its stable JSON form, one object per document; yaml:"
                    + " the same as YAML documents (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    // The engine's own default horizon (EngineOptions.DEFAULT_HORIZON).
    @Option(names = "--horizon", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How much virtual time to simulate, e.g. 90s, 10m, 1h30m (default: ${DEFAULT-VALUE}).")
    Duration horizon;

    @Option(names = "--kubernetes-version", paramLabel = "1.N", converter = ProfileConverter.class,
            description = "The Kubernetes release whose kubelet the engine plays (default: the engine's default profile).")
    Profile profile = Profile.DEFAULT;

    @Mixin
    FieldValidation validation = new FieldValidation();

    @Spec
    CommandSpec spec;

    private final Simulator simulator;

    /** No prediction printed yet: the next needs no blank line before it. */
    private boolean first = true;

    PredictCommand() {
        this(Simulator.ENGINE);
    }

    PredictCommand(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        int exit = ExitCodes.OK;
        for (String named : inputs.named(cli)) {
            Input input;
            try {
                input = InputFiles.open(named, cli);
            } catch (InputException e) {
                cli.getErr().println("podcheck: " + e.getMessage());
                exit = Math.max(exit, ExitCodes.USAGE);
                continue;
            }
            int done = Admission.eachAdmitted(input, validation.mode, cli.getErr(), (defaulted, ignored) -> {
                print(input, defaulted, simulator.simulate(defaulted, horizon, profile));
                return ExitCodes.OK;
            });
            exit = Math.max(exit, done);
        }
        return exit;
    }

    private void print(Input input, Scenario scenario, Trace trace) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> assumed = assumptions(scenario);
        if (output != OutputFormat.text) {
            // Standard output holds only the documents; what was assumed is a note, as kubectl's warnings are.
            assumed.forEach(line -> spec.commandLine().getErr().println("podcheck: " + Admission.podName(scenario) + ": " + line));
            out.print(output.machine(TraceCodec.toJson(trace)));
            return;
        }
        if (!first) {
            out.println();
        }
        first = false;
        out.println("# " + Printable.of(input.source()) + ": " + Admission.podName(scenario) + ", predicted for "
                + Durations.format(horizon) + " on Kubernetes " + profile.version());
        assumed.forEach(line -> out.println("# " + line));
        out.print(Timeline.of(scenario.pod()).render(trace));
        for (Scenario neighbour : scenario.neighbours()) { // a node scenario: each other pod on the node, same clock
            out.println();
            out.println("# " + Admission.podName(neighbour) + ", on the same node");
            out.print(Timeline.of(neighbour.pod()).render(trace.neighbours().get(neighbour.pod().metadata().name())));
        }
    }

    /** One line per container the scenario gives no behaviour, saying what the engine took it to do. */
    static List<String> assumptions(Scenario scenario) {
        return Stream.concat(scenario.pod().spec().initContainers().stream(), scenario.pod().spec().containers().stream())
                .map(Container::name)
                .filter(name -> !scenario.behaviours().containsKey(name))
                .map(name -> Printable.of(name) + ": no behaviour given, assumed " + (scenario.behaviour(name) == ContainerBehaviour.INIT_DEFAULT
                        ? "to exit 0 one second after it starts"
                        : "to run until stopped, always healthy, exiting at once on SIGTERM"))
                .toList();
    }
}

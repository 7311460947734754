package dev.podcheck.cli;

import dev.podcheck.conformance.report.Timeline;
import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.Printable;
import dev.podcheck.spec.yaml.TraceCodec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code podcheck predict}: what the reference engine says a pod does, as a timeline or a JSON trace. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Reads a scenario (a Pod manifest with its scenario annotation), defaults and",
                "validates it like the apiserver, and prints the reference engine's trace of",
                "its life: a timeline, one line per change, or the trace as JSON. Each",
                "document of a multi-document file is predicted in turn; a pod that names",
                "neighbours shares its node with the documents after it (a node scenario)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:predicted", "1:a pod is invalid (its violations are printed on stderr)",
                "2:usage error or unreadable file"})
final class PredictCommand implements Callable<Integer> {

    enum Output { text, json }

    @Parameters(arity = "1", paramLabel = "FILE", description = "A scenario (YAML or JSON; many documents allowed).")
    Path file;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text: a timeline; json: the trace in its stable JSON form, one object per document (default: ${DEFAULT-VALUE}).")
    Output output;

    // The engine's own default horizon (EngineOptions.DEFAULT_HORIZON).
    @Option(names = "--horizon", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How much virtual time to simulate, e.g. 90s, 10m, 1h30m (default: ${DEFAULT-VALUE}).")
    Duration horizon;

    @Mixin
    FieldValidation validation = new FieldValidation();

    @Spec
    CommandSpec spec;

    private final Simulator simulator;

    PredictCommand() {
        this(Simulator.ENGINE);
    }

    PredictCommand(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Admission.eachAdmitted(file, validation.mode, err, (defaulted, first) -> {
            print(defaulted, simulator.simulate(defaulted, horizon), first, out);
            return ExitCodes.OK;
        });
    }

    private void print(Scenario scenario, Trace trace, boolean first, PrintWriter out) {
        if (output == Output.json) {
            out.print(TraceCodec.toJson(trace));
            return;
        }
        if (!first) {
            out.println();
        }
        out.println("# " + Printable.of(file.toString()) + ": " + Admission.podName(scenario) + ", predicted for " + Durations.format(horizon));
        out.print(Timeline.of(scenario.pod()).render(trace));
        for (Scenario neighbour : scenario.neighbours()) { // a node scenario: each other pod on the node, same clock
            out.println();
            out.println("# " + Admission.podName(neighbour) + ", on the same node");
            out.print(Timeline.of(neighbour.pod()).render(trace.neighbours().get(neighbour.pod().metadata().name())));
        }
    }
}

package dev.podcheck.cli;

import dev.podcheck.spec.qos.PodQOS;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.yaml.Manifest;
import dev.podcheck.spec.yaml.Printable;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code podcheck validate}: default and validate pods as the apiserver would, and classify them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Defaults and validates Pod manifests as the apiserver admits a create, and classifies them.",
                "Reads each manifest (with its scenario annotation) with strict decoding (unknown or repeated",
                "fields), defaults it, validates it with its warnings, and prints each defaulted pod with its",
                "QoS class, or one line per problem (file:line:column: field: ...)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every pod is valid", "1:a pod is refused (unknown or repeated fields, or invalid)", "2:a file is unreadable"})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    InputFiles inputs;

    @Option(names = "--quiet", description = "Print only violations and errors, not the defaulted pods.")
    boolean quiet;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json|yaml",
            description = "text: a line naming each valid pod and its QoS class, then the defaulted pod as YAML;"
                    + " yaml or json: only the defaulted pods, as YAML documents or one JSON object each (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Mixin
    FieldValidation validation = new FieldValidation();

    @Spec
    CommandSpec spec;

    /** No document printed yet: the next needs no separator. */
    private boolean first = true;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        for (String named : inputs.named(spec.commandLine())) {
            try {
                Input input = InputFiles.open(named, spec.commandLine());
                for (Manifest manifest : input.manifests()) {
                    if (!report(input, manifest, out, err)) {
                        exit = Math.max(exit, ExitCodes.VIOLATED);
                    }
                }
            } catch (InputException e) {
                err.println("podcheck: " + e.getMessage());
                exit = ExitCodes.USAGE;
            }
        }
        return exit;
    }

    private boolean report(Input input, Manifest manifest, PrintWriter out, PrintWriter err) {
        // A refused pod's problems go to standard output in text, the report a person reads; to standard
        // error otherwise, where standard output holds only documents.
        Optional<Scenario> admitted = Admission.admit(manifest, validation.mode, output == OutputFormat.text ? out : err, err);
        if (admitted.isEmpty()) {
            return false;
        }
        Scenario defaulted = admitted.get();
        if (output != OutputFormat.text) {
            if (!quiet) {
                out.print(output.manifest(ScenarioWriter.toYaml(defaulted), !first));
                first = false;
            }
            return true;
        }
        out.println("# " + Printable.of(input.source()) + ": " + Admission.podName(defaulted) + " is valid; qosClass: " + PodQOS.compute(defaulted.pod()));
        if (!quiet) {
            out.println("---");
            out.print(ScenarioWriter.toYaml(defaulted));
        }
        return true;
    }
}

package dev.podcheck.cli;

import dev.podcheck.spec.qos.PodQOS;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.yaml.Manifest;
import dev.podcheck.spec.yaml.Printable;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code podcheck validate}: default and validate pods as the apiserver would, and classify them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Reads Pod manifests (with their scenario annotation) as the apiserver admits a create:",
                "strict decoding (unknown or repeated fields), defaults, validation and its warnings. Prints",
                "each defaulted pod with its QoS class, or one line per problem (file:line:column: field: ...)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every pod is valid", "1:a pod is refused (unknown or repeated fields, or invalid)", "2:a file is unreadable"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pod manifests (YAML or JSON; many documents allowed).")
    List<Path> files;

    @Option(names = "--quiet", description = "Print only violations and errors, not the defaulted pods.")
    boolean quiet;

    @Mixin
    FieldValidation validation = new FieldValidation();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        for (Path file : files) {
            try {
                for (Manifest manifest : ScenarioReader.readManifests(file)) {
                    if (!report(file, manifest, out, err)) {
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

    private boolean report(Path file, Manifest manifest, PrintWriter out, PrintWriter err) {
        Optional<Scenario> admitted = Admission.admit(manifest, validation.mode, out, err);
        if (admitted.isEmpty()) {
            return false;
        }
        Scenario defaulted = admitted.get();
        out.println("# " + Printable.of(file.toString()) + ": " + Admission.podName(defaulted) + " is valid; qosClass: " + PodQOS.compute(defaulted.pod()));
        if (!quiet) {
            out.println("---");
            out.print(ScenarioWriter.toYaml(defaulted));
        }
        return true;
    }
}

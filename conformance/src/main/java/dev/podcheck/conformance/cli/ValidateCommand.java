package dev.podcheck.conformance.cli;

import dev.podcheck.spec.qos.PodQOS;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podcheck validate}: default and validate pods as the apiserver would, and classify them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Reads Pod manifests (with their scenario annotation), applies the apiserver's defaults,",
                "validates them, and prints each defaulted pod with its QoS class, or every violation."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every pod is valid", "1:a pod is invalid", "2:a file is unreadable"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pod manifests (YAML or JSON; many documents allowed).")
    List<Path> files;

    @Option(names = "--quiet", description = "Print only violations and errors, not the defaulted pods.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        for (Path file : files) {
            try {
                for (Scenario scenario : ScenarioReader.read(file)) {
                    if (!report(file, scenario, out)) {
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

    private boolean report(Path file, Scenario scenario, PrintWriter out) {
        Optional<Scenario> admitted = Admission.admit(file, scenario, out);
        if (admitted.isEmpty()) {
            return false;
        }
        Scenario defaulted = admitted.get();
        out.println("# " + file + ": " + Admission.podName(defaulted) + " is valid; qosClass: " + PodQOS.compute(defaulted.pod()));
        if (!quiet) {
            out.println("---");
            out.print(ScenarioWriter.toYaml(defaulted));
        }
        return true;
    }
}

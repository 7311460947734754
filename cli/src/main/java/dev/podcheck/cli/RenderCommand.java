package dev.podcheck.cli;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.TargetProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podcheck render FILE}: the runnable pod a real target would submit, to read or to {@code kubectl apply} by hand. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Prints the pod a real target runs for each scenario of FILE: every container's behaviour",
                "acted out by a small sh script that reports its own events. Nothing is submitted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rendered", "1:an invalid pod", "2:usage or input error", "5:the target renders nothing"})
final class RenderCommand implements Callable<Integer>, TargetVerb {

    @Parameters(paramLabel = "FILE", description = "A scenario file (one or many YAML documents).")
    Path file;

    @Mixin
    TargetOptions target;

    @Mixin
    FieldValidation validation = new FieldValidation();

    @Spec
    CommandSpec spec;

    @Override
    public TargetOptions target() {
        return target;
    }

    @Override
    public String defaultTarget() {
        return "kubernetes";
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TargetProvider provider = target.provider(spec.commandLine());
        return Admission.eachAdmitted(file, validation.mode, err, (defaulted, first) -> {
            String yaml;
            try {
                yaml = provider.render(defaulted);
            } catch (Target.TargetException e) {
                err.println("podcheck: " + file + ": " + e.getMessage());
                return ExitCodes.TARGET_UNAVAILABLE;
            }
            if (yaml == null) {
                err.println("podcheck: target " + provider.name() + " runs scenarios as written: nothing to render");
                return ExitCodes.TARGET_UNAVAILABLE;
            }
            out.print(first || yaml.startsWith("---") ? yaml : "---\n" + yaml);
            return ExitCodes.OK;
        });
    }
}

package dev.podcheck.cli;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.spec.yaml.InputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podcheck render FILE}: the runnable pod a real target would submit, to read or to {@code kubectl apply} by hand. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Prints the pod a real target runs for each scenario of FILE, and submits nothing.",
                "Every container's behaviour is acted out by a small sh script that reports its own events."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rendered", "1:an invalid pod", "2:usage or input error", "5:the target renders nothing"})
final class RenderCommand implements Callable<Integer>, TargetVerb {

    @Mixin
    InputFiles inputs;

    @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "yaml|json|text",
            description = "yaml (or text, the same): YAML documents separated by ---; json: one JSON object per pod"
                    + " (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

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
    public TargetOption.Use use() {
        return TargetOption.Use.RENDER;
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
        Input input;
        try {
            input = InputFiles.open(inputs.one(spec.commandLine()), spec.commandLine());
        } catch (InputException e) {
            err.println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return Admission.eachAdmitted(input, validation.mode, err, (defaulted, first) -> {
            String yaml;
            try {
                yaml = provider.render(defaulted);
            } catch (Target.TargetException e) {
                err.println("podcheck: " + input.source() + ": " + e.getMessage());
                return ExitCodes.TARGET_UNAVAILABLE;
            }
            if (yaml == null) {
                err.println("podcheck: target " + provider.name() + " runs scenarios as written: nothing to render");
                return ExitCodes.TARGET_UNAVAILABLE;
            }
            out.print(output.manifest(yaml, !first));
            return ExitCodes.OK;
        });
    }
}

package dev.podcheck.cli;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.conformance.api.TargetProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podcheck clean}: removes what interrupted runs left on a target, found by podcheck's run label only. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Removes what interrupted runs left on the target (namespaces, pods), found by podcheck's run label.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:cleaned (or nothing to clean)", "2:usage error", "5:the target cannot be used"})
final class CleanCommand implements Callable<Integer>, TargetVerb {

    @Mixin
    TargetOptions target;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json|yaml",
            description = "text: a line per object removed; json or yaml: {target, removed: [...]} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public TargetOptions target() {
        return target;
    }

    @Override
    public TargetOption.Use use() {
        return TargetOption.Use.CLEAN;
    }

    @Override
    public String defaultTarget() {
        return "kubernetes";
    }

    @Override
    public Integer call() {
        TargetProvider provider = target.provider(spec.commandLine());
        List<String> removed;
        try {
            removed = provider.clean();
        } catch (Target.TargetException e) {
            spec.commandLine().getErr().println("podcheck: target " + provider.name() + " cannot be cleaned: " + e.getMessage());
            return ExitCodes.TARGET_UNAVAILABLE;
        }
        if (output != OutputFormat.text) {
            Map<String, Object> cleaned = new LinkedHashMap<>();
            cleaned.put("target", provider.name());
            cleaned.put("removed", removed);
            spec.commandLine().getOut().print(output.value(cleaned));
            return ExitCodes.OK;
        }
        removed.forEach(line -> spec.commandLine().getOut().println("removed " + line));
        spec.commandLine().getOut().println(removed.isEmpty() ? "nothing to clean on " + provider.name()
                : removed.size() + " removed from " + provider.name());
        return ExitCodes.OK;
    }
}

package dev.podcheck.cli;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.audit.Audit;
import dev.podcheck.conformance.audit.AuditProvider;
import dev.podcheck.conformance.audit.AuditResult;
import dev.podcheck.conformance.audit.AuditScope;
import dev.podcheck.conformance.audit.Watched;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.conformance.report.AuditConsole;
import dev.podcheck.conformance.report.AuditJson;
import dev.podcheck.conformance.report.Reports;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code podcheck audit}: watches the pods a live cluster runs, read-only, and judges what it saw of
 * each with the catalogue. A pod's scenario is its spec as admitted, with no behaviours: whatever
 * needs to know what a container does is UNKNOWN.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Watches the pods a live cluster is running (get, list and watch only) and judges each with the"
                + " invariant catalogue; what cannot be seen is unknown, never guessed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every invariant that could be judged holds", "1:a violation", "2:usage error",
                "3:nothing could be judged", "5:the cluster cannot be used"})
final class AuditCommand implements Callable<Integer> {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig to use (default: KUBECONFIG, ~/.kube/config, else the in-cluster service account).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context (default: its current context).")
    String context;

    @Option(names = "--insecure-skip-tls-verify",
            description = "INSECURE: do not verify the API server's certificate; every audit that uses it warns.")
    boolean insecureSkipTlsVerify;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAME",
            description = "Watch this namespace (default: the context's namespace).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Watch every namespace.")
    boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "LABELS", description = "Only pods with these labels (app=web,tier!=db).")
    String selector;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long to watch (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--since-now", description = "Only pods created after the audit begins: each is seen from its creation.")
    boolean sinceNow;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "podcheck-reports",
            description = "Where the JUnit XML, JSON and HTML reports go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json|yaml",
            description = "What standard output gets: text, the summary; json or yaml, the JSON report (as written to"
                    + " --report-dir) and nothing else (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the pods are watched: the launcher's provider; tests put a recorded cluster in. */
    Supplier<AuditProvider> provider = () -> ServiceLoader.load(AuditProvider.class).findFirst().orElse(null);

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (namespace != null && allNamespaces) {
            throw new CommandLine.ParameterException(cli, "--namespace and --all-namespaces exclude each other");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new CommandLine.ParameterException(cli, "--for must be longer than 0s");
        }
        AuditProvider watcher = provider.get();
        if (watcher == null) {
            cli.getErr().println("podcheck: this launcher carries no cluster to audit (the adapters are not on its class path)");
            return ExitCodes.TARGET_UNAVAILABLE;
        }
        try {
            Reports.clear(reportDir);
        } catch (UncheckedIOException e) {
            cli.getErr().println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Watched watched;
        try {
            watched = watcher.watch(new AuditScope(kubeconfig, context, insecureSkipTlsVerify, namespace, allNamespaces,
                    selector, duration, sinceNow));
        } catch (Target.TargetException e) {
            cli.getErr().println("podcheck: the cluster cannot be audited: " + e.getMessage());
            return ExitCodes.TARGET_UNAVAILABLE;
        }
        AuditResult result = Audit.judge(watched, Catalogue.all());
        cli.getOut().print(output == OutputFormat.text ? AuditConsole.render(result) : output.machine(AuditJson.toJson(result)));
        try {
            List<Path> written = Reports.writeAll(result, reportDir);
            (output == OutputFormat.text ? cli.getOut() : cli.getErr()).println("reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
        } catch (UncheckedIOException e) {
            cli.getErr().println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return result.exitCode();
    }
}

package dev.podcheck.cli;

import dev.podcheck.conformance.api.TargetProvider;
import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The podcheck command line. Errors reach the user as one clear line and an exit code, never a stack trace. */
@Command(name = "podcheck",
        mixinStandardHelpOptions = true,
        version = "podcheck 0.1.0",
        description = "Property-based conformance checks of Kubernetes pod semantics.",
        subcommands = {ValidateCommand.class, GenerateCommand.class, RunCommand.class, ReplayCommand.class, PredictCommand.class,
                RenderCommand.class, CleanCommand.class, TargetsCommand.class, AuditCommand.class, SelfCheckCommand.class,
                DiffVersionsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:all hold / valid",
                "1:a violation / an invalid pod",
                "2:usage or input error",
                "3:inconclusive",
                "4:internal error",
                "5:the target cannot be used (unreachable, refused)"})
public final class Podcheck implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What {@code -} reads: the process's standard input, or a test's. */
    private final InputStream stdin;

    Podcheck() {
        this(System.in);
    }

    private Podcheck(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The standard input of the invocation {@code cli} belongs to. */
    static InputStream stdin(CommandLine cli) {
        return ((Podcheck) cli.getCommandSpec().root().userObject()).stdin;
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one invocation; the writers make it testable without a process. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(CommandLine.defaultFactory(), out, err, args);
    }

    /** Runs one invocation with verbs built by {@code factory}: the seam through which tests replace the engine. */
    static int execute(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        return execute(factory, Targets.discover(), out, err, args);
    }

    /** With the targets to offer: the seam through which tests put a fake target in. */
    static int execute(CommandLine.IFactory factory, Targets targets, PrintWriter out, PrintWriter err, String... args) {
        return execute(factory, targets, System.in, out, err, args);
    }

    /** With standard input: the seam through which tests give {@code -} its text. */
    static int execute(CommandLine.IFactory factory, Targets targets, InputStream stdin, PrintWriter out, PrintWriter err,
                       String... args) {
        CommandLine cli = new CommandLine(new Podcheck(stdin), factory);
        wireTarget(cli, targets, args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        cli.setParameterExceptionHandler((ex, argv) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("podcheck: " + ex.getMessage() + ownerHint(ex, targets));
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parsed) -> {
            failed.getErr().println("podcheck: internal error: " + ex
                    + " (please report it with the command line that caused it)");
            return ExitCodes.INTERNAL;
        });
        int exit;
        try {
            exit = cli.execute(args);
        } catch (VirtualMachineError e) {
            // picocli hands Errors through; an out-of-memory run is podcheck's failure, not a violation.
            err.println("podcheck: internal error: the JVM failed: " + e
                    + (e instanceof OutOfMemoryError ? " (more memory: PODCHECK_JAVA_OPTS=-Xmx4g)" : ""));
            exit = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        return exit;
    }

    /**
     * Gives the verb on the command line its target provider, and adds that provider's own options to
     * the verb: only the chosen target's, so two targets may both have, say, {@code --image}.
     */
    static void wireTarget(CommandLine cli, Targets targets, String[] args) {
        String verb = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                verb = arg;
                break;
            }
        }
        CommandLine sub = verb == null ? null : cli.getSubcommands().get(verb);
        if (sub != null && sub.getCommand() instanceof TargetsCommand list) {
            list.targets = targets;
        }
        if (sub != null && sub.getCommand() instanceof TargetVerb command) {
            String name = targets.chosenIn(args, command.defaultTarget());
            TargetProvider provider = targets.find(name).orElse(null);
            command.target().use(targets, name, provider);
            if (provider != null) {
                ProviderOptions.addTo(sub, provider, command.use());
            }
        }
    }

    /**
     * For an option of another target ({@code --kubeconfig} without {@code --target kubernetes}): whose it is;
     * for an option of the chosen target that this verb has no use for ({@code render --kubeconfig}): that it
     * does not apply.
     */
    private static String ownerHint(CommandLine.ParameterException ex, Targets targets) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return "";
        }
        Object verb = ex.getCommandLine().getCommand();
        for (String arg : unmatched.getUnmatched()) {
            String option = arg.split("=", 2)[0];
            for (TargetProvider p : targets.providers()) {
                if (!option.startsWith("--") || !ProviderOptions.owns(p, option)) {
                    continue;
                }
                boolean applies = !(verb instanceof TargetVerb command) || ProviderOptions.owns(p, option, command.use());
                return applies ? " (" + option + " is an option of --target " + p.name() + ")"
                        : " (" + option + " of --target " + p.name() + " does not apply to "
                                + ex.getCommandLine().getCommandName() + ")";
            }
        }
        return "";
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: validate, generate, run, replay, predict, render, clean, targets, audit, self-check or diff-versions");
    }
}

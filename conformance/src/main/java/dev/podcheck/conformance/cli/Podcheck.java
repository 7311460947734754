package dev.podcheck.conformance.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The podcheck command line. Errors reach the user as one clear line and an exit code, never a stack trace. */
@Command(name = "podcheck",
        mixinStandardHelpOptions = true,
        version = "podcheck 0.1.0",
        description = "Property-based conformance checks of Kubernetes pod semantics.",
        subcommands = {ValidateCommand.class, GenerateCommand.class, RunCommand.class, ReplayCommand.class, PredictCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:all hold / valid",
                "1:a violation / an invalid pod",
                "2:usage or input error",
                "3:inconclusive",
                "4:internal error"})
public final class Podcheck implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one invocation; the writers make it testable without a process. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(CommandLine.defaultFactory(), out, err, args);
    }

    /** Runs one invocation with verbs built by {@code factory}: the seam through which tests replace the engine. */
    static int execute(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Podcheck(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        cli.setParameterExceptionHandler((ex, argv) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("podcheck: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parsed) -> {
            failed.getErr().println("podcheck: internal error: " + ex
                    + " (please report it with the command line that caused it)");
            return ExitCodes.INTERNAL;
        });
        int exit = cli.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: validate, generate, run or predict");
    }
}

package org.convstudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands: every capability of the app, scriptable and benchmarkable without a display. */
@Command(name = "convstudio", mixinStandardHelpOptions = true, version = "ConvStudio 0.1.0",
        description = "Design, train and look inside convolutional neural networks.",
        subcommands = {SummaryCommand.class, PresetsCommand.class, TrainCommand.class, BenchCommand.class,
            EmbedCommand.class})
public final class ConvStudioCli {

    private ConvStudioCli() {
    }

    /** A command line ready to execute, with user errors printed as plain messages. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ConvStudioCli());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof UserError) {
                line.getErr().println(ex.getMessage());
            } else {
                line.getErr().println("ConvStudio failed: " + TrainCommand.rootMessage(ex)
                        + (Boolean.getBoolean("convstudio.debug") ? "" : " (run with -Dconvstudio.debug=true for details)"));
                if (Boolean.getBoolean("convstudio.debug")) {
                    ex.printStackTrace(line.getErr());
                }
            }
            line.getErr().flush();
            return 1;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}

package org.convstudio.cli;

import org.convstudio.engine.explain.Explain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands: every capability of the app, scriptable and benchmarkable without a display. */
@Command(name = "convstudio", mixinStandardHelpOptions = true, versionProvider = ConvStudioCli.Version.class,
        description = "Design, train and look inside convolutional neural networks.",
        subcommands = {SummaryCommand.class, PresetsCommand.class, TrainCommand.class, BenchCommand.class,
            ExportCommand.class, ImportCommand.class, LessonCommand.class, InspectCommand.class,
            EmbedCommand.class, CommandLine.HelpCommand.class})
public final class ConvStudioCli {

    private ConvStudioCli() {
    }

    /** "ConvStudio 0.1.0-SNAPSHOT": the jar manifest's version (as Help ▸ About shows it), the build's from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConvStudioCli.class.getPackage().getImplementationVersion();
            return new String[] {"ConvStudio " + (v != null ? v : "0.1.0-SNAPSHOT")};
        }
    }

    /** A command line ready to execute, with user errors printed as plain messages. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ConvStudioCli());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof UserError) {
                line.getErr().println(ex.getMessage());
            } else {
                boolean debug = Boolean.getBoolean(Explain.DEBUG_PROPERTY);
                line.getErr().println("ConvStudio failed: " + Explain.sentence(ex)
                        + (debug ? "" : " (run with -D" + Explain.DEBUG_PROPERTY + "=true for details)"));
                if (debug) {
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

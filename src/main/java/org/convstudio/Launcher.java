package org.convstudio;

import org.convstudio.cli.ConvStudioCli;

/**
 * Entry point of {@code convstudio.jar}: no arguments opens the app, a single existing
 * {@code *.convnet.json} file opens the app on that design (how a desktop's file association starts it),
 * anything else runs a headless command. Deliberately not a JavaFX {@code Application}, so that the jar starts with JavaFX on the
 * class path and the commands never touch a display.
 */
public final class Launcher {

    private Launcher() {
    }

    /** What the arguments ask for. */
    enum Start {
        /** No arguments: the window on the default design. */
        WINDOW,
        /** One existing {@code *.convnet.json} file: the window on that design. */
        OPEN_DESIGN,
        /** Anything else: a command of the command line. */
        COMMAND
    }

    /** Routes the arguments (see {@link Start}); pure apart from checking that a named design file exists. */
    static Start route(String[] args) {
        if (args.length == 0) {
            return Start.WINDOW;
        }
        return org.convstudio.model.io.DesignFileArgument.of(args).isPresent() ? Start.OPEN_DESIGN : Start.COMMAND;
    }

    public static void main(String[] args) {
        switch (route(args)) {
            case WINDOW -> System.exit(openWindow(args));
            case OPEN_DESIGN -> System.exit(openWindow(new String[] {
                org.convstudio.model.io.DesignFileArgument.of(args).orElseThrow().toString()}));
            default -> System.exit(ConvStudioCli.run(args));
        }
    }

    /** Opens the desktop app; a machine that cannot show a window gets a sentence, not a stack trace. */
    private static int openWindow(String[] args) {
        java.util.Optional<String> problem = org.convstudio.ui.shell.DesktopCheck.problem();
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.err.println("The command-line tools work without a display: java -jar convstudio.jar --help");
            return 1;
        }
        try {
            org.convstudio.ui.shell.ConvStudioApp.launchApp(args);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("ConvStudio could not open its window: " + rootMessage(e)
                    + ". Install the desktop libraries it needs: sudo apt-get install "
                    + org.convstudio.ui.shell.DesktopCheck.DEBIAN_PACKAGES + ".");
            if (Boolean.getBoolean("convstudio.debug")) {
                e.printStackTrace();
            }
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

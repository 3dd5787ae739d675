package org.convstudio;

import org.convstudio.cli.ConvStudioCli;

/**
 * Entry point of {@code convstudio.jar}: no arguments opens the app, anything else runs a headless
 * command. Deliberately not a JavaFX {@code Application}, so that the jar starts with JavaFX on the
 * class path and the commands never touch a display.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(openWindow(args));
        }
        System.exit(ConvStudioCli.run(args));
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

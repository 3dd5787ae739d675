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
            System.out.println("ConvStudio: the desktop app is not built yet; try 'java -jar target/convstudio.jar --help'.");
            return;
        }
        System.exit(ConvStudioCli.run(args));
    }
}

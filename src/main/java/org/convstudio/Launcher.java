package org.convstudio;

public final class Launcher {
    public static void main(String[] args) {
        if (args.length == 0) {
            org.convstudio.ui.shell.ConvStudioApp.launchApp(args);
            return;
        }
        System.out.println("ConvStudio");
    }
}

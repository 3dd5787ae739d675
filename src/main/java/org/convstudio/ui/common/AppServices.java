package org.convstudio.ui.common;

import java.nio.file.Path;

import javafx.stage.Window;

/** What the shell offers to workspaces, so they need not depend on the shell package. */
public interface AppServices {

    /** The main window (owner of dialogs and file choosers). */
    Window window();

    /** Shows a short message in the status bar. */
    void status(String message);

    /** Remembers a file that was opened or saved, for File ▸ Open Recent. */
    void fileUsed(Path file);

    /** Forgets a recent file that is gone. */
    void fileGone(Path file);

    /** Reports an unexpected error (logged, explained in a dialog). */
    void error(String context, Throwable error);

    /** A folder for the app's own files (autosave/recovery). */
    Path dataDirectory();
}

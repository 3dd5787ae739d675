/**
 * The application shell: {@link org.convstudio.ui.shell.ConvStudioApp}, the main window with its
 * workspaces, menus and status bar, preferences, dialogs and the
 * {@link org.convstudio.ui.shell.ErrorReporter} (uncaught errors explained by
 * {@link org.convstudio.engine.run.Explain}), and {@link org.convstudio.ui.shell.DesktopCheck}, which
 * tells before JavaFX starts whether a display and GTK 3 are there.
 */
package org.convstudio.ui.shell;

/**
 * The application shell: {@link org.convstudio.ui.shell.ConvStudioApp}, the main window with its
 * workspaces, menus and status bar, preferences, dialogs and the
 * {@link org.convstudio.ui.shell.ErrorReporter} (uncaught errors explained by
 * {@link org.convstudio.engine.explain.Explain}), and {@link org.convstudio.ui.shell.DesktopCheck}, which
 * tells before JavaFX starts whether a display and GTK 3 are there. The File and Help commands of issue 13 live in
 * {@link org.convstudio.ui.shell.ShellActions}: export to PyTorch and import weights ({@code PyTorchTransfer}),
 * Settings, the getting-started tour, shortcuts generated from the menus' accelerators, About and diagnostics
 * ({@code AppInfo}), and the rotated log file ({@link org.convstudio.ui.shell.AppLog}).
 */
package org.convstudio.ui.shell;

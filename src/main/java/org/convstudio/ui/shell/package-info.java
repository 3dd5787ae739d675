/**
 * The application shell: start-up, the main window with its menus, keys and status bar, preferences, themes, dialogs, the error reporter, and the check that a display and GTK are available before JavaFX starts.
 */
package org.convstudio.ui.shell;

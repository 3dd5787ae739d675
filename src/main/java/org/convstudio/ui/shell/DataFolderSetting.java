package org.convstudio.ui.shell;

import java.util.Properties;

import org.convstudio.engine.run.RunLocation;

/**
 * Settings' data folder: where the app keeps its log, its recovery files and (unless Settings names another
 * runs folder) its runs. Saved in the preferences and applied once at start-up, before the log file opens, by
 * setting {@code -Dconvstudio.home} — the property {@link RunLocation#dataDirectory()} reads, so the app and
 * the engine keep one rule. A {@code -Dconvstudio.home} given on the command line wins and Settings shows it
 * read-only; a change in Settings takes effect at the next start (the log file and this window's recovery
 * slot are open in the current folder).
 */
final class DataFolderSetting {

    /** True when the data folder came from the command line. */
    private static volatile boolean fixed;

    private DataFolderSetting() {
    }

    /**
     * Applies the saved folder {@code saved} ("" for the default, {@code ~/.convstudio}) to {@code system}
     * unless it already names one.
     *
     * @return true when the command line fixed the folder (the saved one is then ignored)
     */
    static boolean apply(String saved, Properties system) {
        String given = system.getProperty(RunLocation.HOME_PROPERTY);
        if (given != null && !given.isBlank()) {
            return true;
        }
        if (saved != null && !saved.isBlank()) {
            system.setProperty(RunLocation.HOME_PROPERTY, saved.strip());
        }
        return false;
    }

    /** {@link #apply(String, Properties)} on the JVM's properties, at start-up. */
    static void applyAtStartup(AppPrefs prefs) {
        fixed = apply(prefs.dataFolder(), System.getProperties());
    }

    /** True when {@code -Dconvstudio.home} was given on the command line. */
    static boolean fixed() {
        return fixed;
    }
}

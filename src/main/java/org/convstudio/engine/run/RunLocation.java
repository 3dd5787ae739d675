package org.convstudio.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where runs are kept and how a new run's folder is named, the same for the app and the command line:
 * {@code <root>/<yyyyMMdd-HHmmss>-<network name>}, with {@code -2}, {@code -3}… appended when that
 * folder already exists. The root is {@code -Dconvstudio.runs=DIR}, else {@code <data folder>/runs}
 * where the data folder is {@code -Dconvstudio.home=DIR}, else {@code ~/.convstudio}.
 */
public final class RunLocation {

    /** System property that overrides the runs folder (tests, classrooms with a shared drive). */
    public static final String RUNS_PROPERTY = "convstudio.runs";
    /** System property that overrides the app's data folder. */
    public static final String HOME_PROPERTY = "convstudio.home";
    /** The time stamp at the start of a run folder's name. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private RunLocation() {
    }

    /** The app's data folder: {@code -Dconvstudio.home}, else {@code ~/.convstudio}. */
    public static Path dataDirectory() {
        String home = System.getProperty(HOME_PROPERTY);
        return home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".convstudio");
    }

    /** The runs folder for a data folder: {@code -Dconvstudio.runs}, else {@code dataDirectory/runs}. */
    public static Path runsRoot(Path dataDirectory) {
        String p = System.getProperty(RUNS_PROPERTY);
        return p != null && !p.isBlank() ? Path.of(p) : dataDirectory.resolve("runs");
    }

    /** The default runs folder ({@link #runsRoot(Path)} of {@link #dataDirectory()}). */
    public static Path defaultRoot() {
        return runsRoot(dataDirectory());
    }

    /** A new, not yet existing folder under {@code root} for a run of {@code networkName} started now. */
    public static Path newRunFolder(Path root, String networkName) {
        String base = STAMP.format(LocalDateTime.now()) + "-" + safeName(networkName);
        Path p = root.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = root.resolve(base + "-" + i);
        }
        return p;
    }

    /** A network name as a file-name part: letters, digits, '.', '_' and '-' only ("network" if none). */
    public static String safeName(String networkName) {
        String safe = networkName == null ? "" : networkName.strip().replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("^-+|-+$", "");
        return safe.isEmpty() ? "network" : safe;
    }
}

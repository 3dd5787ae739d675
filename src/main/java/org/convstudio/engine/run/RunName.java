package org.convstudio.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.convstudio.model.io.AtomicFiles;

/**
 * A run's display name, chosen by the user, kept in the run folder as {@value #FILE} (one line of UTF-8).
 * Without the file a run is shown under its network's name. The folder's own name never changes (it is the
 * run's identity on disk), and no other file of the run is touched, so renaming is safe while the run
 * trains or another process owns it.
 */
public final class RunName {

    /** The file in the run folder. */
    public static final String FILE = "run-name.txt";
    /** Longest name kept (longer names are cut). */
    public static final int MAX_LENGTH = 120;

    private RunName() {
    }

    /** The run's display name, if one was given (a blank or unreadable file counts as none). */
    public static Optional<String> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String name = clean(Files.readString(file, StandardCharsets.UTF_8));
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Gives the run in {@code folder} the display name {@code name} (first line, trimmed, at most
     * {@value #MAX_LENGTH} characters); a blank name removes it, so the run shows its network's name again.
     *
     * @return the name kept ("" when removed)
     * @throws IOException with the file's name when it cannot be written
     */
    public static String write(Path folder, String name) throws IOException {
        String clean = clean(name == null ? "" : name);
        Path file = folder.resolve(FILE);
        if (!Files.isDirectory(folder)) {
            throw new IOException("The run folder " + folder + " is gone.");
        }
        if (clean.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            AtomicFiles.write(file, (clean + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return clean;
    }

    private static String clean(String text) {
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = line.replaceAll("\\p{Cntrl}", "");
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH).strip() : line;
    }
}

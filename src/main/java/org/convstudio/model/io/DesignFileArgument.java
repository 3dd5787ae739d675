package org.convstudio.model.io;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether program arguments name one design file to open. A desktop opens a {@code *.convnet.json} file
 * by starting the program with the file's path as its only argument (the file association of the
 * installers); that, and nothing else, means "open this design in the window" — any other arguments are
 * a command line.
 */
public final class DesignFileArgument {

    private DesignFileArgument() {
    }

    /**
     * The design file when {@code args} is exactly one path of an existing regular file whose name ends in
     * {@value NetworkJson#EXTENSION} (any letter case); empty otherwise (options, commands, two files, a
     * missing file, a folder, another kind of file).
     */
    public static Optional<Path> of(String... args) {
        if (args == null || args.length != 1 || args[0] == null) {
            return Optional.empty();
        }
        String arg = args[0].strip();
        if (arg.isEmpty() || arg.startsWith("-")
                || !arg.toLowerCase(Locale.ROOT).endsWith(NetworkJson.EXTENSION)) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(arg);
            return Files.isRegularFile(p) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}

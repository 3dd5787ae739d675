package org.convstudio.ui.editor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convstudio.engine.store.RunLock;
import org.convstudio.model.io.NetworkJson;

/**
 * One window's autosave slot in the recovery folder: {@code autosave-<pid>-<n>.convnet.json} (the unsaved
 * design), {@code .source} (the file it came from) and {@code .lock}, an operating-system lock
 * ({@link RunLock}) held for as long as the window is open. Recovery offers only the slots whose lock is
 * free — their window is gone (closed by a crash, since a clean close deletes its slot) — and takes a slot's
 * lock before offering or deleting it, so two windows never offer the same work and Discard never deletes
 * a live window's file. No JavaFX: the workspace calls it from its background writer.
 */
public final class AutosaveSlot implements AutoCloseable {

    private static final AtomicInteger WINDOWS = new AtomicInteger();
    private static final Pattern SLOT = Pattern.compile("autosave-(\\d+)-(\\d+)" + Pattern.quote(NetworkJson.EXTENSION));
    /** The single autosave file of versions before slots, offered like an orphan slot. */
    static final String LEGACY = "autosave" + NetworkJson.EXTENSION;

    private final Path design;
    private final Path source;
    private final RunLock lock;

    private AutosaveSlot(Path design, Path source, RunLock lock) {
        this.design = design;
        this.source = source;
        this.lock = lock;
    }

    /** A new slot for a window of this process in {@code folder}, locked until {@link #close()}. */
    public static AutosaveSlot claim(Path folder) throws IOException {
        Files.createDirectories(folder);
        long pid = ProcessHandle.current().pid();
        while (true) {
            String base = "autosave-" + pid + "-" + WINDOWS.incrementAndGet();
            try {
                RunLock l = RunLock.acquireFile(folder.resolve(base + ".lock"), "ConvStudio window", "The autosave slot " + base);
                return new AutosaveSlot(folder.resolve(base + NetworkJson.EXTENSION), folder.resolve(base + ".source"), l);
            } catch (RunLock.HeldException taken) {
                // a slot of a previous process with the same id that is still open: try the next number
            }
        }
    }

    /** The file this window autosaves to. */
    public Path designFile() {
        return design;
    }

    /** The file recording which design file the unsaved work belongs to. */
    public Path sourceFile() {
        return source;
    }

    /** Deletes this slot's files (saved or discarded work); the slot stays claimed. */
    public void clear() throws IOException {
        Files.deleteIfExists(design);
        Files.deleteIfExists(source);
    }

    /** Deletes the files and releases the slot (clean close of the window). */
    @Override
    public void close() throws IOException {
        try {
            clear();
        } finally {
            lock.close();
            Files.deleteIfExists(lockFile(design));
        }
    }

    /**
     * Work left in {@code folder} by windows that are gone, newest first; each is claimed (locked) by this
     * process until {@link Orphan#discard()} or {@link Orphan#release()}. Slots of live windows — in this
     * process or another — are never returned.
     */
    public static List<Orphan> orphans(Path folder, AutosaveSlot own) {
        List<Orphan> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "autosave*" + NetworkJson.EXTENSION)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                boolean slot = SLOT.matcher(name).matches();
                if ((!slot && !name.equals(LEGACY)) || (own != null && p.equals(own.design))) {
                    continue;
                }
                RunLock claim;
                try {
                    claim = RunLock.acquireFile(lockFile(p), "recovery", "The autosave file " + name);
                } catch (IOException held) {
                    continue; // its window is alive (or another window is offering it right now)
                }
                if (!Files.exists(p)) { // its owner deleted it between the listing and the claim
                    claim.close();
                    continue;
                }
                Instant when;
                try {
                    when = Files.getLastModifiedTime(p).toInstant();
                } catch (IOException e) {
                    when = Instant.EPOCH;
                }
                out.add(new Orphan(p, sourceOf(p), claim, when));
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(Orphan::when).reversed());
        return out;
    }

    /** Unsaved work of a window that is gone, claimed by this process. */
    public static final class Orphan {
        private final Path design;
        private final Path source;
        private final RunLock claim;
        private final Instant when;

        Orphan(Path design, Path source, RunLock claim, Instant when) {
            this.design = design;
            this.source = source;
            this.claim = claim;
            this.when = when;
        }

        public Path designFile() {
            return design;
        }

        /** The design file the work belonged to, if recorded. */
        public Optional<Path> source() throws IOException {
            if (!Files.isRegularFile(source)) {
                return Optional.empty();
            }
            String s = Files.readString(source).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(Path.of(s));
        }

        public Instant when() {
            return when;
        }

        /** Deletes the orphan's files (after Restore or Discard) and releases it. */
        public void discard() throws IOException {
            try {
                Files.deleteIfExists(design);
                Files.deleteIfExists(source);
            } finally {
                claim.close();
                Files.deleteIfExists(claim.file());
            }
        }

        /** Leaves the files for a later start (the user closed the question) and releases them. */
        public void release() {
            claim.close();
        }
    }

    private static Path sourceOf(Path design) {
        String n = design.getFileName().toString();
        return design.resolveSibling(n.substring(0, n.length() - NetworkJson.EXTENSION.length()) + ".source");
    }

    private static Path lockFile(Path design) {
        String n = design.getFileName().toString();
        return design.resolveSibling(n.substring(0, n.length() - NetworkJson.EXTENSION.length()) + ".lock");
    }

    /** The pid and window number of a slot file name, for tests and tools. */
    static Optional<long[]> parse(String fileName) {
        Matcher m = SLOT.matcher(fileName);
        return m.matches() ? Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))})
                : Optional.empty();
    }
}

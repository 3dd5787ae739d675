package org.convstudio.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Writes a set of files that belong together (a checkpoint: weights, optimiser state, history and the record
 * that describes them) so that a process killed at any point leaves either the previous set or the new one,
 * never a mix that cannot be continued:
 * <ol>
 *   <li>every file is written and flushed into a fresh staging folder {@code .save-*} inside the folder;</li>
 *   <li>the record is written as {@code <record>.part} and renamed to {@code <record>} inside the staging
 *       folder: from this rename on (the <em>seal</em>) the staging folder is a complete checkpoint;</li>
 *   <li>each file is renamed over its old version, the record last; the staging folder is removed.</li>
 * </ol>
 * {@link #recover} (called before each write, and when a run folder is opened) rolls a sealed staging folder
 * forward — finishing the renames a kill interrupted — and removes unsealed or emptied ones and stray
 * temporary files, so no staging folder outlives the next open.
 *
 * <p>Each step is announced to a {@link StepHook} first, which tests use to fail at any step.
 */
public final class CheckpointWriter {

    /** Prefix of staging folders. */
    public static final String STAGING_PREFIX = ".save-";
    private static final String PART = ".part";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Called before each step; throwing stops the sequence there (fault injection in tests). */
    @FunctionalInterface
    public interface StepHook {
        StepHook NONE = step -> { };

        void before(String step) throws IOException;
    }

    /** Writes one file's content. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** What {@link #recover} did. */
    public record Recovery(boolean rolledForward, String recordedEpochs, int removed) {

        public static final Recovery NOTHING = new Recovery(false, "", 0);
    }

    private final Path dir;
    private final StepHook hook;

    public CheckpointWriter(Path dir, StepHook hook) {
        this.dir = dir;
        this.hook = hook == null ? StepHook.NONE : hook;
    }

    /**
     * Writes {@code files} (name → content, in order) and then the record named {@code recordName}, built
     * from the CRC-32 of each staged file (see {@link #crc32}).
     */
    public void write(LinkedHashMap<String, Content> files, String recordName,
                      Function<Map<String, Long>, byte[]> record) throws IOException {
        Files.createDirectories(dir);
        recover(dir, recordName);
        hook.before("create staging folder");
        Path staging = Files.createTempDirectory(dir, STAGING_PREFIX);
        boolean sealed = false;
        try {
            Map<String, Long> crcs = new LinkedHashMap<>();
            for (Map.Entry<String, Content> f : files.entrySet()) {
                hook.before("stage " + f.getKey());
                Path p = staging.resolve(f.getKey());
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
                    f.getValue().write(out);
                }
                hook.before("flush " + f.getKey());
                flush(p);
                crcs.put(f.getKey(), crc32(p));
            }
            hook.before("stage " + recordName);
            Path part = staging.resolve(recordName + PART);
            Files.write(part, record.apply(crcs));
            flush(part);
            hook.before("seal");
            move(part, staging.resolve(recordName));
            sealed = true;
            for (String name : files.keySet()) {
                hook.before("move " + name);
                move(staging.resolve(name), dir.resolve(name));
            }
            hook.before("move " + recordName);
            move(staging.resolve(recordName), dir.resolve(recordName));
            hook.before("remove staging folder");
            deleteTree(staging);
        } catch (IOException | RuntimeException e) {
            if (!sealed) {
                deleteQuietly(staging); // the previous checkpoint was not touched
            } else {
                try {
                    recover(dir, recordName); // finish what was started, if the disk lets us
                } catch (IOException again) {
                    e.addSuppressed(again); // left for the next open to roll forward
                }
            }
            throw e;
        }
    }

    /**
     * Rolls the newest sealed staging folder in {@code dir} forward and removes the other staging folders
     * and temporary files. Call it only while owning the folder ({@link RunLock}).
     */
    public static Recovery recover(Path dir, String recordName) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Recovery.NOTHING;
        }
        List<Path> stagings = new ArrayList<>();
        List<Path> strays = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(STAGING_PREFIX) && Files.isDirectory(p)) {
                    stagings.add(p);
                } else if (n.startsWith(".") && n.endsWith(".tmp") && Files.isRegularFile(p)) {
                    strays.add(p);
                }
            }
        }
        Path newest = null;
        long[] newestKey = null;
        for (Path s : stagings) {
            long[] key = sealedKey(s.resolve(recordName));
            if (key != null && (newestKey == null || compare(key, newestKey) > 0)) {
                newest = s;
                newestKey = key;
            }
        }
        boolean rolled = false;
        String epochs = "";
        if (newest != null) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(newest)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (!n.equals(recordName) && !n.endsWith(PART)) {
                        move(p, dir.resolve(n));
                    }
                }
            }
            move(newest.resolve(recordName), dir.resolve(recordName));
            rolled = true;
            epochs = Long.toString(newestKey[0]);
        }
        int removed = 0;
        for (Path s : stagings) {
            deleteTree(s);
            removed++;
        }
        for (Path p : strays) {
            Files.deleteIfExists(p);
        }
        return new Recovery(rolled, epochs, removed);
    }

    /** (epochsCompleted, step) of a complete record file, or null when it is missing or unreadable. */
    private static long[] sealedKey(Path record) {
        if (!Files.isRegularFile(record)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(record.toFile());
            if (n == null || !n.isObject()) {
                return null;
            }
            return new long[] {n.path("epochsCompleted").asLong(0), n.path("step").asLong(0)};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int compare(long[] a, long[] b) {
        return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
    }

    /** CRC-32 of a file's bytes, never 0 (0 means "not recorded"). */
    public static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue() == 0 ? 1 : crc.getValue();
    }

    private static void flush(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            // removed by the next recover()
        }
    }
}

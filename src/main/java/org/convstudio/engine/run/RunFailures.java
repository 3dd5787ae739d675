package org.convstudio.engine.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Failures of a run as one sentence a student understands: what could not be done, where, what is still
 * safe, and what to do. No stack traces: {@code -Dconvstudio.debug=true} makes callers log them as well.
 */
public final class RunFailures {

    /** The system property that keeps stack traces for developers. */
    public static final String DEBUG_PROPERTY = "convstudio.debug";

    private RunFailures() {
    }

    /** True when developers asked for stack traces. */
    public static boolean debug() {
        return Boolean.getBoolean(DEBUG_PROPERTY);
    }

    /** What kind of I/O failure {@code e} is, as the start of a sentence ("The disk is full"). */
    public static String kind(Throwable e) {
        String m = allMessages(e).toLowerCase(Locale.ROOT);
        if (m.contains("no space left") || m.contains("disk quota") || m.contains("not enough space")) {
            return "The disk is full";
        }
        if (m.contains("read-only file system") || m.contains("read only file system")) {
            return "The disk became read-only";
        }
        if (e instanceof AccessDeniedException || m.contains("operation not permitted") || m.contains("permission denied")
                || m.contains("access is denied")) {
            return "The folder cannot be written (no permission)";
        }
        return "Writing failed (" + shortReason(e) + ")";
    }

    /**
     * "The disk is full: epoch 3 could not be saved in DIR; epoch 2 is intact. Free some space (or choose
     * another folder), then continue the run."
     *
     * @param intactEpoch the epoch of the last checkpoint that was written (0: none yet)
     */
    public static String saveFailed(Throwable e, Path dir, int epoch, int intactEpoch, boolean midEpoch) {
        String what = midEpoch ? "the stopped run (during epoch " + (epoch + 1) + ")" : "epoch " + epoch;
        String intact = intactEpoch > 0 ? "epoch " + intactEpoch + " is intact"
                : "no earlier epoch had been saved";
        String todo = kind(e).startsWith("The disk is full") ? "Free some space, then continue the run"
                : "Make the folder writable (or copy it to a writable disk), then continue the run";
        return kind(e) + ": " + what + " could not be saved in " + dir + "; " + intact + ". " + todo
                + (intactEpoch > 0 ? " from epoch " + intactEpoch + "." : ".");
    }

    /** "The run folder DIR cannot be written: the disk is full. Choose another folder or free some space." */
    public static String cannotWrite(Throwable e, Path dir) {
        String k = kind(e);
        return "The run folder " + dir + " cannot be written: " + Character.toLowerCase(k.charAt(0)) + k.substring(1)
                + ". Choose another folder" + (k.startsWith("The disk is full") ? " or free some space." : ".");
    }

    /** True for a Java heap exhaustion or a native allocation failure reported by the engine. */
    public static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("can't allocate memory") || m.contains("not enough memory") || m.contains("out of memory")
                    || m.contains("bad_alloc")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "The computer ran out of memory during epoch 3: the run stopped; epoch 2 is kept in DIR. Use a smaller
     * batch or fewer images, or give Java more memory (-Xmx)."
     */
    public static String outOfMemory(Throwable e, int epoch, int keptEpoch, Path dir) {
        boolean heap = e instanceof OutOfMemoryError;
        String where = heap ? "Java ran out of memory (its limit is " + MemoryEstimate.human(Runtime.getRuntime().maxMemory()) + ")"
                : "The computer ran out of memory";
        String kept = dir == null ? "" : keptEpoch > 0 ? "; epoch " + keptEpoch + " is kept in " + dir
                : "; no epoch had been saved yet";
        return where + " during epoch " + epoch + ": the run stopped" + kept
                + ". Use a smaller batch or fewer images" + (heap ? ", or give Java more memory (-Xmx)." : ".");
    }

    private static String shortReason(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String allMessages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                sb.append(t.getMessage()).append(' ');
            }
            if (t instanceof FileSystemException f && f.getReason() != null) {
                sb.append(f.getReason()).append(' ');
            }
            for (Throwable s : t.getSuppressed()) {
                if (s.getMessage() != null) {
                    sb.append(s.getMessage()).append(' ');
                }
            }
        }
        return sb.toString();
    }

    /** An I/O failure already turned into a sentence. */
    public static final class Explained extends IOException {
        public Explained(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }
}

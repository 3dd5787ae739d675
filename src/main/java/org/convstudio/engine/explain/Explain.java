package org.convstudio.engine.explain;
import org.convstudio.engine.store.RunIntegrity;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.convstudio.engine.data.DatasetException;
import org.convstudio.model.io.NetworkFileException;

/**
 * The one place that turns an exception into a sentence for a student: used by the command line
 * (every subcommand's error output) and by the app (error dialogs, run banners). No stack traces, no
 * class names unless nothing better is known; wrappers (execution, completion, reflection) are looked
 * through. Failures of a run get their own sentences here too: a checkpoint that could not be saved
 * ("The disk is full: epoch 3 could not be saved in DIR; epoch 2 is intact. …"), a run folder that cannot
 * be written, memory that ran out during an epoch.
 */
public final class Explain {

    /** System property that adds stack traces to what the command line prints. */
    public static final String DEBUG_PROPERTY = "convstudio.debug";

    private Explain() {
    }

    /** True when developers asked for stack traces ({@code -Dconvstudio.debug=true}). */
    public static boolean debug() {
        return Boolean.getBoolean(DEBUG_PROPERTY);
    }

    /** One or two sentences saying what went wrong and, where known, what to do. */
    public static String sentence(Throwable error) {
        if (error == null) {
            return "Something went wrong, but ConvStudio does not know what.";
        }
        Throwable root = unwrap(error);
        String msg = root.getMessage() == null ? "" : root.getMessage().strip();
        if (root instanceof RunSetupException || root instanceof DatasetException
                || root instanceof NetworkFileException || root instanceof Explained
                || root instanceof RunIntegrity.Refusal) {
            return msg.isEmpty() ? "The run could not be set up." : finish(msg);
        }
        if (root instanceof OutOfMemoryError) {
            return "ConvStudio ran out of memory. Try a smaller network, batch size or data set, "
                    + "or start ConvStudio with more memory (for example -Xmx4g).";
        }
        if (root instanceof NoSuchFileException || root instanceof FileNotFoundException) {
            return "A file could not be found: " + finish(msg);
        }
        if (root instanceof AccessDeniedException) {
            return "ConvStudio is not allowed to use this file or folder: " + finish(msg);
        }
        if (root instanceof IOException) {
            if (writtenForPeople(msg)) {
                return finish(msg);
            }
            String kind = ioKind(root);
            if (!kind.startsWith("Writing failed")) {
                return kind + (msg.isEmpty() ? "." : ": " + finish(msg));
            }
            return "A file could not be read or written" + (msg.isEmpty() ? "." : ": " + finish(msg));
        }
        if (root instanceof IllegalArgumentException || root instanceof IllegalStateException) {
            return msg.isEmpty() ? "An operation was asked for something it cannot do." : finish(capitalise(msg));
        }
        if (root instanceof NullPointerException) {
            return "Something that should have been there was missing (an internal error).";
        }
        String kind = root.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return "An internal error happened (" + kind + ")" + (msg.isEmpty() ? "." : ": " + finish(msg));
    }

    /** What the user can do about {@code error}, in one sentence. */
    public static String remedy(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof OutOfMemoryError || root instanceof IOException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof OutOfMemoryError) {
            return "Use a smaller batch, image size or network, or start ConvStudio with more memory (-Xmx4g).";
        }
        if (root instanceof NoSuchFileException || root instanceof FileNotFoundException) {
            return "Check that the file is still there, or choose another one.";
        }
        if (root instanceof AccessDeniedException) {
            return "Choose a folder you may write to, or ask for access to this one.";
        }
        if (root instanceof IOException) {
            return "Check the file and the disk (space, permissions), then try again.";
        }
        return "Try again; if it happens again, copy the details into a bug report.";
    }

    /** {@code doing} (e.g. "Cannot continue the run in runs/x") followed by the explanation. */
    public static String sentence(String doing, Throwable error) {
        String s = sentence(error);
        return doing + ": " + Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The message of the exception that says what happened (its class name when it has none). */
    public static String rootMessage(Throwable error) {
        Throwable root = unwrap(error);
        String msg = root.getMessage();
        return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg.strip();
    }

    /** The exception that says what happened, looking through wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        for (int depth = 0; depth < 20 && t.getCause() != null && t.getCause() != t; depth++) {
            boolean wrapper = t instanceof ExecutionException || t instanceof CompletionException
                    || t instanceof InvocationTargetException || t instanceof UncheckedIOException
                    || t.getMessage() == null || t.getMessage().isBlank()
                    || t.getMessage().equals(t.getCause().toString())
                    || t instanceof IllegalStateException && t.getMessage().startsWith("could not build the model");
            if (!wrapper) {
                break;
            }
            t = t.getCause();
        }
        return t;
    }

    // ---------------------------------------------------------------- failures of a run

    /** What kind of I/O failure {@code e} is, as the start of a sentence ("The disk is full"). */
    public static String ioKind(Throwable e) {
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
     * "The disk is full: epoch 3 could not be saved in DIR; epoch 2 is intact. Free some space, then continue
     * the run from epoch 2."
     *
     * @param intactEpoch the epoch of the last checkpoint that was written (0: none yet)
     * @param midEpoch    true when the checkpoint was of a run stopped during epoch {@code epoch + 1}
     */
    public static String saveFailed(Throwable e, Path dir, int epoch, int intactEpoch, boolean midEpoch) {
        String what = midEpoch ? "the stopped run (during epoch " + (epoch + 1) + ")" : "epoch " + epoch;
        String intact = intactEpoch > 0 ? "epoch " + intactEpoch + " is intact" : "no earlier epoch had been saved";
        String kind = ioKind(e);
        String todo = kind.startsWith("The disk is full") ? "Free some space, then continue the run"
                : "Make the folder writable (or copy it to a writable disk), then continue the run";
        return kind + ": " + what + " could not be saved in " + dir + "; " + intact + ". " + todo
                + (intactEpoch > 0 ? " from epoch " + intactEpoch + "." : ".");
    }

    /** "The run folder DIR cannot be written: the disk is full. Choose another folder or free some space." */
    public static String cannotWrite(Throwable e, Path dir) {
        String k = ioKind(e);
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
     * "Java ran out of memory (its limit is 4.0 GB) during epoch 3: the run stopped; epoch 2 is kept in DIR.
     * Use a smaller batch or fewer images, or give Java more memory (-Xmx)."
     *
     * @param dir the run folder (null: the run writes none)
     */
    public static String outOfMemory(Throwable e, int epoch, int keptEpoch, Path dir) {
        boolean heap = e instanceof OutOfMemoryError;
        String where = heap ? "Java ran out of memory (its limit is " + bytes(Runtime.getRuntime().maxMemory())
                + ")" : "The computer ran out of memory";
        String kept = dir == null ? "" : keptEpoch > 0 ? "; epoch " + keptEpoch + " is kept in " + dir
                : "; no epoch had been saved yet";
        return where + " during epoch " + epoch + ": the run stopped" + kept
                + ". Use a smaller batch or fewer images" + (heap ? ", or give Java more memory (-Xmx)." : ".");
    }

    /**
     * "Java ran out of memory loading the images (its limit is 4.0 GB): use fewer images (--limit) or give Java
     * more memory (-Xmx)." for {@code doing} = "loading the images".
     */
    public static String outOfMemoryWith(String doing) {
        return "Java ran out of memory " + doing + " (its limit is "
                + bytes(Runtime.getRuntime().maxMemory())
                + "): use fewer images (--limit) or give Java more memory (-Xmx).";
    }

    /** An I/O failure already said in a sentence for the user ({@link #sentence} passes it on unchanged). */
    public static final class Explained extends IOException {
        public Explained(String sentence, Throwable cause) {
            super(sentence, cause);
        }
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

    private static boolean writtenForPeople(String msg) {
        return msg.length() > 20 && Character.isUpperCase(msg.charAt(0)) && msg.contains(" ");
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String finish(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char last = s.charAt(s.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ')' ? s : s + ".";
    }

    /** A size for people: "1.5 GB", "120 MB", "64 KB". */
    public static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(java.util.Locale.ROOT, "%d MB", Math.round(bytes / (double) (1L << 20)));
        }
        return String.format(java.util.Locale.ROOT, "%d KB", Math.max(1, Math.round(bytes / 1024.0)));
    }
}

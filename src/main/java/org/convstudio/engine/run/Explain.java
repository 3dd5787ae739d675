package org.convstudio.engine.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.convstudio.engine.data.DatasetException;
import org.convstudio.model.io.NetworkFileException;

/**
 * The one place that turns an exception into a sentence for a student: used by the command line
 * (every subcommand's error output) and by the app (error dialogs, run banners). No stack traces, no
 * class names unless nothing better is known; wrappers (execution, completion, reflection) are looked
 * through.
 */
public final class Explain {

    /** System property that adds stack traces to what the command line prints. */
    public static final String DEBUG_PROPERTY = "convstudio.debug";

    private Explain() {
    }

    /** One or two sentences saying what went wrong and, where known, what to do. */
    public static String sentence(Throwable error) {
        if (error == null) {
            return "Something went wrong, but ConvStudio does not know what.";
        }
        Throwable root = unwrap(error);
        String msg = root.getMessage() == null ? "" : root.getMessage().strip();
        if (root instanceof RunSetupException || root instanceof DatasetException
                || root instanceof NetworkFileException) {
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
}

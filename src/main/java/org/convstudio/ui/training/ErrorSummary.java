package org.convstudio.ui.training;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error as the Train page shows it: one sentence with what to do, and the full text folded away
 * behind "Details". The engine's messages are written for the command line too (they name options and
 * spec syntax); the page says the same in terms of its own controls.
 *
 * @param headline the sentence shown
 * @param details  the full message ("" when the headline already says everything)
 */
public record ErrorSummary(String headline, String details) {

    /** No error. */
    public static final ErrorSummary NONE = new ErrorSummary("", "");

    private static final Pattern DOWNLOAD = Pattern.compile("^Cannot download ([^:]+): .*", Pattern.DOTALL);
    /** A first sentence longer than this keeps only what comes before its colon. */
    private static final int LONG = 140;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

    /** The summary of a data set error ("" gives {@link #NONE}). */
    public static ErrorSummary ofDataError(String message) {
        String m = message == null ? "" : message.strip();
        if (m.isEmpty()) {
            return NONE;
        }
        Matcher download = DOWNLOAD.matcher(m);
        if (download.matches()) {
            return new ErrorSummary(download.group(1) + " cannot be downloaded now (no internet?): choose \""
                    + DataChoice.SAMPLE + "\" to train offline, or \"" + DataChoice.IDX
                    + "\" with its files copied from another computer.", m);
        }
        Matcher end = SENTENCE_END.matcher(m);
        String first = end.find() ? m.substring(0, end.start() + 1) : m;
        int colon = first.indexOf(": ");
        if (first.length() > LONG && colon > 0) {
            first = first.substring(0, colon) + "."; // the list after the colon goes to Details
        }
        return new ErrorSummary(first, first.equals(m) ? "" : m);
    }
}

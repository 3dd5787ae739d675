package org.convstudio.ui.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.convstudio.engine.explain.Explain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches every uncaught exception (worker threads and the FX thread), logs it and explains it in a
 * dialog in plain words. The application keeps running. While a dialog is open, further errors are
 * counted in it rather than opening a stack of dialogs.
 */
public final class ErrorReporter {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);
    private static final AtomicInteger REPORTED = new AtomicInteger();

    private static Supplier<Window> owner = () -> null;
    private static Alert open;
    private static int extra;

    private ErrorReporter() {
    }

    /** Installs the handler for all threads and for the FX thread. Call on the FX thread. */
    public static void install(Supplier<Window> ownerSupplier) {
        owner = ownerSupplier;
        Thread.setDefaultUncaughtExceptionHandler(ErrorReporter::uncaught);
        Thread.currentThread().setUncaughtExceptionHandler(ErrorReporter::uncaught);
    }

    /** How many errors were reported since start (for tests and diagnostics). */
    public static int reportedCount() {
        return REPORTED.get();
    }

    static void uncaught(Thread thread, Throwable error) {
        try {
            report("Unexpected error in " + thread.getName(), error);
        } catch (Throwable t) {
            // never let the handler itself kill a thread's last words
            t.printStackTrace();
        }
    }

    /** Logs {@code error} and shows it in a dialog on the FX thread. Safe from any thread. */
    public static void report(String context, Throwable error) {
        REPORTED.incrementAndGet();
        LOG.error(context, error);
        if (Platform.isFxApplicationThread()) {
            show(context, error);
        } else {
            try {
                Platform.runLater(() -> show(context, error));
            } catch (IllegalStateException toolkitGone) {
                // toolkit not running (shutdown or headless tool): the log is all we can do
            }
        }
    }

    /** Plain-words explanation of an exception, for people rather than programmers ({@link Explain}). */
    public static String explain(Throwable error) {
        return Explain.sentence(error);
    }

    /** The longest a headline may be; anything longer (a tool's usage text…) goes into the details. */
    static final int HEADLINE_MAX = 180;

    /** The first sentence (or line) of {@code explanation}, short enough for a dialog's headline. */
    static String headline(String explanation) {
        String first = explanation.strip().lines().findFirst().orElse("").strip();
        int stop = first.indexOf(". ");
        if (stop > 0) {
            first = first.substring(0, stop + 1);
        }
        if (first.length() > HEADLINE_MAX) {
            int cut = first.lastIndexOf(' ', HEADLINE_MAX - 1);
            first = first.substring(0, cut > 40 ? cut : HEADLINE_MAX - 1) + "…";
        }
        return first.isEmpty() ? "Something went wrong." : first;
    }

    /** What the user can do about {@code error}, in one sentence (worded by {@link Explain#remedy}). */
    static String remedy(Throwable error) {
        return Explain.remedy(error);
    }

    private static void show(String context, Throwable error) {
        if (open != null && open.isShowing()) {
            extra++;
            open.setTitle("ConvStudio — " + (extra + 1) + " problems");
            return;
        }
        extra = 0;
        String explanation = explain(error);
        String headline = headline(explanation);
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        alert.setTitle("ConvStudio — something went wrong");
        alert.setHeaderText(null);
        // a sentence and a remedy; everything else folded away under "Show Details"
        Label sentence = new Label(headline);
        sentence.setWrapText(true);
        sentence.setId("error-explanation");
        sentence.getStyleClass().add("error-headline");
        Label fix = new Label(remedy(error) + " ConvStudio is still running; your design is kept.");
        fix.setWrapText(true);
        fix.setId("error-remedy");
        VBox body = new VBox(8, sentence, fix);
        body.setMaxWidth(520);
        body.setPrefWidth(520);
        alert.getDialogPane().setContent(body);

        StringWriter trace = new StringWriter();
        if (!explanation.strip().equals(headline)) {
            trace.append(explanation.strip()).append("\n\n");
        }
        trace.append(context).append('\n');
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setId("error-details");
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(12);
        details.setPrefColumnCount(60);
        VBox.setVgrow(details, Priority.ALWAYS);
        javafx.scene.control.Button copy = new javafx.scene.control.Button("Copy details");
        copy.setOnAction(e -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(details.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        alert.getDialogPane().setExpandableContent(new VBox(6, details, copy));
        alert.getDialogPane().setExpanded(false);
        alert.getDialogPane().setMaxWidth(640);
        alert.getDialogPane().setId("error-dialog");
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            alert.initOwner(w);
        }
        open = alert;
        alert.setOnHidden(e -> {
            if (open == alert) {
                open = null;
            }
        });
        alert.show();
    }

    /** The error dialog currently open, if any (tests). */
    static Alert openDialog() {
        return open;
    }
}

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
import org.convstudio.engine.run.Explain;
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

    private static void show(String context, Throwable error) {
        if (open != null && open.isShowing()) {
            extra++;
            open.setHeaderText("Something went wrong (" + (extra + 1) + " problems)");
            return;
        }
        extra = 0;
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        alert.setTitle("ConvStudio — something went wrong");
        alert.setHeaderText("Something went wrong");
        Label text = new Label(explain(error) + "\n\nConvStudio is still running; your design is kept. "
                + "If this keeps happening, copy the details below into a bug report.");
        text.setWrapText(true);
        text.setId("error-explanation");
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);

        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(context + "\n" + trace);
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        VBox.setVgrow(details, Priority.ALWAYS);
        alert.getDialogPane().setExpandableContent(new VBox(details));
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

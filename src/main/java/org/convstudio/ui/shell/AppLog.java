package org.convstudio.ui.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The desktop app's log file: {@code <data folder>/logs/convstudio-0.log}, rotated by
 * {@link java.util.logging.FileHandler} ({@value #LIMIT_BYTES} bytes a file, {@value #COUNT} files:
 * {@code convstudio-0.log} is the newest). Everything the app writes to standard error — its SLF4J log lines
 * (slf4j-simple prints there), uncaught exceptions — is copied into it line by line, as are
 * {@code java.util.logging} records (JavaFX's own warnings). The command-line tools do not use it.
 */
public final class AppLog {

    static final int LIMIT_BYTES = 2 * 1024 * 1024;
    static final int COUNT = 5;
    private static final Logger FILE_LOG = Logger.getLogger("org.convstudio.applog");
    private static volatile Path current;
    private static FileHandler handler;

    private AppLog() {
    }

    /** The file being written now, or null before {@link #install(Path)} (or when it failed). */
    public static Path file() {
        return current;
    }

    /**
     * Starts logging into {@code dataDirectory/logs}. Safe to call twice (the second call does nothing);
     * never throws: without a writable folder the app runs without a log file.
     */
    public static synchronized Path install(Path dataDirectory) {
        if (handler != null) {
            return current;
        }
        Path dir = dataDirectory.resolve("logs");
        try {
            Files.createDirectories(dir);
            FileHandler h = new FileHandler(dir.resolve("convstudio-%g.log").toString().replace("\\", "/"), LIMIT_BYTES, COUNT, true);
            h.setEncoding("UTF-8");
            h.setFormatter(new LineFormatter());
            h.setLevel(Level.ALL);
            Logger.getLogger("").getHandlers(); // the root console handler keeps the original standard error
            FILE_LOG.setUseParentHandlers(false);
            FILE_LOG.addHandler(h);
            Logger root = Logger.getLogger("");
            root.addHandler(h);
            handler = h;
            current = dir.resolve("convstudio-0.log");
            PrintStream original = System.err;
            System.setErr(new PrintStream(new Tee(original), true, StandardCharsets.UTF_8));
            FILE_LOG.info("ConvStudio " + AppInfo.appVersion() + " started; log " + current);
        } catch (IOException | RuntimeException e) {
            System.err.println("ConvStudio runs without a log file: cannot write " + dir + " (" + e.getMessage() + ")");
        }
        return current;
    }

    /** One line per record: time, level, message (and a stack trace when there is one). */
    private static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder s = new StringBuilder();
            s.append(java.time.Instant.ofEpochMilli(r.getMillis())).append(' ');
            if (!r.getLoggerName().equals(FILE_LOG.getName())) {
                s.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ");
            }
            s.append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                java.io.StringWriter w = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(w));
                s.append(w);
            }
            return s.toString();
        }
    }

    /** Passes bytes on to the original standard error and copies each complete line into the log file. */
    private static final class Tee extends OutputStream {
        private final PrintStream original;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

        Tee(PrintStream original) {
            this.original = original;
        }

        @Override
        public synchronized void write(int b) {
            original.write(b);
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    emit();
                } else {
                    line.write(b[i]);
                }
            }
        }

        @Override
        public void flush() {
            original.flush();
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (inside.get() || text.isBlank()) { // a handler error printed to standard error: no loop
                return;
            }
            inside.set(true);
            try {
                FILE_LOG.info(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            } finally {
                inside.set(false);
            }
        }
    }
}

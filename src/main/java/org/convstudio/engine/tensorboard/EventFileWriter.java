package org.convstudio.engine.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one TensorBoard event file, {@code events.out.tfevents.<seconds>.<host>}, in a log folder
 * ({@code tensorboard --logdir} shows every file under it). Each scalar is appended and flushed at once,
 * so TensorBoard sees an epoch as soon as it ends and a killed run leaves a readable file.
 */
public final class EventFileWriter implements AutoCloseable {

    private final Path file;
    private final OutputStream out;

    /**
     * Creates the folder and the file (with its version event).
     *
     * @throws IOException when the folder cannot be written
     */
    public EventFileWriter(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        long now = System.currentTimeMillis();
        String name = "events.out.tfevents." + (now / 1000) + "." + host();
        Path f = logDir.resolve(name);
        for (int i = 2; Files.exists(f); i++) { // two runs within a second into the same folder
            f = logDir.resolve(name + "." + i);
        }
        this.file = f;
        this.out = Files.newOutputStream(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        write(EventRecords.fileVersionEvent(now / 1000.0));
    }

    public Path file() {
        return file;
    }

    /** Appends scalar {@code tag} = {@code value} at {@code step} (NaN and infinities are written as they are). */
    public synchronized void scalar(String tag, long step, double value) throws IOException {
        write(EventRecords.scalarEvent(System.currentTimeMillis() / 1000.0, step, tag, (float) value));
    }

    private synchronized void write(byte[] event) throws IOException {
        out.write(EventRecords.record(event));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static String host() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h == null || h.isBlank() ? "localhost" : h.replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
